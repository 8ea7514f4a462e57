/// A strict RFC 8259 JSON parser. Unlike `JSONSerialization` it keeps object members in
/// document order, tells booleans from numbers, keeps number literals, accepts numbers too
/// large for a Double (as infinity) and reports where a syntax error is.
struct JSONParser {
    struct SyntaxError: Error, Equatable {
        /// e.g. `unexpected "]" at line 3, column 7 (expected a value)`.
        var message: String
    }

    /// Deep enough for any scenario; shallow enough that recursion cannot exhaust a thread's stack.
    static let maxDepth = 100

    let bytes: [UInt8]
    var i = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        return try parser.document()
    }

    private mutating func document() throws(SyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }  // UTF-8 byte order mark
        skipWhitespace()
        if i == bytes.count { throw SyntaxError(message: "the file is empty") }
        let value = try self.value(depth: 0)
        skipWhitespace()
        if i < bytes.count { throw unexpected(expecting: "nothing after the top-level value") }
        return value
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
        guard i < bytes.count else { throw unexpected(expecting: "a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: throw unexpected(expecting: "a value")
        }
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw nestedTooDeep() }
        i += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if consume("}") { return .object(members) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw unexpected(expecting: "a string key")
            }
            let key = try string()
            skipWhitespace()
            guard consume(":") else { throw unexpected(expecting: "\":\"") }
            skipWhitespace()
            members.append(JSONMember(key: key, value: try value(depth: depth)))
            skipWhitespace()
            if consume(",") { continue }
            if consume("}") { return .object(members) }
            throw unexpected(expecting: "\",\" or \"}\"")
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw nestedTooDeep() }
        i += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume("]") { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            if consume(",") { continue }
            if consume("]") { return .array(elements) }
            throw unexpected(expecting: "\",\" or \"]\"")
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let start = i
        for byte in word.utf8 {
            guard i < bytes.count, bytes[i] == byte else {
                i = start
                throw unexpected(expecting: "a value")
            }
            i += 1
        }
    }

    private mutating func number() throws(SyntaxError) -> JSONNumber {
        let start = i
        var isPlainInteger = true
        _ = consume("-")
        if consume("0") {
            // A leading zero stands alone: "012" is rejected by the caller at the "1".
        } else if !skipDigits() {
            throw unexpected(expecting: "a digit")
        }
        if consume(".") {
            isPlainInteger = false
            guard skipDigits() else { throw unexpected(expecting: "a digit after \".\"") }
        }
        if consume("e") || consume("E") {
            isPlainInteger = false
            if !consume("+") { _ = consume("-") }
            guard skipDigits() else { throw unexpected(expecting: "a digit in the exponent") }
        }
        let literal = bytes[start..<i]
        let text = String(decoding: literal, as: UTF8.self)
        if isPlainInteger && literal.count <= 16 {
            var magnitude = 0
            for byte in literal where byte != UInt8(ascii: "-") {
                magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return JSONNumber(value: Double(literal.first == UInt8(ascii: "-") ? -magnitude : magnitude), text: text)
        }
        // Double(_:) gives ±infinity for literals beyond its range; the decoder reports those.
        guard let value = Double(text) else { throw SyntaxError(message: "invalid number \(text)\(position(start))") }
        return JSONNumber(value: value, text: text)
    }

    // MARK: - Scanning

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() -> Bool {
        let start = i
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        return i > start
    }

    mutating func consume(_ ascii: Unicode.Scalar) -> Bool {
        guard i < bytes.count, bytes[i] == UInt8(ascii: ascii) else { return false }
        i += 1
        return true
    }

    // MARK: - Errors

    private func unexpected(expecting expected: String) -> SyntaxError {
        guard i < bytes.count else {
            return SyntaxError(message: "unexpected end of data\(position(i)) (expected \(expected))")
        }
        let byte = bytes[i]
        let found =
            (0x21..<0x7F).contains(byte)
            ? "\"\(Character(Unicode.Scalar(byte)))\"" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        return SyntaxError(message: "unexpected \(found)\(position(i)) (expected \(expected))")
    }

    private func nestedTooDeep() -> SyntaxError {
        SyntaxError(message: "nested more than \(Self.maxDepth) levels deep\(position(i))")
    }

    /// " at line L, column C" (1-based; columns count bytes).
    func position(_ offset: Int) -> String {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return " at line \(line), column \(offset - lineStart + 1)"
    }
}
