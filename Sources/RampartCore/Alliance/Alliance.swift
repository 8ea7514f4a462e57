/// A day of the calendar, without a clock or a time zone.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

/// A nation or organisation Rampart knows: an Ally with the day it joined, or a partner that files demands too.
public struct AllianceNation: Sendable, Hashable {
    public enum Standing: Sendable, Hashable {
        /// A member of the Alliance since that day (the day its instrument of accession was deposited).
        case ally(since: CalendarDay)
        /// Not a member: Ukraine, the European Union.
        case partner
    }

    /// ISO 3166 alpha-2, or `EU`: the code demands and accounts use.
    public var code: String
    /// The English short name.
    public var name: String
    public var standing: Standing

    public var isAlly: Bool {
        if case .ally = standing { return true }
        return false
    }

    public var accession: CalendarDay? {
        if case .ally(let since) = standing { return since }
        return nil
    }

    /// Whether the nation was an Ally on `day`.
    public func isAlly(on day: CalendarDay) -> Bool {
        accession.map { $0 <= day } ?? false
    }
}

/// The Allies and partners, as data: the one list every part of Rampart uses.
public enum Alliance {
    private static let founded = CalendarDay(1949, 8, 24)

    /// The 32 Allies, in the order of their English short names.
    public static let allies: [AllianceNation] = [
        ally("AL", "Albania", CalendarDay(2009, 4, 1)),
        ally("BE", "Belgium", founded),
        ally("BG", "Bulgaria", CalendarDay(2004, 3, 29)),
        ally("CA", "Canada", founded),
        ally("HR", "Croatia", CalendarDay(2009, 4, 1)),
        ally("CZ", "Czechia", CalendarDay(1999, 3, 12)),
        ally("DK", "Denmark", founded),
        ally("EE", "Estonia", CalendarDay(2004, 3, 29)),
        ally("FI", "Finland", CalendarDay(2023, 4, 4)),
        ally("FR", "France", founded),
        ally("DE", "Germany", CalendarDay(1955, 5, 6)),
        ally("GR", "Greece", CalendarDay(1952, 2, 18)),
        ally("HU", "Hungary", CalendarDay(1999, 3, 12)),
        ally("IS", "Iceland", founded),
        ally("IT", "Italy", founded),
        ally("LV", "Latvia", CalendarDay(2004, 3, 29)),
        ally("LT", "Lithuania", CalendarDay(2004, 3, 29)),
        ally("LU", "Luxembourg", founded),
        ally("ME", "Montenegro", CalendarDay(2017, 6, 5)),
        ally("NL", "Netherlands", founded),
        ally("MK", "North Macedonia", CalendarDay(2020, 3, 27)),
        ally("NO", "Norway", founded),
        ally("PL", "Poland", CalendarDay(1999, 3, 12)),
        ally("PT", "Portugal", founded),
        ally("RO", "Romania", CalendarDay(2004, 3, 29)),
        ally("SK", "Slovakia", CalendarDay(2004, 3, 29)),
        ally("SI", "Slovenia", CalendarDay(2004, 3, 29)),
        ally("ES", "Spain", CalendarDay(1982, 5, 30)),
        ally("SE", "Sweden", CalendarDay(2024, 3, 7)),
        ally("TR", "Türkiye", CalendarDay(1952, 2, 18)),
        ally("GB", "United Kingdom", founded),
        ally("US", "United States", founded),
    ]

    /// Those who are not Allies but file demands or take part in joint procurement.
    public static let partners: [AllianceNation] = [
        AllianceNation(code: "UA", name: "Ukraine", standing: .partner),
        AllianceNation(code: "EU", name: "European Union", standing: .partner),
    ]

    /// Allies, then partners.
    public static let all: [AllianceNation] = allies + partners

    private static let byCode: [String: AllianceNation] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    public static func nation(_ code: String) -> AllianceNation? { byCode[code] }

    /// The English short name of `code`, or the code itself when Rampart does not know it.
    public static func name(of code: String) -> String { byCode[code]?.name ?? code }

    /// The Allies on `day`, in the order of `allies`.
    public static func allies(on day: CalendarDay) -> [AllianceNation] {
        allies.filter { $0.isAlly(on: day) }
    }

    private static func ally(_ code: String, _ name: String, _ since: CalendarDay) -> AllianceNation {
        AllianceNation(code: code, name: name, standing: .ally(since: since))
    }
}
