import Plot

extension Node {
    /// Text, escaped for HTML. Shadows Plot's `text`, which escapes a character at a time (a third of a long page's
    /// rendering) and leaves `&name;` sequences in the text unescaped.
    static func text(_ text: String) -> Node {
        .raw(Escape.elementText(text))
    }
}
