import Foundation

/// The one percent-encoder and the one local-path guard: link targets built from data have each path segment and
/// query value encoded, and anything that is not a path of Rampart itself becomes `/`, so a link, a redirect or a
/// return address can never leave the site or run script. Links to routes are written with `SiteRoute`.
enum Href {
    /// `base` with a query string, each name and value percent-encoded, in the order given.
    static func withQuery(_ base: String, _ query: [(name: String, value: String)]) -> String {
        guard !query.isEmpty else { return local(base) }
        let pairs = query.map { percentEncoded($0.name) + "=" + percentEncoded($0.value) }
        return local(base) + "?" + pairs.joined(separator: "&")
    }

    /// `candidate` when it is a path of this site, else `/`: it starts with one `/`, holds no backslash, white space
    /// or control character, and names no scheme or host.
    static func local(_ candidate: String) -> String {
        isLocal(candidate) ? candidate : "/"
    }

    /// A return address from a form or query (`next`, `return_to`): `local`, and `/` when absent.
    static func local(_ candidate: String?) -> String {
        candidate.map(local) ?? "/"
    }

    static func isLocal(_ candidate: String) -> Bool {
        if isPlainLocalPath(candidate) { return true }
        guard candidate.hasPrefix("/"), !candidate.hasPrefix("//"),
            !candidate.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }),
            let components = URLComponents(string: candidate), components.scheme == nil, components.host == nil
        else { return false }
        return true
    }

    /// The links Rampart writes itself (`/plans/<id>?sort=due&page=2`): one leading `/` and only unreserved
    /// characters, `/`, `%`, `?`, `=`, `&` and `+` after it, so no scheme, host, white space or control character.
    /// Answered from the bytes alone; anything else goes through the full check.
    private static func isPlainLocalPath(_ candidate: String) -> Bool {
        var candidate = candidate
        return candidate.withUTF8 { bytes in
            guard bytes.count >= 1, bytes[0] == UInt8(ascii: "/"), bytes.count == 1 || bytes[1] != UInt8(ascii: "/") else {
                return false
            }
            return bytes.allSatisfy { byte in
                isUnreserved(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?")
                    || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "+")
            }
        }
    }

    /// Every byte but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) as `%XX`.
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
