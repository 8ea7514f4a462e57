/// A type of weapon that fires munitions: a howitzer, a mortar, an air-defence launcher. Nations operate fleets of
/// it; munitions are qualified for it.
public struct WeaponSystem: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case howitzer, mortar, gun, rocketLauncher = "rocket-launcher", airDefenceLauncher = "air-defence-launcher", other

        public var label: String {
            switch self {
            case .howitzer: "Howitzer"
            case .mortar: "Mortar"
            case .gun: "Gun"
            case .rocketLauncher: "Rocket launcher"
            case .airDefenceLauncher: "Air-defence launcher"
            case .other: "Other"
            }
        }
    }

    /// `PZH2000`, `CAESAR-6X6`: letters, digits, `-`, `_` and `.`.
    public var code: String
    public var name: String
    public var kind: Kind
    /// As people write it, `155 mm`; empty for launchers of missiles.
    public var calibre: String

    public init(code: String, name: String, kind: Kind, calibre: String) {
        self.code = code
        self.name = name
        self.kind = kind
        self.calibre = calibre
    }
}

/// How many of a weapon system a nation operates.
public struct Fleet: Sendable, Hashable {
    public var nation: String
    public var system: String
    public var count: Int

    public init(nation: String, system: String, count: Int) {
        self.nation = nation
        self.system = system
        self.count = count
    }
}

/// A munition (an item of the scenario) qualified for a weapon system by a nation, on a day.
public struct Qualification: Sendable, Hashable {
    public var item: String
    public var system: String
    /// The nation whose authority qualified it.
    public var nation: String
    public var qualifiedOn: CalendarDay

    public init(item: String, system: String, nation: String, qualifiedOn: CalendarDay) {
        self.item = item
        self.system = system
        self.nation = nation
        self.qualifiedOn = qualifiedOn
    }
}

/// One nation accepts another's qualifications as its own. One-way: that `nation` recognises `recognises` says
/// nothing of the reverse.
public struct Recognition: Sendable, Hashable {
    public var nation: String
    public var recognises: String

    public init(nation: String, recognises: String) {
        self.nation = nation
        self.recognises = recognises
    }
}
