import Plot

/// The page frame every view renders into.
enum Layout {
    static func render(
        _ context: PageContext,
        autoRefreshSeconds: Int? = nil,
        _ content: Node<HTML.BodyContext>...
    ) -> HTML {
        HTML(
            .attr("lang", "en"),
            head(context, autoRefreshSeconds: autoRefreshSeconds),
            body(context, content: content)
        )
    }

    static func documentTitle(_ context: PageContext) -> String {
        context.title.isEmpty ? "Rampart" : "\(context.title) · Rampart"
    }

    private static func head(_ context: PageContext, autoRefreshSeconds: Int?) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.attr("charset", "utf-8")),
            .meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1")),
            .unwrap(autoRefreshSeconds) { seconds in
                .meta(.attr("http-equiv", "refresh"), .attr("content", String(max(1, seconds))))
            },
            .element(named: "title", text: documentTitle(context)),
            .link(.attr("rel", "icon"), .attr("type", "image/svg+xml"), .attr("href", SiteRoute.faviconSVG.path)),
            .style(Stylesheet.css)
        )
    }

    private static func body(_ context: PageContext, content: [Node<HTML.BodyContext>]) -> Node<HTML.DocumentContext> {
        .body(
            .a(.attr("class", "skip-link"), .attr("href", "#main"), .text("Skip to the content")),
            .header(
                .attr("class", "topbar"),
                .a(.attr("class", "brand"), .safeHref((context.user == nil ? SiteRoute.home : .dashboard).path), .text("Rampart")),
                .mainNav(context),
                .accountBox(context)
            ),
            .main(
                .attr("id", "main"),
                .attr("class", "container"),
                .notice(context.notice),
                .group(content)
            ),
            .footer(
                .attr("class", "container footer"),
                .text("Rampart · Alliance defence-production coordination")
            )
        )
    }
}
