import Plot

/// What the unsubscribe link (one click, from any mail Rampart sends) answers.
enum UnsubscribePage {
    struct Model: Sendable {
        var email: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Newsletter"),
            .success("You have been unsubscribed."),
            .p(.strong(.text(model.email)), .text(" will no longer receive the Rampart newsletter."))
        )
    }
}
