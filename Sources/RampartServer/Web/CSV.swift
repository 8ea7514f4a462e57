import Foundation

/// A table as CSV (RFC 4180): cells quoted where they hold a comma, a quote or a line break; text that a spreadsheet
/// would run as a formula (beginning with `=`, `+`, `-`, `@`, a tab or a carriage return) is written after a `'`, so it
/// stays text.
struct CSVTable {
    enum Cell {
        case text(String)
        case number(Double?)
        case integer(Int?)
    }

    var header: [String]
    var rows: [[Cell]]
    /// The releasability marking (`Releasability.marking`) where the table holds a nation's figures: a last column,
    /// "releasability", on every row, so that the marking travels with each row and the header stays the first line.
    var marking: String? = nil

    var text: String {
        let markingCell = marking.map { "," + Self.field(Self.guarded($0)) } ?? ""
        var out = (header + (marking == nil ? [] : ["releasability"])).map { Self.field(Self.guarded($0)) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map(Self.write).joined(separator: ",") + markingCell + "\r\n"
        }
        return out
    }

    private static func write(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return field(guarded(text))
        case .number(let value): return value.map(PlainNumber.text) ?? ""
        case .integer(let value): return value.map(String.init) ?? ""
        }
    }

    static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
