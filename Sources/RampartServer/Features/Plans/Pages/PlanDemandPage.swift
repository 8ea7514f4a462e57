import Plot
import RampartCore

/// One demand in one plan run: its outcome, its deliveries month by month, why it is late, and where its units came
/// from (pegging).
enum PlanDemandPage {
    struct PegRow: Sendable {
        /// "Stock", "Line L-DE-0001", "Supply S-PL-0003".
        var origin: String
        /// The source's page, where the reader may open it.
        var originPath: String?
        var startedLabel: String?
        var availableLabel: String
        var deliveredLabel: String
        var qty: Double
    }

    struct DeliveryRow: Sendable {
        var monthLabel: String
        var qty: Double
        var cumulative: Double
        var onTime: Bool
    }

    struct Model: Sendable {
        var runName: String
        var runPath: String
        var demand: String
        var nationName: String
        var nationPath: String?
        var target: String
        var qty: Double
        var dueLabel: String
        var priority: Int
        var released: Bool
        var onTime: Double
        var late: Double
        var unserved: Double
        var firstDeliveryLabel: String?
        var lastDeliveryLabel: String?
        var monthsLate: Int?
        var weightedLateness: Double?
        var causes: [String]
        /// Causes the planner found and did not keep.
        var causesNotKept = 0
        var deliveries: [DeliveryRow]
        var chart: MonthlySeries?
        /// Nil for a run stored before pegging was kept.
        var pegging: [PegRow]?
        /// Who may read it: "France only".
        var marking: String
        var editPath: String?
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .marking(model.marking),
            .heading("Demand \(model.demand) in \(model.runName.lowercased())"),
            .dl(
                .attr("class", "summary"),
                .dt(.text("Nation")), .dd(model.nationPath.map { .link(model.nationName, to: $0) } ?? .text(model.nationName)),
                .dt(.text("Target")), .dd(.text(model.target)),
                .dt(.text("Quantity")), .dd(.text(Format.units(model.qty))),
                .dt(.text("Due")), .dd(.text(model.dueLabel)),
                .dt(.text("Priority")), .dd(.text(String(model.priority))),
                .dt(.text("Released")), .dd(.text(model.released ? "Yes, to the Alliance" : "No"))
            ),
            .cards([
                ("Units on time", Format.units(model.onTime)),
                ("Units late", Format.units(model.late)),
                ("Units unserved", Format.units(model.unserved)),
                ("Months late (last delivery)", model.monthsLate.map(String.init) ?? "–"),
            ]),
            .dl(
                .attr("class", "summary"),
                .dt(.text("First delivery")), .dd(.text(model.firstDeliveryLabel ?? "none")),
                .dt(.text("Last delivery")), .dd(.text(model.lastDeliveryLabel ?? "none")),
                .dt(.text("Weighted lateness")), .dd(.text(model.weightedLateness.map(Format.units) ?? "–"))
            ),
            .section(
                .h2(.text("Why")),
                model.causes.isEmpty
                    ? .paragraph(
                        model.late + model.unserved > 0 ? "The run stored no reason for this demand." : "Every unit arrives on time.")
                    : PlanDetailPage.reason(model.causes, notKept: model.causesNotKept, linkingSources: context.user?.role == .staff)
            ),
            .section(
                .h2(.text("Deliveries by month")),
                .unwrap(model.chart) {
                    .chart(SVGChart.deliveriesAgainstDemand($0, title: "Deliveries of \(model.demand) against its due month"))
                },
                .dataTable(
                    columns: [.text("Month"), .number("Units"), .number("Delivered so far"), .text("On time")],
                    rows: model.deliveries.map { row in
                        .tr(.dateCell(row.monthLabel), .unitsCell(row.qty), .unitsCell(row.cumulative), .cell(row.onTime ? "Yes" : "Late"))
                    },
                    emptyText: "Nothing is delivered to this demand in this run.")
            ),
            .section(
                .h2(.text("Where the units come from")),
                .unwrap(
                    model.pegging,
                    { rows in
                        .group(
                            .paragraph(
                                "Each delivered unit traced to the stock, line or supply it came from, earliest available first.",
                                class: "muted"),
                            .dataTable(
                                columns: [
                                    .text("From"), .text("Started or ordered"), .text("Available"), .text("Delivered"), .number("Units"),
                                ],
                                rows: rows.map { row in
                                    .tr(
                                        .td(row.originPath.map { .link(row.origin, to: $0) } ?? .text(row.origin)),
                                        .dateCell(row.startedLabel ?? "–"), .dateCell(row.availableLabel), .dateCell(row.deliveredLabel),
                                        .unitsCell(row.qty))
                                },
                                emptyText: "Nothing is delivered to this demand in this run, so nothing is traced.")
                        )
                    }, else: .paragraph("This run was stored before Rampart kept where units came from.", class: "muted withheld"))
            ),
            .p(
                .link("Back to \(model.runName.lowercased())", to: model.runPath),
                .unwrap(model.editPath) { .group(.text(" · "), .link("Edit the demand", to: $0)) }
            ),
            .marking(model.marking)
        )
    }
}
