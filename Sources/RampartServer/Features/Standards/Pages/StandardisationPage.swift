import Plot
import RampartCore

/// The standardisation metrics of the interoperability working group: each Ally's share of the standards in force
/// it ratified and implemented, the items no standard in force covers, and (for staff and delegates) the pairs of
/// nations that share no munition of a class with the munitions that would close most of those gaps.
enum StandardisationPage {
    static func render(_ context: PageContext, _ m: StandardsReads.Metrics) -> HTML {
        let relevant = m.standings.first?.relevant ?? 0
        return Layout.render(
            context,
            .heading("Standardisation"),
            .paragraph("As of \(m.asOf), over the \(relevant) standards in force.", class: "muted"),
            .p(
                .link("Standards registry", to: SiteRoute.standards.path), .text(" "),
                .link("Interchangeability matrix", to: SiteRoute.interoperability.path)),
            .section(
                .h2("Ratified and implemented, by Ally"),
                .chart(
                    SVGChart.bars(
                        m.standings.map { (label: Alliance.name(of: $0.nation), value: ($0.ratifiedShare * 100).rounded()) },
                        title: "Share of the standards in force ratified (%)", colour: SVGChart.deliveryColour)),
                .dataTable(
                    caption: "Allies' standing on the standards in force",
                    columns: [
                        .text("Ally"), .number("Ratified"), .number("Of which with reservations"), .number("Implemented"),
                        .number("Ratified share"), .number("Implemented share"),
                    ],
                    rows: m.standings.map { s in
                        .tr(
                            .td(.text(Alliance.name(of: s.nation))), .numberCell(Format.integer(s.ratified)),
                            .numberCell(Format.integer(s.withReservations)), .numberCell(Format.integer(s.implemented)),
                            .numberCell(percent(s.ratifiedShare)), .numberCell(percent(s.implementedShare)))
                    },
                    emptyText: "No Ally yet.")),
            .section(
                .h2("Items that conform to no standard in force"),
                .dataTable(
                    caption: "\(m.unstandardised.count) end items",
                    columns: [.text("Item")],
                    rows: m.unstandardised.map { .tr(.td(.code(.text($0)))) },
                    emptyText: "Every end item conforms to a standard in force.")),
            .unwrap(m.gaps) { gaps in
                .section(
                    .h2("Nations that share no munition of a class"),
                    .paragraph(
                        "Both field the class (each operates a system a munition of it is qualified for) and can fire no munition of it in common.",
                        class: "muted"),
                    .dataTable(
                        caption: "\(gaps.count) pairs",
                        columns: [.text("Class"), .text("Nation"), .text("And")],
                        rows: gaps.map { g in
                            .tr(.td(.text(g.itemClass)), .td(.text(Alliance.name(of: g.nation))), .td(.text(Alliance.name(of: g.other))))
                        },
                        emptyText: "Every pair of nations fielding a class shares a munition of it."))
            },
            .unwrap(m.closers) { closers in
                .section(
                    .h2("Munitions that would close the most gaps"),
                    .paragraph(
                        "If the nations named qualified the munition for a system they operate (or recognised a qualification of it), each pair counted could share it.",
                        class: "muted"),
                    .dataTable(
                        caption: "By gaps closed",
                        columns: [.text("Munition"), .text("Class"), .number("Gaps closed"), .text("Nations that would qualify it")],
                        rows: closers.prefix(50).map { c in
                            .tr(
                                .td(.code(.text(c.item))), .td(.text(c.itemClass)), .numberCell(Format.integer(c.gapsClosed)),
                                .td(.text(c.toQualify.map(Alliance.name(of:)).joined(separator: ", "))))
                        },
                        emptyText: "No munition would close a gap."))
            }
        )
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
