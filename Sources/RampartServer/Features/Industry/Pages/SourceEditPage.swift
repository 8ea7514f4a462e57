import Plot

enum SourceEditPage {
    struct Model: Sendable {
        var code: String
        var kind: String
        var item: String
        var leadTimeMonths: String
        /// The capacity steps as the form shows them, blank rows after them to add more.
        var steps: [StepRow]
        var version: Int
        var errors: [String]
        var conflict: Bool
        /// Its use in the latest plan run against its capacity then; nil when no run planned it.
        var load: Load? = nil
        /// The horizon's first and last calendar months, for the month fields.
        var firstMonth: String? = nil
        var lastMonth: String? = nil

        var formErrors: FormErrors { FormErrors(errors, fields: SourceEditPage.fields(rows: steps.count)) }
    }

    /// One step of the capacity schedule: from which calendar month, and how many units a month.
    struct StepRow: Sendable {
        var from: String
        var perMonth: String
    }

    /// Rows shown beyond the schedule's steps, for new ones.
    static let blankRows = 2
    /// Rows the form reads at most.
    static let maxRows = 120

    static func fields(rows: Int) -> [FormErrors.Field] {
        [.init(name: "lead_time_months", apiName: "leadTimeMonths", label: "Lead time")]
            + (0..<rows).flatMap { row in
                [
                    FormErrors.Field(name: "step_from_\(row)", apiName: "capacity[\(row)].from", label: "Step \(row + 1), from"),
                    FormErrors.Field(
                        name: "step_per_month_\(row)", apiName: "capacity[\(row)].perMonth", label: "Step \(row + 1), units a month"),
                ]
            }
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
            .errorList(model.formErrors.messages),
            form(context, model),
            .p(.link("Back to production lines", to: SiteRoute.lines.path))
        )
    }

    private static func form(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let errors = model.formErrors
        return .postForm(
            action: SiteRoute.source(model.code).path,
            csrf: context.csrfToken,
            class: "form wide",
            .field(
                "Lead time (months)", name: "lead_time_months", type: "number", value: model.leadTimeMonths,
                extra: [.attr("min", "0"), .attr("step", "1"), .flag("required")], error: errors.message(for: "lead_time_months")
            ),
            .element(
                named: "fieldset",
                nodes: [
                    .element(named: "legend", text: "Capacity, in units a month"),
                    .p(
                        .attr("class", "hint"), .attr("id", "steps-hint"),
                        .text(
                            "Each step holds from its month until the next step starts; before the first step there is no capacity. "
                                + "Leave a row empty to drop it; fill the empty rows to add steps.")),
                    .div(
                        .attr("class", "table-wrap"),
                        .table(
                            .attr("class", "data steps"),
                            .thead(
                                .tr(
                                    .th(.attr("scope", "col"), .text("Step")), .th(.attr("scope", "col"), .text("From")),
                                    .th(.attr("scope", "col"), .text("Units a month")))),
                            .tbody(
                                .forEach(Array(model.steps.enumerated())) { row, step in
                                    .tr(
                                        .th(.attr("scope", "row"), .text(String(row + 1))),
                                        .td(
                                            stepInput(
                                                name: "step_from_\(row)", label: "Step \(row + 1), from", value: step.from, type: "month",
                                                extra: [.attr("placeholder", "YYYY-MM")]
                                                    + DemandFormFields.monthRange(model.firstMonth, model.lastMonth),
                                                error: errors.message(for: "step_from_\(row)"))),
                                        .td(
                                            stepInput(
                                                name: "step_per_month_\(row)", label: "Step \(row + 1), units a month",
                                                value: step.perMonth,
                                                type: "text", extra: [.attr("inputmode", "decimal")],
                                                error: errors.message(for: "step_per_month_\(row)")))
                                    )
                                })
                        )),
                ]),
            .hiddenField("version", String(model.version)),
            .submitButton("Save \(model.kind)")
        )
    }

    /// A field in the steps table: labelled for screen readers, its problem beside it.
    private static func stepInput(
        name: String, label: String, value: String, type: String, extra: [Attribute<HTML.InputContext>], error: String?
    ) -> Node<HTML.BodyContext> {
        let id = "field-" + name
        let errorID = id + "-error"
        let invalid: [Attribute<HTML.InputContext>] =
            error == nil ? [] : [.attr("aria-invalid", "true"), .attr("aria-describedby", errorID)]
        return .div(
            .attr("class", error == nil ? "field" : "field invalid"),
            .label(.attr("for", id), .attr("class", "visually-hidden"), .text(label)),
            .selfClosedElement(
                named: "input",
                attributes: [.attr("id", id), .attr("name", name), .attr("type", type), .attr("value", value)] + extra + invalid),
            .unwrap(error) { .p(.attr("class", "field-error"), .attr("id", errorID), .text($0)) }
        )
    }
}
