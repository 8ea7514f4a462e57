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

    private let bytes: [UInt8]
    private var i = 0

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

    private mutating func string() throws(SyntaxError) -> String {
        let open = i
        i += 1
        let start = i
        var isASCII = true
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                i += 1
                return try makeString(bytes[start..<(i - 1)], isASCII: isASCII, at: open)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(prefix: bytes[start..<i], at: open) }
            if byte < 0x20 { throw SyntaxError(message: "control character in a string\(position(i))") }
            if byte >= 0x80 { isASCII = false }
            i += 1
        }
        throw SyntaxError(message: "unterminated string\(position(open))")
    }

    /// The slow path, for strings with backslash escapes.
    private mutating func escapedString(prefix: ArraySlice<UInt8>, at open: Int) throws(SyntaxError) -> String {
        var buffer = Array(prefix)
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                i += 1
                return try makeString(buffer[...], isASCII: false, at: open)
            case UInt8(ascii: "\\"):
                try escape(into: &buffer)
            case 0..<0x20:
                throw SyntaxError(message: "control character in a string\(position(i))")
            default:
                buffer.append(byte)
                i += 1
            }
        }
        throw SyntaxError(message: "unterminated string\(position(open))")
    }

    private mutating func escape(into buffer: inout [UInt8]) throws(SyntaxError) {
        let backslash = i
        i += 1
        guard i < bytes.count else { throw SyntaxError(message: "unterminated string\(position(backslash))") }
        let code = bytes[i]
        i += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escapeAt: backslash)
            if (0xD800..<0xDC00).contains(scalar) {
                guard consume("\\"), consume("u") else { throw invalidEscape(at: backslash) }
                let low = try hex4(escapeAt: backslash)
                guard (0xDC00..<0xE000).contains(low) else { throw invalidEscape(at: backslash) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw invalidEscape(at: backslash) }
            UTF8.encode(unicode) { buffer.append($0) }
        default:
            throw invalidEscape(at: backslash)
        }
    }

    private mutating func hex4(escapeAt backslash: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count, let digit = Self.hexValue(bytes[i]) else { throw invalidEscape(at: backslash) }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func makeString(_ utf8: ArraySlice<UInt8>, isASCII: Bool, at open: Int) throws(SyntaxError) -> String {
        if isASCII { return String(decoding: utf8, as: UTF8.self) }
        // Validating, unlike String(decoding:), which would silently substitute U+FFFD.
        guard let string = String(validatingUTF8Bytes: utf8) else {
            throw SyntaxError(message: "invalid UTF-8 in a string\(position(open))")
        }
        return string
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

    private mutating func consume(_ ascii: Unicode.Scalar) -> Bool {
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
        let found = (0x21..<0x7F).contains(byte)
            ? "\"\(Character(Unicode.Scalar(byte)))\"" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        return SyntaxError(message: "unexpected \(found)\(position(i)) (expected \(expected))")
    }

    private func nestedTooDeep() -> SyntaxError {
        SyntaxError(message: "nested more than \(Self.maxDepth) levels deep\(position(i))")
    }

    private func invalidEscape(at backslash: Int) -> SyntaxError {
        SyntaxError(message: "invalid escape sequence in a string\(position(backslash))")
    }

    /// " at line L, column C" (1-based; columns count bytes).
    private func position(_ offset: Int) -> String {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return " at line \(line), column \(offset - lineStart + 1)"
    }
}

extension String {
    /// nil unless `bytes` is well-formed UTF-8.
    init?(validatingUTF8Bytes bytes: ArraySlice<UInt8>) {
        var scalars = String.UnicodeScalarView()
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: self = String(scalars); return
            case .error: return nil
            }
        }
    }
}
