import Plot

extension Node where Context: HTML.BodyContext {
    static func link(_ text: String, to target: String, class className: String? = nil) -> Node {
        .a(
            .safeHref(target),
            .unwrap(className) { .attr("class", $0) },
            .text(text)
        )
    }

    static func heading(_ text: String) -> Node {
        .h1(.text(text))
    }

    static func paragraph(_ text: String, class className: String? = nil) -> Node {
        .p(.unwrap(className) { .attr("class", $0) }, .text(text))
    }

    static func notice(_ text: String?) -> Node {
        .unwrap(text) { .p(.attr("class", "notice"), .attr("role", "status"), .text($0)) }
    }

    /// Shown on an edit form when the save lost to someone else's: the form holds their values now.
    static func conflictNotice(_ show: Bool, record: String) -> Node {
        .if(
            show,
            .p(
                .attr("class", "notice warning"),
                .attr("role", "alert"),
                .text(
                    "Someone else saved this \(record) first. The form now shows their values: check them, "
                        + "make your change again if it is still needed, and save.")
            ))
    }

    /// The releasability marking (`Releasability.marking`), shown on screen and on every printed page.
    static func marking(_ text: String) -> Node {
        .p(.attr("class", "marking"), .text(text))
    }

    static func success(_ text: String) -> Node {
        .p(.attr("class", "notice success"), .attr("role", "status"), .text(text))
    }

    static func errorList(_ errors: [String]) -> Node {
        .if(
            !errors.isEmpty,
            .ul(
                .attr("class", "errors"),
                .attr("role", "alert"),
                .forEach(errors) { .li(.text($0)) }
            )
        )
    }

    static func errorMessage(_ error: String?) -> Node {
        .errorList(error.map { [$0] } ?? [])
    }

    /// Embeds an SVG produced by `SVGChart`, which escapes every piece of text it contains.
    /// This is the only place views emit raw markup.
    static func chart(_ svg: String) -> Node {
        .div(.attr("class", "chart"), .raw(svg))
    }

    static func cards(_ items: [(label: String, value: String)]) -> Node {
        .div(
            .attr("class", "cards"),
            .forEach(items) { item in
                .div(
                    .attr("class", "card"),
                    .span(.attr("class", "card-value"), .text(item.value)),
                    .span(.attr("class", "card-label"), .text(item.label))
                )
            }
        )
    }

    static func progressBar(_ fraction: Double, label: String) -> Node {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        return .div(
            .attr("class", "progress"),
            .element(
                named: "progress",
                nodes: [
                    .attr("max", "100"),
                    .attr("value", Format.number(clamped * 100, maxFractionDigits: 0)),
                    .attr("aria-label", label),
                    .text(Format.percent(clamped)),
                ]),
            .span(.attr("class", "progress-label"), .text("\(label) · \(Format.percent(clamped))"))
        )
    }

    /// Numbered pages: first, previous, the pages around this one, next and last, each link keeping `query` (the
    /// list's sort, filters and search).
    static func pagination(
        page: Int, pageCount: Int, basePath: String, query: [(name: String, value: String)] = []
    ) -> Node {
        func link(_ target: Int) -> String {
            Href.withQuery(basePath, query + (target > 1 ? [(name: "page", value: String(target))] : []))
        }
        // A page past the end (an old link after rows went) still gets links back.
        let last = max(1, pageCount), at = min(max(1, page), last)
        let window = Array(max(1, at - 2)...min(last, at + 2))
        var numbers: [Int] = []
        if window.first ?? 1 > 1 { numbers.append(1) }
        numbers += window
        if window.last ?? last < last { numbers.append(last) }
        return .if(
            pageCount > 1,
            .nav(
                .attr("class", "pagination"),
                .attr("aria-label", "Pages"),
                .if(page > 1, .a(.safeHref(link(page - 1)), .attr("rel", "prev"), .text("← Previous"))),
                .forEach(Array(numbers.enumerated())) { index, number in
                    .group(
                        .if(index > 0 && numbers[index - 1] != number - 1, .span(.attr("class", "gap"), .text("…"))),
                        number == page
                            ? .span(.attr("aria-current", "page"), .attr("class", "current"), .text(String(number)))
                            : .a(.safeHref(link(number)), .attr("aria-label", "Page \(number)"), .text(String(number)))
                    )
                },
                .if(page < pageCount, .a(.safeHref(link(page + 1)), .attr("rel", "next"), .text("Next →"))),
                .span(.attr("class", "muted"), .text("Page \(page) of \(pageCount)"))
            )
        )
    }
}
