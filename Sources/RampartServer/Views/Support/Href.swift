/// Builds link targets from data: path segments and query values are percent-encoded, and
/// anything that is not a local path is replaced, so a link can never leave the site or run script.
enum Href {
    static func path(_ segments: String...) -> String {
        "/" + segments.map(percentEncoded).joined(separator: "/")
    }

    static func path(_ base: String, query: [(name: String, value: String)]) -> String {
        guard !query.isEmpty else { return local(base) }
        let pairs = query.map { percentEncoded($0.name) + "=" + percentEncoded($0.value) }
        return local(base) + "?" + pairs.joined(separator: "&")
    }

    static func local(_ candidate: String) -> String {
        let isLocal = candidate.hasPrefix("/")
            && !candidate.hasPrefix("//")
            && !candidate.hasPrefix("/\\")
            && !candidate.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        return isLocal ? candidate : "/"
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return out
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? nibble + 48 : nibble + 55))
    }
}
