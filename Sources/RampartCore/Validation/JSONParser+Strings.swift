/// String literals: escapes, surrogate pairs, UTF-8 validation.
extension JSONParser {
    mutating func string() throws(SyntaxError) -> String {
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

    private func invalidEscape(at backslash: Int) -> SyntaxError {
        SyntaxError(message: "invalid escape sequence in a string\(position(backslash))")
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
