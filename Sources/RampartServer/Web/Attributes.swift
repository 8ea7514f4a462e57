import Plot

extension Node {
    /// The one way views attach an attribute with a value: the value is escaped here.
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    static func flag(_ name: String) -> Node {
        .attribute(named: name)
    }

    /// A link target built from data; see `Href.local`.
    static func safeHref(_ target: String) -> Node {
        .attr("href", Href.local(target))
    }
}

extension Attribute {
    /// The one way views build an `Attribute` value: the value is escaped here.
    static func attr(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    static func flag(_ name: String) -> Attribute {
        Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false)
    }
}
