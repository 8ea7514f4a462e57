import NIOConcurrencyHelpers
import Plot
import RampartCore

enum PlanDetailPage {
    /// A part of the page that the reader may or may not see: where not, the page says so instead of "none".
    enum Visible<Content: Sendable>: Sendable {
        case shown(Content)
        case withheld(String)
    }

    struct LateRow: Sendable {
        var demand: String
        var nation: String
        var target: String
        var dueLabel: String
        var firstDeliveryLabel: String?
        var lastDeliveryLabel: String?
        var monthsLate: Int?
        var lateUnits: Double
        var unservedUnits: Double
        var weightedLateness: Double?
        /// The main constraint first, then the rest of the chain.
        var causes: [String]
        var priority: Int = 0
        /// Causes the planner found and did not keep.
        var causesNotKept = 0
    }

    struct LateList: Sendable {
        var rows: [LateRow]
        /// Late or short demands the reader may see that the filters leave, in all pages.
        var total: Int
        /// Late or short demands the reader may see, filters or not.
        var allTotal: Int? = nil
        /// Whose demands: "all nations'" or "France's".
        var scope: String
        var page: Int
        var pageCount: Int
        var pagePath: String
        /// The whole list as CSV.
        var csvPath: String? = nil
        var spec: TableSpec? = nil
        var query: TableQuery? = nil
        /// For links to each demand's page in the run.
        var runID: String? = nil
        /// The weighted lateness of all `total` demands, on all pages (units of unlike items are not summed).
        var weightedLateness: Double? = nil
        /// Whether the reasons link their lines and supplies (for staff, who may open their pages).
        var linksSources = false
    }

    struct BottleneckRow: Sendable {
        var resource: String
        var kind: String
        var saving: Double
        var detail: String
    }

    struct Bottlenecks: Sendable {
        var rows: [BottleneckRow]
        /// How many lines and supplies were re-planned with more capacity.
        var candidatesTried: Int
    }

    struct Model: Sendable {
        var run: PlanRunRow
        var nations: Visible<[NationOutcomeRow]>
        var late: Visible<LateList>
        var bottlenecks: Visible<Bottlenecks>
        /// Said above the results when the data changed after the run read it.
        var staleNotice: String? = nil
        /// The plan file as this reader may download it: its label and address.
        var download: (label: String, path: String)? = nil
        var marking: String? = nil
        /// Where to compare this run with another, for those who read per-demand outcomes.
        var comparePath: String? = nil
        /// The run's demands counted by outcome, for those who read its figures.
        var counts: PlanRunSummary.DemandCounts? = nil
        /// Units per class or item, over the nations the reader may see.
        var targets: Visible<Targets> = .withheld("")
        /// Whether the tables per nation and per class or item are a stored run's, which never change: rendered
        /// once per run and reader's scope (`RenderedFragments`).
        var tablesAreStored = false
    }

