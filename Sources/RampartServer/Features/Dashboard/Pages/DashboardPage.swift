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
        /// The latest run that succeeded.
        var latestRun: PlanRunRow?
        /// A run queued or running now: the page follows it.
        var activeRun: PlanRunRow? = nil
        /// Said above the latest run's results when the data changed after it.
        var staleNotice: String? = nil
        var nationRows: [NationOutcomeRow]
        var chart: MonthlySeries?
        /// The class or item the chart is drawn for, and those the reader may choose (the most weighted lateness first).
        var chartTarget: String? = nil
        var chartTargets: [String] = []
        var canStartPlan: Bool
        /// For those who read no plan outcomes (observers, industry): released demand, summed.
        var released: ReleasedDemand? = nil
        /// Observers read a run's status only: no figures, no chart.
        var showsFigures: Bool = true
        /// Each nation's outcome: for staff, and for a delegate their own nation's.
        var showsNations: Bool = true
        /// A delegate's own nation, first on their page.
        var ownNation: OwnNation? = nil
        /// The latest run's demands counted by outcome.
        var latestCounts: PlanRunSummary.DemandCounts? = nil
    }

    struct OwnNation: Sendable {
        var code: String
        var name: String
        var figures: NationOutcomeRow? = nil
        /// The worst few late or short demands, and how many there are in all.
        var late: [PlanDetailPage.LateRow] = []
        var lateTotal: Int = 0
        var chart: MonthlySeries? = nil
        /// Demands counted by outcome: units of different items are not added up.
        var counts: PlanRunSummary.DemandCounts? = nil
        /// Against the run before: what got later and earlier, and where to see it.
        var sincePrevious: (summary: String, path: String)? = nil
    }

    /// The reader's demand signals (`SignalTables`), as industry and observers may see them or whole for a delegate.
    struct ReleasedDemand: Sendable {
        var suppressed: Bool
        var byYear: [SVGChart.SignalYear]
        var largestTargets: [TargetRow]
        var targetCount: Int
    }

    struct TargetRow: Sendable {
        var target: String
        /// Nil where hidden.
        var units: Double?
        var nations: Int?
        var note: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            autoRefreshSeconds: model.activeRun != nil ? 5 : nil,
            .heading("Dashboard"),
            .roleRequestHint(context.user),
            .paragraph("Scenario \(model.scenarioName) · planning horizon \(model.horizonLabel)", class: "muted"),
            .unwrap(model.ownNation, ownNationSection),
            .cards(model.counts.map { (label: $0.label, value: Format.integer($0.value)) }),
            .unwrap(model.released, releasedSection),
            latestRunSection(context, model),
            .if(model.showsFigures, chartSection(model)),
            nationSection(model)
        )
    }

    private static func latestRunSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .unwrap(model.activeRun) { run in
                .div(
                    .attr("class", "notice"),
                    .strong(.text(run.status == .queued ? "A plan run is queued. " : "A plan run is in progress. ")),
                    .runProgress(run),
                    .text("This page refreshes every five seconds until it finishes. "),
                    .link("Follow the run", to: SiteRoute.plan(id: run.id).path)
                )
            },
            .h2(.text("Latest plan run")),
            .unwrap(model.staleNotice) { .paragraph($0, class: "notice warning") },
            .unwrap(
                model.latestRun,
                { run in
                    .group(
                        .runFacts(run),
                        .runProgress(run),
                        .if(run.isFailed, .errorMessage(run.error ?? "The run failed.")),
                        .if(!run.isActive && !run.isFailed && model.showsFigures, .runFigures(run, counts: model.latestCounts)),
                        .if(
                            !model.showsFigures,
                            .paragraph(
                                "A plan's figures are for Alliance staff, delegates and industry; observers see its status.",
                                class: "muted")),
                        .p(.link("Open \(run.name.lowercased())", to: SiteRoute.plan(id: run.id).path))
                    )
                }, else: .paragraph(model.activeRun == nil ? "No plan has been run yet." : "No plan run has finished yet.", class: "empty")),
            .if(
                model.canStartPlan,
                .div(
                    .attr("class", "actions"),
                    .if(
                        model.activeRun?.status == .queued,
                        .paragraph("A run is queued: it will plan the data as it is when it starts.", class: "muted"),
                        else: .startPlanForm(csrf: context.csrfToken))))
        )
    }

    private static func ownNationSection(_ own: OwnNation) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("\(own.name) in the latest plan")),
            .unwrap(
                own.figures,
                { row in
                    .group(
                        .cards(
                            (own.counts.map { counts in
                                [
                                    ("Demands", Format.integer(counts.demands)), ("Wholly on time", Format.integer(counts.onTime)),
                                    ("With units late", Format.integer(counts.late)),
                                    ("With units unserved", Format.integer(counts.unserved)),
                                ]
                            } ?? []) + [
                                ("Weighted lateness (unit-months)", Format.units(row.weightedLateness)),
                                (
                                    "Mean delay of late units",
                                    row.meanDelayMonths.map { Format.number($0, maxFractionDigits: 1) + " months" } ?? "–"
                                ),
                            ]),
                        .unwrap(own.sincePrevious) { since in
                            .p(.text("Since the run before: " + since.summary + " "), .link("Compare the two runs", to: since.path))
                        }
                    )
                }, else: .paragraph("No plan of \(own.name)'s demands has finished yet.", class: "empty")),
            .if(
                own.figures != nil,
                own.lateTotal == 0
                    ? .paragraph("None of \(own.name)'s demands is late or short in this plan.")
                    : .group(
                        .paragraph(
                            own.lateTotal <= own.late.count
                                ? "\(own.name)'s late or short demands, worst first:"
                                : "The \(own.late.count) worst of \(Format.integer(own.lateTotal)) late or short demands of \(own.name):"),
                        .dataTable(
                            columns: [
                                .text("Demand"), .text("Target"), .text("Due"), .text("Last delivery"), .number("Months late"),
                                .number("Late units"), .number("Unserved units"), .text("Why"),
                            ],
                            rows: own.late.map { row in
                                .tr(
                                    .codeCell(row.demand), .cell(row.target), .dateCell(row.dueLabel),
                                    .dateCell(row.lastDeliveryLabel ?? "none"), .numberCell(row.monthsLate.map(String.init) ?? "–"),
                                    .unitsCell(row.lateUnits), .unitsCell(row.unservedUnits),
                                    .td(.attr("class", "explanation"), PlanDetailPage.reason(row.causes, notKept: row.causesNotKept)))
                            }, emptyText: "")
                    )),
            .p(.link("All of \(own.name)'s demands, with their projected deliveries", to: SiteRoute.nation(own.code).path))
        )
    }

    private static func releasedSection(_ released: ReleasedDemand) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Released demand")),
            .paragraph(
                released.suppressed
                    ? "What nations have released of their requirements, summed by target and year; figures that could reveal one nation's requirement are hidden."
                    : "Your nation's requirements and what the other nations have released, summed by target and year.",
                class: "muted"),
            .if(
                !released.byYear.isEmpty,
                .chart(SVGChart.signalYears(released.byYear, title: "Released demand by year due, all classes and items (units)"))),
            .dataTable(
                caption: released.targetCount > released.largestTargets.count
                    ? "The \(released.largestTargets.count) largest of \(released.targetCount) targets" : nil,
                columns: [.text("Target"), .number("Units, all years"), .number("Nations"), .text("Hidden")],
                rows: released.largestTargets.map { row in
                    .tr(
                        .codeCell(row.target), .numberCell(row.units.map(Format.units) ?? "hidden"),
                        .numberCell(row.nations.map(Format.integer) ?? "hidden"), .cell(row.note))
                },
                emptyText: "No nation has released any demand yet."
            ),
            .p(.link("Every signal, with filters and CSV", to: SiteRoute.signals.path))
        )
    }

    private static func chartSection(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(model.ownNation.map { "\($0.name): deliveries against demand" } ?? "Deliveries against demand")),
            .if(
                model.chartTargets.count > 1,
                .form(
                    .attr("method", "get"), .attr("action", SiteRoute.dashboard.path), .attr("class", "inline"),
                    .selectField(
                        "Class or item", name: "target", options: model.chartTargets.map { ($0, $0) },
                        selected: model.chartTarget ?? ""),
                    .button(.attr("type", "submit"), .text("Show")))),
            .unwrap(
                model.chart,
                { series in
                    .chart(
                        SVGChart.deliveriesAgainstDemand(
                            series,
                            title: model.chartTarget.map { "Projected deliveries against demand: \($0) (units)" }
                                ?? "Projected deliveries against demand (units of all items)"))
                },
                else: .paragraph("Run a plan to see projected deliveries.", class: "empty"))
        )
    }

    private static func nationSection(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("By nation")),
            model.showsNations
                ? .nationOutcomes(model.nationRows)
                : .paragraph("Each nation's outcome is shown to Alliance staff and to that nation's delegates.", class: "muted")
        )
    }
}
