import Plot
import RampartCore

extension Node where Context == HTML.BodyContext {
    static func statusBadge(_ status: PlanRunStatus) -> Node {
        .span(.attr("class", "status status-" + status.rawValue), .text(status.rawValue))
    }

    /// The start button; with `choosingObjective`, a choice of what the run aims at beside it (without, it aims at
    /// the weighted objective).
    static func startPlanForm(csrf: String, choosingObjective: Bool = false) -> Node {
        .postForm(
            action: SiteRoute.plans.path, csrf: csrf, class: "inline",
            .if(
                choosingObjective,
                .selectField(
                    "Objective", name: "objective",
                    options: PlanObjective.allCases.map { ($0.rawValue, objectiveLabel($0)) }, selected: PlanObjective.weighted.rawValue)),
            .submitButton("Start a plan run"))
    }

    /// How the pages name an objective.
    static func objectiveLabel(_ objective: PlanObjective) -> String {
        switch objective {
        case .weighted: return "Weighted lateness (priorities weighted 16 to 1)"
        case .strict: return "Strict priority (priority 1 first, then 2, ...)"
        }
    }

    static func runFigures(_ run: PlanRunRow) -> Node {
        let figures: [(label: String, value: String)] = [
            ("Units on time", run.onTimeUnits.map(Format.units) ?? "–"),
            ("Units late", run.lateUnits.map(Format.units) ?? "–"),
            ("Units unserved", run.unservedUnits.map(Format.units) ?? "–"),
            ("Weighted lateness", run.weightedLateness.map(Format.units) ?? "–"),
        ]
        return .group(.cards(figures), .paragraph(weightedLatenessMeaning, class: "muted"))
    }

    /// What the objective counts, from its one definition in the core.
    static var weightedLatenessMeaning: String {
        let weights = (1...5).map { Format.integer(Int(ObjectiveDefinition.weight(priority: $0))) }.joined(separator: ", ")
        return "Units of different items are not added up as if alike: weighted lateness is the plan's measure, in "
            + "unit-months. Each unit counts the months it arrives after its due month; a unit never delivered counts the "
            + "months to the horizon's end and \(ObjectiveDefinition.unservedMonthsPastHorizon) more; each is weighted "
            + "\(weights) for priorities 1 to 5."
    }

    /// The run's status, phase, start and who asked for it; with `showingObjective`, what it aimed at.
    static func runFacts(_ run: PlanRunRow, showingObjective: Bool = false) -> Node {
        .dl(
            .attr("class", "summary"),
            .dt(.text("Status")), .dd(.statusBadge(run.status)),
            .dt(.text("Phase")), .dd(.text(run.phase)),
            .dt(.text("Started")), .dd(.text(run.createdAt)),
            .dt(.text("Requested by")), .dd(.text(run.requestedBy ?? "–")),
            .if(showingObjective, .group(.dt(.text("Objective")), .dd(.text(objectiveLabel(run.objective)))))
        )
    }

    static func runProgress(_ run: PlanRunRow) -> Node {
        .if(run.isActive, .progressBar(run.progress, label: run.phase.isEmpty ? run.status.rawValue : run.phase))
    }

    static func nationOutcomes(_ rows: [NationOutcomeRow]) -> Node {
        .group(
            .dataTable(
                columns: [
                    .text("Nation"), .number("Demanded"), .number("On time"), .number("Late"),
                    .number("Unserved"), .number("On-time share"), .number("Mean delay (months)"), .number("Weighted lateness"),
                ],
                rows: rows.map(nationOutcomeRow),
                emptyText: "No nation outcomes for this run."
            ),
            // A ranking shows those that rank: nations with nothing late or unserved are left out of the chart.
            .if(
                rows.contains { $0.late + $0.unserved > 0 },
                .chart(
                    SVGChart.bars(
                        rows.map { (label: $0.nation, value: $0.late + $0.unserved) }.filter { $0.value > 0 }
                            .sorted { ($0.value, $1.label) > ($1.value, $0.label) },
                        title: "Late and unserved units by nation",
                        colour: SVGChart.shortfallColour
                    )))
        )
    }

    private static func nationOutcomeRow(_ row: NationOutcomeRow) -> Node<HTML.TableContext> {
        .tr(
            .cell(row.nation),
            .unitsCell(row.demanded),
            .unitsCell(row.onTime),
            .unitsCell(row.late),
            .unitsCell(row.unserved),
            .numberCell(row.demanded > 0 ? Format.percent(row.onTime / row.demanded) : "–"),
            .numberCell(row.late > 0 ? row.meanDelayMonths.map { Format.number($0, maxFractionDigits: 1) } ?? "–" : "–"),
            .unitsCell(row.weightedLateness)
        )
    }
}
