/// The limits of the interoperability records' fields: what the editors, the API and the CSV imports all judge by.
/// Each check returns the problem in words, or nil.
public enum InteroperabilityRules {
    public static let maxFleet = 100_000
    /// Qualifications are recorded from the Alliance's founding year to the end of the century.
    public static let qualificationYears = 1949...2100

    /// A weapon system's code: 1 to 40 letters, digits, `-`, `_` and `.`.
    public static func systemCodeProblem(_ code: String) -> String? {
        if code.isEmpty || code.utf8.count > 40 { return "must be 1 to 40 characters" }
        if code.allSatisfy({ $0 == "." }) { return "must hold a letter or a digit" }
        if code.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0))) }) {
            return "only letters, digits, \"-\", \"_\" and \".\""
        }
        return nil
    }

    /// A weapon system's name: 1 to 120 characters on one line.
    public static func systemNameProblem(_ name: String) -> String? {
        if name.allSatisfy(\.isWhitespace) || name.unicodeScalars.count > 120 {
            return "give a name of 1 to 120 characters"
        }
        return oneLineProblem(name)
    }

    /// A calibre as people write it (`155 mm`): at most 20 characters on one line; empty where none applies.
    public static func calibreProblem(_ calibre: String) -> String? {
        if calibre.unicodeScalars.count > 20 { return "at most 20 characters, such as 155 mm" }
        if calibre.contains("|") { return "without \"|\"" }
        return oneLineProblem(calibre)
    }

    public static func kindProblem(_ kind: String) -> String? {
        WeaponSystem.Kind(rawValue: kind) == nil
            ? "must be one of " + WeaponSystem.Kind.allCases.map(\.rawValue).joined(separator: ", ") : nil
    }

    /// A fleet: a whole number of systems, 0 (none operated) to 100,000.
    public static func fleetProblem(_ count: Int) -> String? {
        (0...maxFleet).contains(count) ? nil : "must be a whole number from 0 to 100,000"
    }

    /// A nation or partner Rampart knows, by its code.
    public static func nationProblem(_ code: String) -> String? {
        Alliance.nation(code) == nil ? "\(code.isEmpty ? "(empty)" : code) is not a nation Rampart knows; use an ISO code such as FR" : nil
    }

    /// The day a munition was qualified, `YYYY-MM-DD`, from 1949 to 2100.
    public static func qualificationDay(_ text: String) -> Result<CalendarDay, RuleProblem> {
        guard let day = CalendarDay(iso: text) else { return .failure(RuleProblem("must be a day written YYYY-MM-DD, such as 2024-03-15")) }
        guard qualificationYears.contains(day.year) else { return .failure(RuleProblem("must be a day from 1949 to 2100")) }
        return .success(day)
    }

    public static func recognitionProblem(nation: String, recognises: String) -> String? {
        nation == recognises ? "a nation always accepts its own qualifications; name another nation" : nil
    }

    private static func oneLineProblem(_ text: String) -> String? {
        if text.unicodeScalars.contains(where: { $0 == "\0" }) { return TextRules.nulProblem }
        if text.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .lineSeparator
                || $0.properties.generalCategory == .paragraphSeparator
        }) {
            return "stays on one line, without control characters"
        }
        return nil
    }
}

/// A field's problem in words, where a check also returns a value.
public struct RuleProblem: Error, Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }
}
