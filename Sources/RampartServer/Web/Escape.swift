/// HTML escaping for everything Rampart renders from data.
///
/// Plot escapes text nodes but writes attribute values as given, so every attribute value that
/// comes from data goes through `Escape.attribute` (via `Node.attr` / `Attribute.attr`).
enum Escape {
    static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    static func text(_ s: String) -> String {
        escape(s, quotes: true)
    }

    /// Text between HTML tags (`Node.text`): `&`, `<` and `>`; quotes need no escaping there, and are written as
    /// they are, as Plot did.
    static func elementText(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// Most strings on a page (numbers, codes, names) need nothing: they are returned as they are, after one pass
    /// over their bytes.
    private static func escape(_ s: String, quotes: Bool) -> String {
        var s = s
        let needs = s.withUTF8 { bytes in
            bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }
        }
        guard needs else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22 where quotes: out.append(contentsOf: "&quot;".utf8)
            case 0x27 where quotes: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
