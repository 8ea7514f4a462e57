import Plot

extension Node where Context: HTML.BodyContext {
    /// A POST form carrying the CSRF token.
    static func postForm(
        action: String,
        csrf: String,
        class className: String = "form",
        _ content: Node<HTML.FormContext>...
    ) -> Node {
        .form(
            .attr("method", "post"),
            .attr("action", Href.local(action)),
            .attr("class", className),
            .csrfField(csrf),
            .group(content)
        )
    }

    static func csrfField(_ token: String) -> Node {
        .hiddenField("csrf_token", token)
    }

    static func hiddenField(_ name: String, _ value: String) -> Node {
        .input(.attr("type", "hidden"), .attr("name", name), .attr("value", value))
    }

    static func submitButton(_ label: String, class className: String = "button") -> Node {
        .button(.attr("type", "submit"), .attr("class", className), .text(label))
    }

    static func field(
        _ label: String,
        name: String,
        type: String = "text",
        value: String = "",
        extra: [Attribute<HTML.InputContext>] = [],
        hint: Node = .empty,
        describedBy hintID: String? = nil,
        error: String? = nil
    ) -> Node {
        let id = "field-" + name
        let errorID = id + "-error"
        // The field's problem first, then its hint (`hintID`, the element `hint` renders): one attribute naming both.
        let describedBy = [error.map { _ in errorID }, hintID].compactMap { $0 }.joined(separator: " ")
        let invalid: [Attribute<HTML.InputContext>] =
            (error == nil ? [] : [.attr("aria-invalid", "true")]) + (describedBy.isEmpty ? [] : [.attr("aria-describedby", describedBy)])
        let attributes: [Attribute<HTML.InputContext>] =
            [
                .attr("id", id), .attr("name", name), .attr("type", type),
            ] + (type == "password" ? [] : [.attr("value", value)]) + extra + invalid
        return .div(
            .attr("class", error == nil ? "field" : "field invalid"),
            .label(.attr("for", id), .text(label)),
            .selfClosedElement(named: "input", attributes: attributes),
            .unwrap(error) { .p(.attr("class", "field-error"), .attr("id", errorID), .text($0)) },
            hint
        )
    }

    /// Values a text field with `list="id"` suggests.
    static func datalist(id: String, _ values: [String]) -> Node {
        .element(
            named: "datalist",
            nodes: [.attr("id", id)] + values.map { Node.element(named: "option", nodes: [.attr("value", $0)]) })
    }

    static func checkbox(_ label: String, name: String, checked: Bool) -> Node {
        let id = "field-" + name
        let attributes: [Attribute<HTML.InputContext>] =
            [
                .attr("id", id), .attr("name", name), .attr("type", "checkbox"), .attr("value", "yes"),
            ] + (checked ? [.flag("checked")] : [])
        return .div(
            .attr("class", "field checkbox"),
            .selfClosedElement(named: "input", attributes: attributes),
            .label(.attr("for", id), .text(label))
        )
    }

    static func selectField(
        _ label: String,
        name: String,
        id: String? = nil,
        options: [(value: String, label: String)],
        selected: String
    ) -> Node {
        let id = id ?? "field-" + name
        return .div(
            .attr("class", "field"),
            .label(.attr("for", id), .text(label)),
            .select(
                .attr("id", id),
                .attr("name", name),
                .forEach(options) { .option(value: $0.value, label: $0.label, selected: $0.value == selected) }
            )
        )
    }
}

extension Node where Context == HTML.SelectContext {
    static func option(value: String, label: String, selected: Bool) -> Node {
        .element(
            named: "option",
            nodes: [
                Node<HTML.OptionContext>.attr("value", value),
                selected ? .flag("selected") : .empty,
                .text(label),
            ])
    }
}
