/// Locale-independent number formatting for pages and charts: `,` groups thousands, `.` marks decimals.
enum Format {
    /// Whole units, or one decimal when the value has one: 12,345 or 12,345.5.
    /// A number to type back into a form unchanged: grouped where whole ("11,667"), every digit otherwise.
    static func exact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? integer(Int(value)) : PlainNumber.text(value)
    }

    static func units(_ value: Double) -> String {
        number(value, maxFractionDigits: 1)
    }

    /// A fraction (0...1) as a percentage with at most one decimal: 0.425 → 42.5%.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        return number(fraction * 100, maxFractionDigits: 1) + "%"
    }

    static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(value.magnitude)
    }

    static func number(_ value: Double, maxFractionDigits: Int) -> String {
        guard value.isFinite else { return "–" }
        let digits = max(0, min(maxFractionDigits, 6))
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded()
        guard scaled < 9.0e18 else { return value < 0 ? "-∞" : "∞" }
        let units = UInt64(scaled)
        let whole = units / scale
        let fraction = units % scale
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + grouped(whole) + fractionSuffix(fraction, digits: digits)
    }

    private static func fractionSuffix(_ fraction: UInt64, digits: Int) -> String {
        guard fraction != 0 else { return "" }
        var text = String(fraction)
        while text.count < digits { text = "0" + text }
        while text.hasSuffix("0") { text.removeLast() }
        return "." + text
    }

    private static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
