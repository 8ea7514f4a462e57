import Plot

/// The fields of the demand forms, with what the form calls each.
enum DemandFormFields {
    static let all: [FormErrors.Field] = [
        .init(name: "id", label: "Demand id"), .init(name: "item", label: "Item"), .init(name: "class", label: "Class"),
        .init(name: "qty", label: "Quantity"), .init(name: "due_month", apiName: "dueMonth", label: "Due month"),
        .init(name: "priority", label: "Priority"),
    ]

    /// `min` and `max` of a month field, when the horizon is known.
    static func monthRange(_ first: String?, _ last: String?) -> [Attribute<HTML.InputContext>] {
        guard let first, let last else { return [] }
        return [.attr("min", first), .attr("max", last)]
    }
}
