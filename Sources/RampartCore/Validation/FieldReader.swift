/// Reads JSON values as the types the scenario file expects and collects an issue for every
/// mismatch. Paths are passed as closures so that they are only built when there is an issue.
struct FieldReader {
    private(set) var issues: [ScenarioIssue] = []

    /// Integers beyond 2^53 cannot be told apart as Doubles; no count or month in a scenario is near.
    static let largestWholeNumber = 9_007_199_254_740_992.0

    mutating func report(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(path: path, message: message))
    }

    private mutating func mismatch(_ value: JSONValue, expected: String, at path: () -> String) {
        report(path(), "expected \(expected), found \(value.foundDescription)")
    }

    mutating func string(_ value: JSONValue, at path: () -> String) -> String? {
        if case .string(let string) = value {
            guard !string.unicodeScalars.contains("\u{0}") else {
                report(path(), TextRules.nulProblem)
                return nil
            }
            return string
        }
        mismatch(value, expected: "a string", at: path)
        return nil
    }

    /// `null` counts as absent.
    mutating func optionalString(_ value: JSONValue, at path: () -> String) -> OptionalField<String> {
        if case .null = value { return .absent }
        return string(value, at: path).map { .present($0) } ?? .invalid
    }

    mutating func number(_ value: JSONValue, at path: () -> String) -> Double? {
        guard case .number(let number) = value else {
            mismatch(value, expected: "a number", at: path)
            return nil
        }
        guard number.value.isFinite else {
            report(path(), "\(number.text) is out of range")
            return nil
        }
        return number.value
    }

    /// A whole number; `12` and `12.0` are both accepted.
    mutating func integer(_ value: JSONValue, at path: () -> String) -> Int? {
        guard case .number(let number) = value else {
            mismatch(value, expected: "a whole number", at: path)
            return nil
        }
        guard number.value.isFinite, abs(number.value) <= Self.largestWholeNumber else {
            report(path(), "\(number.text) is out of range")
            return nil
        }
        guard number.value == number.value.rounded() else {
            mismatch(value, expected: "a whole number", at: path)
            return nil
        }
        return Int(number.value)
    }

    mutating func kind(_ value: JSONValue, at path: () -> String) -> ItemKind? {
        guard let raw = string(value, at: path) else { return nil }
        guard let kind = ItemKind(rawValue: raw) else {
            report(path(), "unknown kind \(IssueText.quoted(raw)) (expected end, component or material)")
            return nil
        }
        return kind
    }

    /// An array whose elements are read by `element`, each with its path (`items[3]`).
    mutating func list<Element>(
        _ value: JSONValue, at path: () -> String,
        element: (inout FieldReader, JSONValue, String) -> Element
    ) -> [Element]? {
        guard case .array(let values) = value else {
            mismatch(value, expected: "an array", at: path)
            return nil
        }
        let prefix = values.isEmpty ? "" : path()
        var result: [Element] = []
        result.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            result.append(element(&self, value, "\(prefix)[\(index)]"))
        }
        return result
    }

    /// Visits the members of an object in document order: each known field once, with its path.
    /// Reports a value that is not an object, repeated fields and missing required ones.
    /// Returns false if `value` is not an object. Unknown fields are ignored (the contract lets
    /// fields be added).
    @discardableResult
    mutating func fields(
        of value: JSONValue, at path: String, _ fields: FieldSet,
        visit: (inout FieldReader, _ key: String, _ value: JSONValue, _ path: () -> String) -> Void
    ) -> Bool {
        guard case .object(let members) = value else {
            mismatch(value, expected: "an object", at: { path })
            return false
        }
        var seen: UInt64 = 0
        for member in members {
            guard let index = fields.names.firstIndex(of: member.key) else { continue }
            let bit: UInt64 = 1 << index
            if seen & bit != 0 {
                report(path, "field \(IssueText.quoted(member.key)) appears more than once")
                continue
            }
            seen |= bit
            visit(&self, member.key, member.value, { Self.child(path, member.key) })
        }
        for index in 0..<fields.requiredCount where seen & (1 << index) == 0 {
            report(Self.child(path, fields.names[index]), "required field is missing")
        }
        return true
    }

    static func child(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

/// The fields of one kind of object: the required ones first.
struct FieldSet {
    let names: [String]
    let requiredCount: Int

    init(required: [String], optional: [String] = []) {
        names = required + optional
        requiredCount = required.count
        precondition(names.count <= 64)
    }
}
