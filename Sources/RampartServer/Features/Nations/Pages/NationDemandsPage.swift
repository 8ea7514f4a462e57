import Plot

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
        var editPath: String?
    }

    struct Model: Sendable {
        var nation: String
        var nationName: String
        var rows: [DemandRow]
        var chart: MonthlySeries?
        var planRunID: String?
        /// "Run 14".
        var planRunName: String? = nil
        var page: Int
        var pageCount: Int
        /// Where to enter a new demand, for those who may.
        var newDemandPath: String? = nil
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Demand · \(model.nationName)"),
            .p(.attr("class", "muted"), .text("Nation code "), .code(.text(model.nation))),
            projection(model),
            .h2(.text("Requirements")),
            .unwrap(model.newDemandPath) { .p(.link("New demand", to: $0, class: "button")) },
            .dataTable(
                columns: [
                    .text("Demand"), .text("Target"), .number("Quantity"), .text("Due"), .number("Priority"),
                    .text("Released"), .text("First delivery"), .text("Last delivery"), .number("Months late"),
                    .number("On time"), .number("Late"), .number("Unserved"), .text("Why late"), .text("Actions"),
                ],
                rows: model.rows.map(row),
                emptyText: "This nation has no requirements yet."
            ),
            .pagination(page: model.page, pageCount: model.pageCount, basePath: SiteRoute.nation(model.nation).path)
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
            .unwrap(model.chart) { .chart(SVGChart.deliveriesAgainstDemand($0, title: "Projected deliveries against demand")) }
        )
    }

    private static func row(_ row: DemandRow) -> Node<HTML.TableContext> {
        .tr(
            .codeCell(row.code),
            .cell(row.target),
            .unitsCell(row.qty),
            .dateCell(row.dueLabel),
            .numberCell(String(row.priority)),
            .cell(row.released ? "Yes" : "No"),
            .dateCell(row.firstDeliveryLabel ?? "–"),
            .dateCell(row.lastDeliveryLabel ?? "–"),
            .numberCell(row.monthsLate.map(String.init) ?? "–"),
            .unitsCell(row.onTime),
            .unitsCell(row.late),
            .unitsCell(row.unserved),
            .td(.attr("class", "explanation"), row.causes.isEmpty ? .text("") : PlanDetailPage.reason(row.causes)),
            .td(.unwrap(row.editPath) { .link("Edit", to: $0) })
        )
    }
}
