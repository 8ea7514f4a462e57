/// A standardisation agreement or publication (a STANAG, an AEP): what nations ratify and implement, and what items
/// conform to.
public struct Standard: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case draft
        case inForce = "in-force"
        case superseded

        public var label: String {
            switch self {
            case .draft: "draft"
            case .inForce: "in force"
            case .superseded: "superseded"
            }
        }
    }

    /// `STANAG-4425`, `AEP-97`: letters, digits, `-`, `_` and `.`.
    public var code: String
    public var edition: String
    public var title: String
    /// The field it covers, such as `indirect fire`.
    public var domain: String
    public var status: Status
    /// The standard that replaced it, when `status` is superseded.
    public var supersededBy: String?

    public init(code: String, edition: String, title: String, domain: String, status: Status, supersededBy: String? = nil) {
        self.code = code
        self.edition = edition
        self.title = title
        self.domain = domain
        self.status = status
        self.supersededBy = supersededBy
    }
}

/// Where a nation stands on a standard: its ratification and its implementation.
public struct Ratification: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case ratified
        case withReservations = "ratified-with-reservations"
        case notRatified = "not-ratified"

        public var label: String {
            switch self {
            case .ratified: "ratified"
            case .withReservations: "ratified with reservations"
            case .notRatified: "not ratified"
            }
        }

        public var isRatified: Bool { self != .notRatified }
    }

    public var standard: String
    public var nation: String
    public var status: Status
    public var plannedImplementation: CalendarDay?
    public var implemented: CalendarDay?

    public init(
        standard: String, nation: String, status: Status, plannedImplementation: CalendarDay? = nil, implemented: CalendarDay? = nil
    ) {
        self.standard = standard
        self.nation = nation
        self.status = status
        self.plannedImplementation = plannedImplementation
        self.implemented = implemented
    }
}

/// An item that conforms to a standard.
public struct Conformance: Sendable, Hashable {
    public var standard: String
    public var item: String

    public init(standard: String, item: String) {
        self.standard = standard
        self.item = item
    }
}
