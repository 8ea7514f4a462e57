import Plot

enum PlanDetailPage {
    struct LateRow: Sendable {
        var demand: String
        var nation: String
        var target: String
        var lateUnits: Double
        var unservedUnits: Double
        var weightedLateness: Double
        var reason: String
    }

    struct BottleneckRow: Sendable {
        var resource: String
        var kind: String
        var saving: Double
        var detail: String
    }

    struct Model: Sendable {
        var run: PlanRunRow
        var nationRows: [NationOutcomeRow]
        var lateRows: [LateRow]
        var bottlenecks: [BottleneckRow]
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            autoRefreshSeconds: model.run.isActive ? 2 : nil,
            .heading("Plan run \(model.run.id)"),
            .runFacts(model.run),
            statusContent(model.run),
            .if(!model.run.isActive && !model.run.isFailed, results(model)),
            .p(.link("All plan runs", to: SiteRoute.plans.path))
        )
    }

    private static func statusContent(_ run: PlanRunRow) -> Node<HTML.BodyContext> {
        if run.isActive {
            return .group(
                .progressBar(run.progress, label: run.phase.isEmpty ? run.status.rawValue : run.phase),
                .paragraph("This page refreshes every two seconds until the run finishes.", class: "muted")
            )
        }
        if run.isFailed {
            return .errorMessage(run.error ?? "The run failed.")
        }
        return .runFigures(run)
    }

    private static func results(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .section(.h2(.text("By nation")), .nationOutcomes(model.nationRows)),
            .section(.h2(.text("Late and unserved deliveries")), lateTable(model.lateRows)),
            .section(.h2(.text("Bottlenecks")), bottleneckTable(model.bottlenecks))
        )
    }

    private static func lateTable(_ rows: [LateRow]) -> Node<HTML.BodyContext> {
        .dataTable(
            columns: [
                .text("Demand"), .text("Nation"), .text("Target"), .number("Late units"),
                .number("Unserved units"), .number("Weighted lateness"), .text("Why"),
            ],
            rows: rows.map { row in
                .tr(
                    .codeCell(row.demand),
                    .cell(row.nation),
                    .cell(row.target),
                    .unitsCell(row.lateUnits),
                    .unitsCell(row.unservedUnits),
                    .unitsCell(row.weightedLateness),
                    .td(.attr("class", "explanation"), .text(row.reason))
                )
            },
            emptyText: "Every requirement is met on time."
        )
    }

    private static func bottleneckTable(_ rows: [BottleneckRow]) -> Node<HTML.BodyContext> {
        .dataTable(
            columns: [.text("Resource"), .text("Kind"), .number("Lateness saved"), .text("Detail")],
            rows: rows.map { row in
                .tr(.codeCell(row.resource), .cell(row.kind), .unitsCell(row.saving), .cell(row.detail))
            },
            emptyText: "No bottleneck found."
        )
    }
}
