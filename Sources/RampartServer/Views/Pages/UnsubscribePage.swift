import Plot

enum UnsubscribePage {
    struct Model: Sendable {
        var email: String
        var done: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Newsletter"),
            model.done ? doneContent(model) : confirmContent(context, model)
        )
    }

    private static func doneContent(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .success("You have been unsubscribed."),
            .p(.strong(.text(model.email)), .text(" will no longer receive the Rampart newsletter."))
        )
    }

    private static func confirmContent(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .p(.text("Stop sending the Rampart newsletter to "), .strong(.text(model.email)), .text("?")),
            .postForm(
                action: "/unsubscribe",
                csrf: context.csrfToken,
                .hiddenField("email", model.email),
                .submitButton("Unsubscribe")
            )
        )
    }
}
