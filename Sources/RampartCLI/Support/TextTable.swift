/// A plain-text table with aligned columns; numbers right-aligned.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    var rightAligned: Set<Int> = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(maxWidth: Int = 60) -> String {
        let all = [headers] + rows
        var widths = headers.map(\.count)
        for row in all {
            for (c, cell) in row.enumerated() where c < widths.count { widths[c] = min(max(widths[c], cell.count), maxWidth) }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, cell in
                let text = cell.count > widths[c] ? String(cell.prefix(widths[c] - 1)) + "…" : cell
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return rightAligned.contains(c) ? pad + text : text + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

enum Number {
    /// 1234567.8 -> "1,234,568"; fractions below 10 keep one decimal.
    static func grouped(_ x: Double) -> String {
        if !x.isFinite || abs(x) >= 1e15 { return String(x) }
        if abs(x) < 10 && x != x.rounded() {
            let tenths = (x * 10).rounded() / 10
            return String(tenths)
        }
        let n = Int64(x.rounded())
        let digits = String(abs(n))
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    static func signed(_ x: Double) -> String { x > 0 ? "+" + grouped(x) : grouped(x) }
}
