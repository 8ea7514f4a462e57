/// HTML escaping for everything Rampart renders from data.
///
/// Plot escapes text nodes but writes attribute values as given, so every attribute value that
/// comes from data goes through `Escape.attribute` (via `Node.attr` / `Attribute.attr`).
enum Escape {
    static func attribute(_ s: String) -> String {
        escapeAll(s)
    }

    static func text(_ s: String) -> String {
        escapeAll(s)
    }

    private static func escapeAll(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
