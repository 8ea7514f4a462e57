import Plot

struct Column: Sendable {
    var title: String
    var numeric: Bool = false
    /// The `TableSpec` sort key this column's heading sorts by, if any.
    var sortKey: String? = nil
    /// Which way a first click sorts: largest first for numbers, unless the smallest comes first (priority 1).
    var firstDescending: Bool? = nil

    static func text(_ title: String, sort: String? = nil) -> Column { Column(title: title, sortKey: sort) }
    static func number(_ title: String, sort: String? = nil) -> Column { Column(title: title, numeric: true, sortKey: sort) }
    /// A priority: 1 is the highest, so a first click lists it first.
    static func priority(_ title: String = "Priority", sort: String? = "priority") -> Column {
        Column(title: title, numeric: true, sortKey: sort, firstDescending: false)
    }
}

/// The list a table shows, for its headings' sort links: where it is and how it is sorted and narrowed now.
struct TableSorting: Sendable {
    var path: String
    var query: TableQuery
}

extension Node where Context: HTML.BodyContext {
    /// A zebra-striped table, or `emptyText` when there are no rows.
    static func dataTable(
        caption: String? = nil,
        columns: [Column],
        rows: [Node<HTML.TableContext>],
        emptyText: String = "Nothing to show yet.",
        sorting: TableSorting? = nil,
        totals: Node<HTML.TableContext>? = nil
    ) -> Node {
        guard !rows.isEmpty else { return .paragraph(emptyText, class: "empty") }
        return .div(
            .attr("class", "table-wrap"),
            .table(
                .attr("class", "data"),
                .unwrap(caption) { .caption(.text($0)) },
                .thead(.tr(.forEach(columns) { Node<HTML.TableRowContext>.headerCell($0, sorting: sorting) })),
                .tbody(.group(rows)),
                .unwrap(totals) { .tfoot($0) }
            )
        )
    }
}

extension Node where Context == HTML.TableRowContext {
    /// A column heading; where the column sorts, a link that sorts by it (the other way round when it already does),
    /// with `aria-sort` saying how the rows are sorted now.
    static func headerCell(_ column: Column, sorting: TableSorting? = nil) -> Node {
        guard let key = column.sortKey, let sorting else {
            return .th(.attr("scope", "col"), .if(column.numeric, .attr("class", "num")), .text(column.title))
        }
        let current = sorting.query.sort == key
        let descending = current ? !sorting.query.descending : (column.firstDescending ?? column.numeric)
        let target = Href.withQuery(sorting.path, sorting.query.items(sort: key, descending: descending))
        return .th(
            .attr("scope", "col"),
            .if(column.numeric, .attr("class", "num")),
            .if(current, .attr("aria-sort", sorting.query.descending ? "descending" : "ascending")),
            .a(
                .safeHref(target), .attr("class", "sort"),
                .text(column.title + (current ? (sorting.query.descending ? " ▼" : " ▲") : "")))
        )
    }

    /// A totals row's heading cell, spanning the columns before the first total.
    static func totalsLabel(_ text: String, span: Int) -> Node {
        .th(.attr("scope", "row"), .attr("colspan", String(max(1, span))), .text(text))
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
