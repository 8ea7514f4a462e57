import Plot

/// One table row written as markup directly, cell by cell: the very markup the cell nodes of `Tables.swift` render.
/// For lists long enough that building each cell as a node shows in the page's time (the late list, the lines).
struct RowMarkup {
    private var html = "<tr>"

    mutating func cell(_ text: String) { html += "<td>" + Escape.elementText(text) + "</td>" }

    mutating func number(_ text: String) { html += "<td class=\"num\">" + Escape.elementText(text) + "</td>" }

    mutating func date(_ text: String) { html += "<td class=\"date\">" + Escape.elementText(text) + "</td>" }

    mutating func units(_ value: Double?) { number(value.map(Format.units) ?? "–") }

    mutating func code(_ text: String) { html += "<td><code>" + Escape.elementText(text) + "</code></td>" }

    /// A code that links to `path` (a Rampart path, checked by `Href.local`).
    mutating func codeLink(_ text: String, to path: String) {
        html += "<td><a href=\"" + Escape.attribute(Href.local(path)) + "\"><code>" + Escape.elementText(text) + "</code></a></td>"
    }

    /// A cell holding a link with `text` to `path`, or nothing.
    mutating func link(_ text: String, to path: String?) {
        guard let path else { return html += "<td></td>" }
        html += "<td><a href=\"" + Escape.attribute(Href.local(path)) + "\">" + Escape.elementText(text) + "</a></td>"
    }

    /// A cell of markup already written and escaped, with a class.
    mutating func markup(_ markup: String, class name: String) {
        html += "<td class=\"" + Escape.attribute(name) + "\">" + markup + "</td>"
    }

    var node: Node<HTML.TableContext> { .raw(html + "</tr>") }
}
