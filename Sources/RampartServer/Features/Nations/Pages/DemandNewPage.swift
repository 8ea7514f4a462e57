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
        var errors: [String] = []
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("New demand · \(model.nationName)"),
            .paragraph("A demand names an item or an interchangeability class, not both.", class: "muted"),
            .errorList(model.errors),
            .postForm(
                action: SiteRoute.nationDemands(model.nation).path,
                csrf: context.csrfToken,
                .field(
                    "Demand id", name: "id", value: model.id,
                    extra: [.attr("placeholder", "e.g. \(model.nation)-155-2027"), .flag("required")]),
                .field("Item", name: "item", value: model.item),
                .field("or class", name: "class", value: model.itemClass),
                .field("Quantity (units)", name: "qty", value: model.qty, extra: [.attr("inputmode", "decimal"), .flag("required")]),
                .field(
                    "Due month", name: "due_month", type: "month", value: model.dueMonth,
                    extra: [.attr("placeholder", "YYYY-MM"), .flag("required")]),
                .field(
                    "Priority (1 is highest)", name: "priority", type: "number", value: model.priority,
                    extra: [.attr("min", "1"), .attr("max", "5"), .attr("step", "1"), .flag("required")]),
                .checkbox("Released to the Alliance", name: "released", checked: model.released),
                .submitButton("Enter demand")
            ),
            .p(.link("Back to \(model.nationName) demand", to: SiteRoute.nation(model.nation).path))
        )
    }
}
