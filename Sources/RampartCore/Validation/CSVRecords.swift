/// A CSV text (RFC 4180: commas, fields quoted with `"` where they hold a comma, a quote or a line break, `""` for a
/// quote inside one; CRLF or LF line ends; a leading byte-order mark ignored) read into records, each with the line
/// it starts on, so that an import can name the line and the column of every problem, even after a quoted line break.
public struct CSVRecords: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        /// The line of the text the record starts on, from 1.
        public var line: Int
        public var fields: [String]
    }

    /// A text that is not CSV, with where.
    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        /// The field's position in its record, from 1.
        public var column: Int
        public var problem: String
        public var description: String { "line \(line), column \(column): \(problem)" }

        public init(line: Int, column: Int, problem: String) {
            self.line = line
            self.column = column
            self.problem = problem
        }
    }

    public var records: [Record]

    /// Blank lines are skipped; a last line end is optional.
    public static func read(_ text: String) -> Result<CSVRecords, Malformed> {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var afterQuote = false
        var fieldStarted = false
        var index = scalars.startIndex

        func endRecord() {
            fields.append(String(field))
            field = .init()
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            fieldStarted = false
            afterQuote = false
        }

        while index < scalars.endIndex {
            let c = scalars[index]
            index = scalars.index(after: index)
            if quoted {
                if c == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(String(field))
                field = .init()
                afterQuote = false
                fieldStarted = true
            case "\r" where index < scalars.endIndex && scalars[index] == "\n":
                continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !afterQuote else {
                    return .failure(
                        Malformed(
                            line: line, column: fields.count + 1,
                            problem: "a quote inside a field that does not start with one; write it as \"\" inside a quoted field"))
                }
                quoted = true
                fieldStarted = true
            default:
                if afterQuote {
                    return .failure(Malformed(line: line, column: fields.count + 1, problem: "text after a quoted field's closing quote"))
                }
                field.append(c)
                fieldStarted = true
            }
        }
        if quoted {
            return .failure(Malformed(line: recordLine, column: fields.count + 1, problem: "a quoted field is never closed"))
        }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return .success(CSVRecords(records: records))
    }
}
