import Plot

struct Column: Sendable {
    var title: String
    var numeric: Bool = false

    static func text(_ title: String) -> Column { Column(title: title) }
    static func number(_ title: String) -> Column { Column(title: title, numeric: true) }
}

extension Node where Context: HTML.BodyContext {
    /// A zebra-striped table, or `emptyText` when there are no rows.
    static func dataTable(
        caption: String? = nil,
        columns: [Column],
        rows: [Node<HTML.TableContext>],
        emptyText: String = "Nothing to show yet."
    ) -> Node {
        guard !rows.isEmpty else { return .paragraph(emptyText, class: "empty") }
        return .div(
            .attr("class", "table-wrap"),
            .table(
                .attr("class", "data"),
                .unwrap(caption) { .caption(.text($0)) },
                .thead(.tr(.forEach(columns) { Node<HTML.TableRowContext>.headerCell($0) })),
                .tbody(.group(rows))
            )
        )
    }
}

extension Node where Context == HTML.TableRowContext {
    static func headerCell(_ column: Column) -> Node {
        .th(.attr("scope", "col"), .if(column.numeric, .attr("class", "num")), .text(column.title))
    }

    static func cell(_ text: String) -> Node {
        .td(.text(text))
    }

    static func numberCell(_ text: String) -> Node {
        .td(.attr("class", "num"), .text(text))
    }

    /// A calendar month or a date, never wrapped.
    static func dateCell(_ text: String) -> Node {
        .td(.attr("class", "date"), .text(text))
    }

    static func unitsCell(_ value: Double?) -> Node {
        .numberCell(value.map(Format.units) ?? "–")
    }

    static func linkCell(_ text: String, to target: String) -> Node {
        .td(.link(text, to: target))
    }

    static func codeCell(_ text: String) -> Node {
        .td(.code(.text(text)))
    }
}
