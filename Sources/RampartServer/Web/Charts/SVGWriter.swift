/// A tiny SVG string builder. Every text and attribute value from data is escaped through `Escape`.
struct SVGWriter {
    private(set) var output = ""

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<" + name + Self.attributeList(attributes) + ">"
    }

    mutating func close(_ name: String) {
        output += "</" + name + ">"
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        output += "<" + name + Self.attributeList(attributes) + "/>"
    }

    mutating func text(_ name: String, _ attributes: [(String, String)], _ content: String) {
        open(name, attributes)
        output += Escape.text(content)
        close(name)
    }

    static func attributeList(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + Escape.attribute($0.1) + "\"" }.joined()
    }

    /// A coordinate with at most one decimal, independent of locale.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return sign + String(magnitude / 10) + (magnitude % 10 == 0 ? "" : "." + String(magnitude % 10))
    }

    static func n(_ value: Int) -> String {
        String(value)
    }
}
