import Plot

extension Node where Context: HTML.BodyContext {
    /// The tools above a list: its search box and filters as a GET form (it works without JavaScript), the count of
    /// rows they leave, and the CSV of those rows.
    static func tableTools(
        _ spec: TableSpec, _ query: TableQuery, path: String, summary: String, csvPath: String? = nil
    ) -> Node {
        .div(
            .attr("class", "table-tools"),
            .if(
                spec.searchLabel != nil || !spec.filters.isEmpty,
                .form(
                    .attr("method", "get"),
                    .attr("action", Href.local(path)),
                    .attr("class", "filters"),
                    .attr("role", "search"),
                    .hiddenField("sort", query.sort),
                    .hiddenField("dir", query.descending ? "desc" : "asc"),
                    .unwrap(spec.searchLabel) { label in
                        .field(
                            label, name: "q", type: "search", value: query.search,
                            extra: [.attr("maxlength", String(TableQuery.searchLimit))])
                    },
                    .forEach(spec.filters) { filter in
                        .selectField(filter.label, name: filter.name, options: filter.options, selected: query.filters[filter.name] ?? "")
                    },
                    .div(
                        .attr("class", "field filter-actions"),
                        .submitButton("Apply"),
                        .if(query.isNarrowed, .link("Clear", to: path, class: "button secondary"))
                    )
                )),
            .p(
                .attr("class", "table-count"),
                .attr("role", "status"),
                .text(summary),
                .unwrap(csvPath) { csv in
                    .group(.text(" "), .a(.safeHref(Href.withQuery(csv, query.items())), .text("Download these as CSV")))
                }
            )
        )
    }
}

/// The sentence above a list: how many rows there are, how many the filters leave, how many this page shows.
enum TableCount {
    static func text(shown: Int, matching: Int, all: Int, noun: (one: String, many: String), narrowed: Bool) -> String {
        func count(_ n: Int) -> String { n == 1 ? "1 \(noun.one)" : "\(Format.integer(n)) \(noun.many)" }
        var out = count(all)
        if narrowed { out += "; \(Format.integer(matching)) \(matching == 1 ? "matches" : "match") the filters" }
        if shown < matching { out += "; this page shows \(Format.integer(shown))" }
        return out + "."
    }
}
