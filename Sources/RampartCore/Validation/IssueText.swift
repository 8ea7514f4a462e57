/// Formatting of values inside issue messages.
enum IssueText {
    /// `"FOO"`, cut at `limit` characters with an ellipsis.
    static func quoted(_ string: String, limit: Int = 80) -> String {
        string.count > limit ? "\"\(string.prefix(limit))…\"" : "\"\(string)\""
    }

    /// Whole numbers without a fractional part (`130`, not `130.0`); others as Swift prints them.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// `items[3]`.
    static func element(_ list: String, _ index: Int) -> String {
        "\(list)[\(index)]"
    }
}
