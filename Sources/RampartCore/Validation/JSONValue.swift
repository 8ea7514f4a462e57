/// A parsed JSON value. Objects keep their members in document order so that issues can be
/// reported in the order they appear in the file; numbers keep their source text for messages.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

struct JSONNumber: Sendable, Equatable {
    /// The value; infinite when the literal is too large for a Double (e.g. `1e400`).
    var value: Double
    /// The literal as written in the file.
    var text: String
}

struct JSONMember: Sendable, Equatable {
    var key: String
    var value: JSONValue
}

extension JSONValue {
    /// How a value is named in "expected ..., found ..." messages.
    var foundDescription: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.text
        case .string(let s): IssueText.quoted(s, limit: 40)
        case .array: "an array"
        case .object: "an object"
        }
    }
}
