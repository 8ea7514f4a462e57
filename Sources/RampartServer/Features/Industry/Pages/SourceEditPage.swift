import Plot

enum SourceEditPage {
    struct Model: Sendable {
        var code: String
        var kind: String
        var item: String
        var leadTimeMonths: String
        /// "from:perMonth, from:perMonth"
        var steps: String
        var version: Int
        var errors: [String]
        var conflict: Bool
        /// Its use in the latest plan run against its capacity then; nil when no run planned it.
        var load: Load? = nil
    }

    struct Load: Sendable {
        var runName: String
        var runPath: String
        var chart: String
        var fullMonths: Int
        var months: Int
        var used: Double
        var capacity: Double
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading(model.code),
            .p(.attr("class", "muted"), .text("\(model.kind) · \(model.item)")),
            .section(
                .h2(.text("Load against capacity")),
                .unwrap(
                    model.load,
                    { load in
                        .group(
                            .p(
                                .text(
                                    "In \(load.runName.lowercased()), \(Format.units(load.used)) units used of \(Format.units(load.capacity)) "
                                        + "over the horizon; full in \(load.fullMonths) of \(load.months) months. "),
                                .link("Open the run", to: load.runPath)),
                            .chart(load.chart)
                        )
                    }, else: .paragraph("No plan run has planned this \(model.kind) yet.", class: "empty"))
            ),
            .h2(.text("Edit")),
            .conflictNotice(model.conflict, record: model.kind),
            .errorList(model.errors),
            form(context, model),
            .p(.link("Back to production lines", to: SiteRoute.lines.path))
        )
    }

    private static func form(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .postForm(
            action: SiteRoute.source(model.code).path,
            csrf: context.csrfToken,
            .field(
                "Lead time (months)", name: "lead_time_months", type: "number", value: model.leadTimeMonths,
                extra: [.attr("min", "0"), .attr("step", "1"), .flag("required")]
            ),
            .field(
                "Capacity steps", name: "steps", value: model.steps,
                extra: [.attr("aria-describedby", "steps-hint"), .flag("required")],
                hint: .p(
                    .attr("id", "steps-hint"),
                    .attr("class", "hint"),
                    .text(
                        "Write each step as from:perMonth, where from is the month of the horizon (0 is the first) "
                            + "and perMonth the units per month, and separate steps with commas, for example "),
                    .code(.text("0:400, 12:650")),
                    .text(". Each step holds until the next one starts.")
                )
            ),
            .hiddenField("version", String(model.version)),
            .submitButton("Save line")
        )
    }
}
