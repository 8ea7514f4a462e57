/// A number as a person types it back into a form: no exponent, no separators.
enum PlainNumber {
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