    struct Targets: Sendable {
        var rows: [TargetOutcomeRow]
        /// Whose demands: "All nations'", "France's".
        var scope: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            autoRefreshSeconds: model.run.isActive ? 2 : nil,
            .unwrap(model.marking) { .marking($0) },
            .heading(model.run.title),
            .runFacts(model.run, showingObjective: true),
            .unwrap(model.staleNotice) { .paragraph($0, class: "notice warning") },
            statusContent(model.run, counts: model.counts),
            .if(!model.run.isActive && !model.run.isFailed, results(model)),
            .p(
                .link("All plan runs", to: SiteRoute.plans.path),
                .if(
                    !model.run.isActive && !model.run.isFailed,
                    .group(
                        .unwrap(model.comparePath) { .group(.text(" · "), .link("Compare with another run", to: $0)) },
                        .unwrap(model.download) { download in .group(.text(" · "), .link(download.label, to: download.path)) }))),
            .unwrap(model.marking) { .marking($0) }
        )
    }

    private static func statusContent(_ run: PlanRunRow, counts: PlanRunSummary.DemandCounts?) -> Node<HTML.BodyContext> {
        if run.isActive {
            return .group(
                .progressBar(run.progress, label: run.phase.isEmpty ? run.status.rawValue : run.phase),
                .paragraph("This page refreshes every two seconds until the run finishes.", class: "muted")
            )
        }
        if run.isFailed {
            return .errorMessage(run.error ?? "The run failed.")
        }
        return .runFigures(run, counts: counts)
    }

    private static func results(_ model: Model) -> Node<HTML.BodyContext> {
        func stored(_ key: String, _ node: () -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
            guard model.tablesAreStored else { return node() }
            return .raw(RenderedFragments.html("plan/\(model.run.id)/" + key) { node().render() })
        }
        return .group(
            .section(
                .h2(.text("By nation")),
                visible(model.nations) { rows in
                    stored("nations/" + rows.map(\.nation).joined(separator: ",")) {
                        .group(.nationOutcomes(rows), csvLink(rows.isEmpty, SiteRoute.planNationsCSV(id: model.run.id).path))
                    }
                }),
            .section(
                .h2(.text("By class or item")),
                visible(model.targets) { targets in
                    stored("targets/" + targets.scope) {
                        .group(
                            .targetOutcomes(targets.rows, scope: targets.scope),
                            csvLink(targets.rows.isEmpty, SiteRoute.planTargetsCSV(id: model.run.id).path))
                    }
                }),
            .section(.h2(.text("Late and unserved deliveries")), visible(model.late, lateList)),
            .section(
                .h2(.text("Bottlenecks")),
                visible(model.bottlenecks) { b in
                    .group(bottleneckList(b), csvLink(b.rows.isEmpty, SiteRoute.planBottlenecksCSV(id: model.run.id).path))
                })
        )
    }

    private static func csvLink(_ isEmpty: Bool, _ path: String) -> Node<HTML.BodyContext> {
        .if(!isEmpty, .p(.link("Download this table as CSV", to: path)))
    }

    private static func visible<Content>(
        _ part: Visible<Content>, _ shown: (Content) -> Node<HTML.BodyContext>
    ) -> Node<HTML.BodyContext> {
        switch part {
        case .shown(let content): return shown(content)
        case .withheld(let why): return .paragraph(why, class: "muted withheld")
        }
    }

    static func lateSummary(_ list: LateList) -> String {
        let all = list.allTotal ?? list.total
        if all == 0 { return "None of \(list.scope) demands is late or short in this run." }
        let shown = list.rows.count
        var out =
            all == 1
            ? "1 of \(list.scope) demands is late or short" : "\(Format.integer(all)) of \(list.scope) demands are late or short"
        if list.query?.isNarrowed == true {
            out +=
                list.total == 0
                ? "; none matches the filters" : "; \(Format.integer(list.total)) \(list.total == 1 ? "matches" : "match") the filters"
        }
        if shown < list.total { out += "; this page shows \(Format.integer(shown))" }
        if list.query == nil || list.query?.sort == "lateness" && list.query?.descending == true {
            out += ", worst first (weighted lateness)"
        }
        return out + "."
    }

    private static func lateList(_ list: LateList) -> Node<HTML.BodyContext> {
        let sorting = list.query.map { TableSorting(path: list.pagePath, query: $0) }
        let tools: Node<HTML.BodyContext>
        if let spec = list.spec, let query = list.query, (list.allTotal ?? list.total) > 0 {
            tools = .tableTools(spec, query, path: list.pagePath, summary: lateSummary(list), csvPath: list.csvPath)
        } else {
            tools = .group(
                .paragraph(lateSummary(list)),
                .unwrap(list.csvPath) { csv in .if(list.total > 0, .p(.link("Download all \(Format.integer(list.total)) as CSV", to: csv)))
                })
        }
        return .group(
            tools,
            .if(
                !list.rows.isEmpty,
                .group(
                    .dataTable(
                        columns: [
                            .text("Demand", sort: "demand"),
                            .text("Nation", sort: list.spec?.filters.first?.name == "nation" ? "nation" : nil),
                            .text("Target"), .priority(), .text("Due", sort: "due"), .text("First delivery"),
                            .text("Last delivery"), .number("Months late", sort: "months_late"), .number("Late units", sort: "late"),
                            .number("Unserved units", sort: "unserved"), .number("Weighted lateness", sort: "lateness"), .text("Why"),
                        ],
                        rows: list.rows.map { lateRow($0, runID: list.runID, linksSources: list.linksSources) },
                        emptyText: "",
                        sorting: sorting,
                        totals: list.weightedLateness.map { weighted in
                            .tr(
                                .totalsLabel(
                                    list.total == 1
                                        ? "The 1 demand listed" : "All \(Format.integer(list.total)) demands listed, on all pages",
                                    span: 10),
                                .unitsCell(weighted), .td())
                        }
                    ),
                    .pagination(page: list.page, pageCount: list.pageCount, basePath: list.pagePath, query: list.query?.items() ?? [])
                ))
        )
    }

    private static func lateRow(_ row: LateRow, runID: String?, linksSources: Bool) -> Node<HTML.TableContext> {
        var cells = RowMarkup()
        if let runID {
            cells.codeLink(row.demand, to: SiteRoute.planDemand(id: runID, code: row.demand).path)
        } else {
            cells.code(row.demand)
        }
        cells.cell(Alliance.name(of: row.nation))
        cells.cell(row.target)
        cells.number(String(row.priority))
        cells.date(row.dueLabel)
        cells.date(row.firstDeliveryLabel ?? "none")
        cells.date(row.lastDeliveryLabel ?? "none")
        cells.number(row.monthsLate.map(String.init) ?? "–")
        cells.units(row.lateUnits)
        cells.units(row.unservedUnits)
        cells.units(row.weightedLateness)
        cells.markup(reasonHTML(row.causes, notKept: row.causesNotKept, linkingSources: linksSources), class: "explanation")
        return cells.node
    }

    /// The main constraint in one line; the whole chain under a disclosure, which opens without JavaScript.
    /// With `linkingSources` (for readers who may open a line's or supply's page: staff), the line or supply each
    /// cause names links to its page. Written as markup directly: a page of 50 late demands holds up to 400 causes,
    /// and building them as nodes was a third of the page's time.
    static func reason(_ causes: [String], notKept: Int = 0, linkingSources: Bool = false) -> Node<HTML.BodyContext> {
        .raw(reasonHTML(causes, notKept: notKept, linkingSources: linkingSources))
    }

    /// `notKept`: causes the planner found beyond those it keeps; the list says how many, rather than stopping
    /// short as if there were no more.
    static func reasonHTML(_ causes: [String], notKept: Int = 0, linkingSources: Bool) -> String {
        guard let main = causes.first else { return "–" }
        var html = causeHTML(main, linkingSources: linkingSources)
        let rest = causes.dropFirst()
        guard !rest.isEmpty || notKept > 0 else { return html }
        let more = rest.count + notKept
        html += "<details><summary>" + (more == 1 ? "1 more cause" : "\(more) more causes") + "</summary><ul>"
        for cause in rest { html += "<li>" + causeHTML(cause, linkingSources: linkingSources) + "</li>" }
        if notKept > 0 {
            html +=
                "<li class=\"muted\">and " + (notKept == 1 ? "1 more" : "\(notKept) more")
                + " that the planner found and did not keep: it keeps the first causes of each chain</li>"
        }
        return html + "</ul></details>"
    }

    /// How a constraint's sentence continues after "<item> line|supply <code>" (`Constraint.text(calendar:)`).
    private static let sourceSentenceRests = ["at capacity", "has no capacity", "idle ", "needs "]

    /// One cause, escaped; where it reads "<item> line|supply <code> …" and `linkingSources`, the code links to its
    /// page.
    static func causeHTML(_ sentence: String, linkingSources: Bool) -> String {
        guard linkingSources else { return Escape.elementText(sentence) }
        if let known = linkedCauses.withLockedValue({ $0[sentence] }) { return known }
        let html = linkedCauseHTML(sentence)
        linkedCauses.withLockedValue { known in
            if known.count >= 20_000 { known.removeAll() }
            known[sentence] = html
        }
        return html
    }

    /// The linked markup of causes already written: the same few hundred sentences (a line at capacity in the same
    /// months) recur through a run's late demands, and a page of them holds up to 400.
    private static let linkedCauses = NIOLockedValueBox([String: String]())

    private static func linkedCauseHTML(_ sentence: String) -> String {
        let words = sentence.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard words.count == 4, words[1] == "line" || words[1] == "supply", !words[2].isEmpty,
            sourceSentenceRests.contains(where: { words[3].hasPrefix($0) })
        else { return Escape.elementText(sentence) }
        return Escape.elementText("\(words[0]) \(words[1]) ") + "<a href=\"" + Escape.attribute(Href.local(SiteRoute.source(words[2]).path))
            + "\">" + Escape.elementText(words[2]) + "</a>" + Escape.elementText(" " + words[3])
    }

    private static func bottleneckList(_ bottlenecks: Bottlenecks) -> Node<HTML.BodyContext> {
        guard !bottlenecks.rows.isEmpty else {
            let tried = bottlenecks.candidatesTried
            return .paragraph(
                tried == 0
                    ? "No line or supply held a late demand back, so none was re-planned with more capacity."
                    : "Re-planning with more capacity at the \(tried == 1 ? "line or supply" : "\(tried) lines and supplies") "
                        + "most often named in the reasons saved no weighted lateness: no single source stands out. "
                        + "Each late demand's reason above names what was full.")
        }
        return .dataTable(
            columns: [.text("Resource"), .text("Kind"), .number("Lateness saved"), .text("Detail")],
            rows: bottlenecks.rows.map { row in
                .tr(.codeCell(row.resource), .cell(row.kind), .unitsCell(row.saving), .cell(row.detail))
            },
            emptyText: ""
        )
    }
}
