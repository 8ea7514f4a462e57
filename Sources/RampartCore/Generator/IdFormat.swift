extension ScenarioGenerator {
    /// `n` in decimal, left-padded with zeros to `width` digits (wider numbers are kept whole).
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Rounds to 2 decimals, never below 0.01, so BOM quantities stay positive and print exactly.
    static func centi(_ x: Double) -> Double {
        max(1, (x * 100).rounded()) / 100
    }

    /// Per-country running numbers for ids such as `L-DE-0004`.
    struct IdCounter {
        private var next: [String: Int] = [:]

        mutating func id(prefix: String, country: String, width: Int) -> String {
            let n = (next[country] ?? 0) + 1
            next[country] = n
            return "\(prefix)-\(country)-\(ScenarioGenerator.padded(n, width))"
        }
    }
}
