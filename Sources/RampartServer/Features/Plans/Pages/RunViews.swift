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

    /// The run's headline: its demands counted by outcome (units of unlike items are not added up) and its
    /// weighted lateness. `counts` is nil for runs stored before summaries counted demands.
    static func runFigures(_ run: PlanRunRow, counts: PlanRunSummary.DemandCounts?) -> Node {
        var figures: [(label: String, value: String)] = []
        if let counts {
            figures += [
                ("Demands", Format.integer(counts.demands)), ("Wholly on time", Format.integer(counts.onTime)),
                ("With units late", Format.integer(counts.late)), ("With units unserved", Format.integer(counts.unserved)),
            ]
        }
        figures.append(("Weighted lateness (unit-months)", run.weightedLateness.map(Format.units) ?? "–"))
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
                    .text("Nation"), .number("Demands"), .number("On time"), .number("Late"), .number("Short"),
                    .number("Mean delay (months)"), .number("Weighted lateness"),
                ],
                rows: rows.map(nationOutcomeRow),
                emptyText: "No nation outcomes for this run."
            ),
            .if(
                !rows.isEmpty,
                .paragraph(
                    "Demands counted: on time (every unit by its due month), late (some units after it), short (some units "
                        + "never delivered); a demand can be late and short. Mean delay of the units delivered late; "
                        + "weighted lateness in unit-months.",
                    class: "muted")),
            // A ranking shows those that rank: nations with no weighted lateness are left out of the chart.
            .if(
                rows.contains { $0.weightedLateness > 0 },
                .chart(
                    SVGChart.bars(
                        rows.map { (label: $0.nation, value: $0.weightedLateness) }.filter { $0.value > 0 }
                            .sorted { ($0.value, $1.label) > ($1.value, $0.label) },
                        title: "Weighted lateness by nation (unit-months)",
                        colour: SVGChart.shortfallColour
                    )))
        )
    }

    private static func nationOutcomeRow(_ row: NationOutcomeRow) -> Node<HTML.TableContext> {
        func count(_ value: Int?) -> Node<HTML.TableRowContext> { .numberCell(value.map(Format.integer) ?? "–") }
        return .tr(
            Alliance.name(of: row.nation) == row.nation
                ? .codeCell(row.nation) : .td(.text(Alliance.name(of: row.nation) + " "), .code(.text(row.nation))),
            count(row.demands?.demands),
            count(row.demands?.onTime),
            count(row.demands?.late),
            count(row.demands?.unserved),
            .numberCell(row.late > 0 ? row.meanDelayMonths.map { Format.number($0, maxFractionDigits: 1) } ?? "–" : "–"),
            .unitsCell(row.weightedLateness)
        )
    }

    /// Units per class or item: added up only within one, with a totals row of demands and weighted lateness only.
    static func targetOutcomes(_ rows: [TargetOutcomeRow], scope: String) -> Node {
        let totals = rows.reduce((demands: 0, weighted: 0.0)) { ($0.demands + $1.demands.demands, $0.weighted + $1.weightedLateness) }
        return .group(
            .paragraph(
                "\(scope) demands per class, or per item where a demand names one: units are added up only within one.",
                class: "muted"),
            .dataTable(
                columns: [
                    .text("Class or item"), .number("Demands"), .number("Units"), .number("On time"),
                    .number("Late"), .number("Unserved"), .number("Weighted lateness"),
                ],
                rows: rows.map { row in
                    .tr(
                        .codeCell(row.target), .numberCell(Format.integer(row.demands.demands)), .unitsCell(row.qty),
                        .unitsCell(row.onTime), .unitsCell(row.late), .unitsCell(row.unserved), .unitsCell(row.weightedLateness))
                },
                emptyText: "No demands in this run.",
                totals: .tr(
                    .totalsLabel("All classes and items", span: 1), .numberCell(Format.integer(totals.demands)),
                    .td(.attr("colspan", "4"), .attr("class", "muted"), .text("units of different items are not added up")),
                    .unitsCell(totals.weighted)))
        )
    }
}
