import Plot
import RampartCore

enum PlansPage {
    struct Model: Sendable {
        var runs: [PlanRunRow]
        var canStart: Bool
        var csvPath: String? = SiteRoute.plansCSV.path
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            autoRefreshSeconds: model.runs.contains { $0.isActive } ? 5 : nil,
            .heading("Plan runs"),
            .paragraph(
                "Each run plans every released and national requirement against capacity and materials, "
                    + "and explains every late delivery.",
                class: "muted"
            ),
            .if(model.canStart, .div(.attr("class", "actions"), .startPlanForm(csrf: context.csrfToken, choosingObjective: true))),
            .dataTable(
                columns: [
                    .text("Run"), .text("Status"), .text("Progress"), .text("Started"), .text("Requested by"),
                    .text("Objective"), .number("Weighted lateness (unit-months)"),
                ],
                rows: model.runs.map(row),
                emptyText: "No plan has been run yet."
            ),
            .unwrap(model.csvPath) { path in .if(!model.runs.isEmpty, .p(.link("Download this table as CSV", to: path))) }
        )
    }

    private static func row(_ run: PlanRunRow) -> Node<HTML.TableContext> {
        .tr(
            .linkCell(run.name, to: SiteRoute.plan(id: run.id).path),
            .td(.statusBadge(run.status)),
            .td(.if(run.isActive, .progressBar(run.progress, label: run.phase), else: .text(run.isFailed ? "Failed" : "–"))),
            .cell(run.createdAt),
            .cell(run.requestedBy ?? "–"),
            .cell(run.objective == .strict ? "Strict priority" : "Weighted"),
            .unitsCell(run.weightedLateness)
        )
    }
}
