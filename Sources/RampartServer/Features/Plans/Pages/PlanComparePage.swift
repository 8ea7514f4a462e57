import Plot
import RampartCore

/// Two plan runs compared: per nation, and per demand what got later or earlier.
enum PlanComparePage {
    struct DemandRow: Sendable {
        var demand: String
        var demandPath: String?
        var nationName: String
        var change: RunComparison.Change
        var dueLabel: String
        var lastBefore: String
        var lastAfter: String
        var weightedBefore: Double?
        var weightedAfter: Double?
        var weightedChange: Double
    }

    struct NationRow: Sendable {
        var nationName: String
        var weightedBefore: Double
        var weightedAfter: Double
        var unservedBefore: Double
        var unservedAfter: Double
        var later: Int
        var earlier: Int
    }

    struct Model: Sendable {
        var runName: String
        var runPath: String
        var comparePath: String
        /// The runs it may be compared with: (id, name), and the one chosen.
        var choices: [(value: String, label: String)]
        var against: String?
        var againstName: String?
        var summary: String
        var nations: [NationRow]
        var demands: [DemandRow]
        var page: Int
        var pageCount: Int
        var marking: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .marking(model.marking),
            .heading("\(model.runName) compared"),
            .form(
                .attr("method", "get"), .attr("action", Href.local(model.comparePath)), .attr("class", "form"),
                .selectField("Compare with", name: "against", options: model.choices, selected: model.against ?? ""),
                .submitButton("Compare")
            ),
            .unwrap(
                model.againstName,
                { against in
                    .group(
                        .paragraph("From \(against.lowercased()) to \(model.runName.lowercased()): \(model.summary)"),
                        .h2(.text("By nation")),
                        .dataTable(
                            columns: [
                                .text("Nation"), .number("Weighted lateness before"), .number("After"), .number("Unserved before"),
                                .number("After"), .number("Demands later"), .number("Demands earlier"),
                            ],
                            rows: model.nations.map { row in
                                .tr(
                                    .cell(row.nationName), .unitsCell(row.weightedBefore), .unitsCell(row.weightedAfter),
                                    .unitsCell(row.unservedBefore), .unitsCell(row.unservedAfter), .numberCell(Format.integer(row.later)),
                                    .numberCell(Format.integer(row.earlier)))
                            },
                            emptyText: "No nation's demands are in either run."),
                        .h2(.text("Demands that changed")),
                        .dataTable(
                            columns: [
                                .text("Demand"), .text("Nation"), .text("Change"), .text("Due"), .text("Last delivery before"),
                                .text("After"), .number("Weighted lateness before"), .number("After"), .number("Change"),
                            ],
                            rows: model.demands.map { row in
                                .tr(
                                    .td(row.demandPath.map { .link(row.demand, to: $0) } ?? .text(row.demand)), .cell(row.nationName),
                                    .cell(label(row.change)), .dateCell(row.dueLabel), .dateCell(row.lastBefore), .dateCell(row.lastAfter),
                                    .unitsCell(row.weightedBefore), .unitsCell(row.weightedAfter),
                                    .numberCell((row.weightedChange > 0 ? "+" : "") + Format.units(row.weightedChange)))
                            },
                            emptyText: "No demand's outcome changed."),
                        .pagination(
                            page: model.page, pageCount: model.pageCount, basePath: model.comparePath,
                            query: model.against.map { [(name: "against", value: $0)] } ?? [])
                    )
                }, else: .paragraph("There is no other finished run to compare this one with.", class: "empty")),
            .p(.link("Back to \(model.runName.lowercased())", to: model.runPath)),
            .marking(model.marking)
        )
    }

    static func label(_ change: RunComparison.Change) -> String {
        switch change {
        case .later: "Later"
        case .earlier: "Earlier"
        case .added: "New in this run"
        case .removed: "Not in this run"
        }
    }
}
