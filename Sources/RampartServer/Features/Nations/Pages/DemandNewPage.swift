import Plot

/// The form a nation's delegate (or Alliance staff) enters a new demand with.
enum DemandNewPage {
    struct Model: Sendable {
        var nation: String
        var nationName: String
        var id: String = ""
        var item: String = ""
        var itemClass: String = ""
        var qty: String = ""
        var dueMonth: String = ""
        var priority: String = "3"
        var released: Bool = false
        var firm: Bool = false
        var errors: [String] = []
        /// The due month field's range, "YYYY-MM".
        var firstMonth: String? = nil
        var lastMonth: String? = nil
        /// Items and classes to choose from, as the target field suggests them.
        var items: [String] = []
        var classes: [String] = []

        var formErrors: FormErrors { FormErrors(errors, fields: DemandFormFields.all) }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("New demand · \(model.nationName)"),
            .paragraph("A demand names an item or an interchangeability class, not both.", class: "muted"),
            .errorList(model.formErrors.messages),
            .postForm(
                action: SiteRoute.nationDemands(model.nation).path,
                csrf: context.csrfToken,
                .field(
                    "Demand id", name: "id", value: model.id,
                    extra: [.attr("placeholder", "e.g. D-\(model.nation)-0042"), .flag("required")],
                    error: model.formErrors.message(for: "id")),
                .field(
                    "Item", name: "item", value: model.item, extra: [.attr("list", "items")],
                    error: model.formErrors.message(for: "item")),
                .field(
                    "or class", name: "class", value: model.itemClass, extra: [.attr("list", "classes")],
                    error: model.formErrors.message(for: "class")),
                .datalist(id: "items", model.items),
                .datalist(id: "classes", model.classes),
                .field(
                    "Quantity (units)", name: "qty", value: model.qty, extra: [.attr("inputmode", "decimal"), .flag("required")],
                    error: model.formErrors.message(for: "qty")),
                .field(
                    "Due month", name: "due_month", type: "month", value: model.dueMonth,
                    extra: [.attr("placeholder", "YYYY-MM"), .flag("required")]
                        + DemandFormFields.monthRange(model.firstMonth, model.lastMonth),
                    error: model.formErrors.message(for: "due_month")),
                .field(
                    "Priority (1 is highest)", name: "priority", type: "number", value: model.priority,
                    extra: [.attr("min", "1"), .attr("max", "5"), .attr("step", "1"), .flag("required")],
                    error: model.formErrors.message(for: "priority")),
                .checkbox("Released to the Alliance (industry sees it only summed with others)", name: "released", checked: model.released),
                .checkbox("Firm (under contract)", name: "firm", checked: model.firm),
                .submitButton("Enter demand")
            ),
            .p(.link("Back to \(model.nationName) demand", to: SiteRoute.nation(model.nation).path))
        )
    }
}
