import Plot

enum DemandEditPage {
    struct Model: Sendable {
        var code: String
        var nation: String
        var target: String
        var qty: String
        var dueMonth: String
        var priority: String
        var released: Bool
        var firm: Bool = false
        var version: Int
        var errors: [String]
        var conflict: Bool
        /// The due month field's range, "YYYY-MM".
        var firstMonth: String? = nil
        var lastMonth: String? = nil
        /// The page of the nation's list to come back to after a save.
        var returnTo: String? = nil

        var formErrors: FormErrors { FormErrors(errors, fields: DemandFormFields.all) }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Edit demand \(model.code)"),
            .p(.attr("class", "muted"), .text("Nation \(model.nation) · target \(model.target)")),
            .conflictNotice(model.conflict, record: "demand"),
            .errorList(model.formErrors.messages),
            form(context, model),
            .h2(.text("Withdraw")),
            .postForm(
                action: SiteRoute.demandWithdraw(model.code).path,
                csrf: context.csrfToken,
                .hiddenField("version", String(model.version)),
                .unwrap(model.returnTo) { .hiddenField("return_to", $0) },
                .submitButton("Withdraw demand \(model.code)", class: "button danger")
            ),
            .p(.link("Back to \(model.nation) demand", to: model.returnTo ?? SiteRoute.nation(model.nation).path))
        )
    }

    private static func form(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .postForm(
            action: SiteRoute.demand(model.code).path,
            csrf: context.csrfToken,
            .field(
                "Quantity (units)", name: "qty", value: model.qty,
                extra: [.attr("inputmode", "decimal"), .flag("required")], error: model.formErrors.message(for: "qty")
            ),
            .field(
                "Due month", name: "due_month", type: "month", value: model.dueMonth,
                extra: [.attr("placeholder", "YYYY-MM"), .flag("required")]
                    + DemandFormFields.monthRange(model.firstMonth, model.lastMonth),
                error: model.formErrors.message(for: "due_month")
            ),
            .field(
                "Priority (1 is highest)", name: "priority", type: "number", value: model.priority,
                extra: [.attr("min", "1"), .attr("max", "5"), .attr("step", "1"), .flag("required")],
                error: model.formErrors.message(for: "priority")
            ),
            .checkbox("Released to the Alliance (industry sees it only summed with others)", name: "released", checked: model.released),
            .checkbox("Firm (under contract)", name: "firm", checked: model.firm),
            .hiddenField("version", String(model.version)),
            .unwrap(model.returnTo) { .hiddenField("return_to", $0) },
            .submitButton("Save demand")
        )
    }
}
