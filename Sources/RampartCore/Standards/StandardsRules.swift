/// The limits of the standards registry's fields: what the editors, the API and the CSV import all judge by.
public enum StandardsRules {
    /// Implementation days are recorded from the Alliance's founding year to the end of the century.
    public static let years = 1949...2100

    /// A standard's code: 1 to 40 letters, digits, `-`, `_` and `.`, with a letter or a digit.
    public static func codeProblem(_ code: String) -> String? {
        InteroperabilityRules.systemCodeProblem(code).map { $0 + ", such as STANAG-4425" }
    }

    public static func editionProblem(_ edition: String) -> String? {
        text(edition, upTo: 20, what: "an edition")
    }

    public static func titleProblem(_ title: String) -> String? {
        text(title, upTo: 200, what: "a title")
    }

    public static func domainProblem(_ domain: String) -> String? {
        text(domain, upTo: 60, what: "a domain, such as indirect fire,")
    }

    public static func statusProblem(_ status: String) -> String? {
        Standard.Status(rawValue: status) == nil
            ? "must be one of " + Standard.Status.allCases.map(\.rawValue).joined(separator: ", ") : nil
    }

    /// A superseded standard names the standard that replaced it, another one of the registry; no other does.
    public static func supersededProblem(status: Standard.Status, by: String?, code: String, known: Set<String>) -> String? {
        switch (status, by.flatMap { $0.isEmpty ? nil : $0 }) {
        case (.superseded, nil): "a superseded standard names the standard that replaced it"
        case (.superseded, .some(let other)) where other == code: "a standard is not superseded by itself"
        case (.superseded, .some(let other)) where !known.contains(other): "no standard \(other) in the registry"
        case (.superseded, .some): nil
        case (_, .some): "only a superseded standard names the one that replaced it"
        case (_, nil): nil
        }
    }

    public static func ratificationStatusProblem(_ status: String) -> String? {
        Ratification.Status(rawValue: status) == nil
            ? "must be one of " + Ratification.Status.allCases.map(\.rawValue).joined(separator: ", ") : nil
    }

    /// A day of implementation, `YYYY-MM-DD` from 1949 to 2100, or empty for none.
    public static func day(_ text: String) -> Result<CalendarDay?, RuleProblem> {
        guard !text.isEmpty else { return .success(nil) }
        guard let day = CalendarDay(iso: text) else { return .failure(RuleProblem("must be a day written YYYY-MM-DD, such as 2027-06-30")) }
        guard years.contains(day.year) else { return .failure(RuleProblem("must be a day from 1949 to 2100")) }
        return .success(day)
    }

    /// A nation implements only a standard it ratified.
    public static func implementationProblem(_ status: Ratification.Status, implemented: CalendarDay?) -> String? {
        implemented != nil && !status.isRatified ? "a standard not ratified is not implemented; leave the day empty" : nil
    }

    private static func text(_ value: String, upTo limit: Int, what: String) -> String? {
        if value.allSatisfy(\.isWhitespace) || value.unicodeScalars.count > limit { return "give \(what) of 1 to \(limit) characters" }
        if value.unicodeScalars.contains(where: { $0 == "\0" }) { return TextRules.nulProblem }
        if value.contains(where: \.isNewline) { return "one line, without line breaks" }
        return nil
    }
}
