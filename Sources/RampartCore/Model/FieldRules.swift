/// The limits of the planning contract's fields (planning-model.md, "Bounds"), as one set of rules that the
/// scenario reader, the server's editors and its API all judge by. Each check returns the problem in words, or nil.
public enum FieldRules {
    /// Demand and stock quantities and capacities per month: finite sums need a ceiling.
    public static let maxQuantity = 1e12
    /// A bill of materials' quantity of a component per unit.
    public static let maxBillQuantity = 1e6
    public static let leadTimeMonths = 0...1200
    public static let horizonMonths = 1...1200
    public static let priorities = 1...5

    /// A demand's or a stock's quantity (`positive`: above 0; otherwise 0 is allowed).
    public static func quantityProblem(_ qty: Double, positive: Bool) -> String? {
        if !qty.isFinite { return "\(IssueText.number(qty)) is not a finite number" }
        if qty < 0 { return "\(IssueText.number(qty)) is negative" }
        if positive && qty == 0 { return "\(IssueText.number(qty)) is not positive" }
        if qty > maxQuantity { return "\(IssueText.number(qty)) is too large (at most 1e12)" }
        return nil
    }

    /// A capacity step's units per month: 0 to 1e12.
    public static func capacityProblem(_ perMonth: Double) -> String? {
        quantityProblem(perMonth, positive: false)
    }

    /// A component's quantity per unit in a bill of materials: above 0, at most 1e6.
    public static func billQuantityProblem(_ qty: Double) -> String? {
        if !qty.isFinite || qty <= 0 { return quantityProblem(qty, positive: true) }
        if qty > maxBillQuantity { return "\(IssueText.number(qty)) is too large (at most 1e6)" }
        return nil
    }

    public static func leadTimeProblem(_ months: Int) -> String? {
        if months < 0 { return "\(months) is negative" }
        if months > leadTimeMonths.upperBound { return "\(months) is too long (at most \(leadTimeMonths.upperBound) months)" }
        return nil
    }

    /// A month index of a horizon of `horizon` months: 0 to horizon - 1.
    public static func monthProblem(_ month: Int, horizon: Int) -> String? {
        if month < 0 { return "\(month) is negative" }
        if month >= horizon { return "\(month) is past the horizon (\(horizon) months)" }
        return nil
    }

    public static func priorityProblem(_ priority: Int) -> String? {
        priorities.contains(priority) ? nil : "\(priority) is out of range (1 to 5)"
    }

    public static func horizonProblem(_ months: Int) -> String? {
        horizonMonths.contains(months) ? nil : "\(months) is out of range (1 to \(horizonMonths.upperBound) months)"
    }
}

/// A page of a list, as the server's lists take it: `page` from 1, `per` rows from 1 to 500. Bounded so that the
/// offset `(page - 1) × per` can never overflow, whatever a caller sends.
public enum PageRules {
    public static let pages = 1...1_000_000
    public static let perPage = 1...500

    public static func pageProblem(_ page: Int) -> String? {
        pages.contains(page) ? nil : "must be a whole number from 1 to \(pages.upperBound)"
    }

    public static func perProblem(_ per: Int) -> String? {
        perPage.contains(per) ? nil : "must be a whole number from 1 to \(perPage.upperBound)"
    }

    /// The first row of `page` (from 1), in range for every page and per these rules allow.
    public static func offset(page: Int, per: Int) -> Int {
        (min(max(page, 1), pages.upperBound) - 1) * min(max(per, 1), perPage.upperBound)
    }
}

/// Numbers as people type them in forms and query strings: decimal digits only, no exponent, hexadecimal,
/// "inf" or "nan" (Swift's own parsers take `0x10` as 16 and `1e308` as a number).
public enum DecimalText {
    /// `[+-]? digits [. digits]` or `[+-]? . digits`, with surrounding spaces; at most 40 characters.
    public static func number(_ text: String) -> Double? {
        let trimmed = trimmedSpaces(text)
        guard isDecimal(trimmed, allowFraction: true) else { return nil }
        return Double(trimmed)
    }

    /// A number as the pages write it, thousands grouped by commas ("12,345.5", "1,000"), or plain; nil otherwise.
    /// Commas must group exactly three digits, so "1,5" (a decimal comma) is refused rather than read as 15.
    public static func grouped(_ text: String) -> Double? {
        if let plain = number(text) { return plain }
        let trimmed = trimmedSpaces(text)
        guard trimmed.contains(",") else { return nil }
        let unsigned = trimmed.first == "-" || trimmed.first == "+" ? trimmed.dropFirst() : trimmed
        let whole = unsigned.prefix { $0 != "." }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
            return nil
        }
        return number(String(trimmed.filter { $0 != "," }))
    }

    /// `[+-]? digits`, in the range of `Int`; nil otherwise (never a trap).
    public static func integer(_ text: String) -> Int? {
        let trimmed = trimmedSpaces(text)
        guard isDecimal(trimmed, allowFraction: false) else { return nil }
        return Int(trimmed)
    }

    private static func trimmedSpaces(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return text[first...last]
    }

    private static func isDecimal(_ text: Substring, allowFraction: Bool) -> Bool {
        guard (1...40).contains(text.utf8.count) else { return false }
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digits = 0
        var seenPoint = false
        for byte in bytes {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits += 1
            } else if byte == UInt8(ascii: "."), allowFraction, !seenPoint {
                seenPoint = true
            } else {
                return false
            }
        }
        return digits > 0
    }
}

/// The ids of the demands a nation enters carry its code, `D-PL-0042`, as the generator and the demo write them;
/// so an id a delegate chooses can never name (or collide with) another nation's demand.
public enum DemandID {
    public static func prefix(of nation: String) -> String { "D-\(nation)-" }

    /// What is wrong with `id` as the id of a new demand of `nation`, or nil.
    public static func problem(_ id: String, nation: String) -> String? {
        if id.isEmpty || id.utf8.count > 64 { return "must be 1 to 64 characters" }
        if id.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0))) }) {
            return "only letters, digits, \"-\", \"_\" and \".\""
        }
        let prefix = prefix(of: nation)
        if id.hasPrefix(prefix), id.count > prefix.count { return nil }
        let parts = id.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "D", !parts[1].isEmpty, parts[1] != Substring(nation) {
            return "\(id) names nation \(parts[1]); the ids of \(nation)'s demands start with \(prefix)"
        }
        return "must start with \(prefix) (the ids of \(nation)'s demands carry its code), for example \(prefix)0042"
    }
}

/// Rules for text that people type: what every store can keep and every page and mail can show on one line.
public enum TextRules {
    /// PostgreSQL keeps no NUL character in text; no input may carry one.
    public static let nulProblem = "text may not contain the NUL character"

    /// A person's display name: 1 to 100 characters, on one line, with no control characters (it is written into
    /// mails and pages, where a line break could forge a line).
    public static func displayNameProblem(_ name: String) -> String? {
        if name.isEmpty || name.count > 100 { return "give a name of 1 to 100 characters" }
        if name.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .lineSeparator || $0.properties.generalCategory == .paragraphSeparator
        }) {
            return "a name stays on one line, without control characters"
        }
        return nil
    }
}
