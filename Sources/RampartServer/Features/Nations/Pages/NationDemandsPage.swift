import Plot
import RampartCore

enum NationDemandsPage {
    struct DemandRow: Sendable {
        var code: String
        var target: String
        var qty: Double
        var dueLabel: String
        var priority: Int
        var released: Bool
        var onTime: Double?
        var late: Double?
        var unserved: Double?
        var firstDeliveryLabel: String? = nil
        var lastDeliveryLabel: String?
        /// From the due month to the last delivery, for a demand with late units.
        var monthsLate: Int? = nil
        /// The main constraint first, then the rest of the chain.
        var causes: [String] = []
        /// Causes the planner found and did not keep.
        var causesNotKept = 0
        var editPath: String?
        /// The demand's page in the run, once planned.
        var resultPath: String? = nil
    }

    /// The listed demands of one item or class, summed: units of different items are not added together.
    struct TotalRow: Sendable {
        var target: String
        var demands: Int
        var qty: Double
        var onTime: Double?
        var late: Double?
        var unserved: Double?
    }

    struct Model: Sendable {
        var nation: String
        var nationName: String
        var rows: [DemandRow]
        var chart: MonthlySeries?
        /// The class or item the chart is of (nil: all the nation's demands, for runs stored before version 2).
        var chartTarget: String? = nil
        var planRunID: String?
        /// "Run 14".
        var planRunName: String? = nil
        var page: Int
        var pageCount: Int
        /// Where to enter a new demand, for those who may.
        var newDemandPath: String? = nil
        var spec: TableSpec? = nil
        var query: TableQuery? = nil
        var summary: String? = nil
        var totals: [TotalRow] = []
        var marking: String? = nil
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let path = SiteRoute.nation(model.nation).path
        return Layout.render(
            context,
            .unwrap(model.marking) { .marking($0) },
            .heading("Demand · \(model.nationName)"),
            .p(.attr("class", "muted"), .text("Nation code "), .code(.text(model.nation))),
            projection(model),
            .h2(.text("Requirements")),
            .unwrap(model.newDemandPath) { .p(.link("New demand", to: $0, class: "button")) },
            .unwrap(model.spec) { spec in
                .unwrap(model.query) { query in
                    .tableTools(
                        spec, query, path: path, summary: model.summary ?? "",
                        csvPath: SiteRoute.nationDemandsCSV(model.nation).path)
                }
            },
            .dataTable(
                columns: [
                    .text("Demand", sort: "demand"), .text("Target", sort: "target"), .number("Quantity", sort: "qty"),
                    .text("Due", sort: "due"), .priority(), .text("Released"), .text("First delivery"),
                    .text("Last delivery"), .number("Months late", sort: "months_late"), .number("On time"), .number("Late"),
                    .number("Unserved"), .text("Why late"), .text("Actions"),
                ],
                rows: model.rows.map { row($0, linksSources: context.user?.role == .staff) },
                emptyText: model.query?.isNarrowed == true ? "No demand matches these filters." : "This nation has no requirements yet.",
                sorting: model.query.map { TableSorting(path: path, query: $0) }
            ),
            .pagination(page: model.page, pageCount: model.pageCount, basePath: path, query: model.query?.items() ?? []),
            .if(!model.totals.isEmpty, totals(model.totals)),
            .unwrap(model.marking) { .marking($0) }
        )
    }

    private static func totals(_ rows: [TotalRow]) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Totals by item or class")),
            .paragraph(
                "The demands listed, on all pages, summed per item or class: units of different items are not added together.",
                class: "muted"),
            .dataTable(
                columns: [
                    .text("Item or class"), .number("Demands"), .number("Quantity"), .number("On time"), .number("Late"),
                    .number("Unserved"),
                ],
                rows: rows.map { row in
                    .tr(
                        .cell(row.target), .numberCell(Format.integer(row.demands)), .unitsCell(row.qty), .unitsCell(row.onTime),
                        .unitsCell(row.late), .unitsCell(row.unserved))
                })
        )
    }

    private static func projection(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Projected deliveries against demand")),
            .unwrap(
                model.planRunID,
                { id in
                    .p(
                        .attr("class", "muted"), .text("Projections from "),
                        .link((model.planRunName ?? "plan run \(id)").lowercased(), to: SiteRoute.plan(id: id).path))
                }, else: .paragraph("No plan has been run yet, so there are no projections.", class: "empty")),
            .unwrap(model.chart) {
                .chart(
                    SVGChart.deliveriesAgainstDemand(
                        $0,
                        title: model.chartTarget.map {
                            "Projected deliveries against demand: \($0) (units), the class or item with the most weighted lateness"
                        } ?? "Projected deliveries against demand (units of all items)"))
            }
        )
    }

    private static func row(_ row: DemandRow, linksSources: Bool) -> Node<HTML.TableContext> {
        var cells = RowMarkup()
        if let path = row.resultPath { cells.codeLink(row.code, to: path) } else { cells.code(row.code) }
        cells.cell(row.target)
        cells.units(row.qty)
        cells.date(row.dueLabel)
        cells.number(String(row.priority))
        cells.cell(row.released ? "Yes" : "No")
        cells.date(row.firstDeliveryLabel ?? "–")
        cells.date(row.lastDeliveryLabel ?? "–")
        cells.number(row.monthsLate.map(String.init) ?? "–")
        cells.units(row.onTime)
        cells.units(row.late)
        cells.units(row.unserved)
        cells.markup(
            row.causes.isEmpty ? "" : PlanDetailPage.reasonHTML(row.causes, notKept: row.causesNotKept, linkingSources: linksSources),
            class: "explanation")
        cells.link("Edit", to: row.editPath)
        return cells.node
    }
}
