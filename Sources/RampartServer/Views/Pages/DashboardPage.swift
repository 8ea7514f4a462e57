import Plot

enum DashboardPage {
    struct Count: Sendable {
        var label: String
        var value: Int
    }

    struct Model: Sendable {
        var scenarioName: String
        var horizonLabel: String
        var counts: [Count]
        var latestRun: RunSummary?
        var nationRows: [NationOutcomeRow]
        var chart: MonthlySeries?
        var canStartPlan: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Dashboard"),
            .paragraph("Scenario \(model.scenarioName) · planning horizon \(model.horizonLabel)", class: "muted"),
            .cards(model.counts.map { (label: $0.label, value: Format.integer($0.value)) }),
            latestRunSection(context, model),
            chartSection(model),
            nationSection(model)
        )
    }

    private static func latestRunSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Latest plan run")),
            .unwrap(model.latestRun, { run in
                .group(
                    .runFacts(run),
                    .runProgress(run),
                    .if(run.isFailed, .errorMessage(run.error ?? "The run failed.")),
                    .if(!run.isActive && !run.isFailed, .runFigures(run)),
                    .p(.link("Open plan run \(run.id)", to: Href.path("plans", run.id)))
                )
            }, else: .paragraph("No plan has been run yet.", class: "empty")),
            .if(model.canStartPlan, .div(.attr("class", "actions"), .startPlanForm(csrf: context.csrfToken)))
        )
    }

    private static func chartSection(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Deliveries against demand")),
            .unwrap(model.chart, { .chart(SVGChart.deliveriesAgainstDemand($0)) },
                    else: .paragraph("Run a plan to see projected deliveries.", class: "empty"))
        )
    }

    private static func nationSection(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("By nation")),
            .nationOutcomes(model.nationRows)
        )
    }
}
