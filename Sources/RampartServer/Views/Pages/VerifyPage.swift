import Plot

enum VerifyPage {
    struct Model: Sendable {
        var email: String
        var error: String?
        var info: String?
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Confirm your e-mail address"),
            .errorMessage(model.error),
            .notice(model.info),
            .p(
                .text("We sent a code to "), .strong(.text(model.email)),
                .text(". Enter it below. The code expires after 30 minutes.")
            ),
            verifyForm(context, model),
            .h2(.text("No code?")),
            .paragraph("Check your spam folder, or ask for a new code. Any earlier code stops working.", class: "muted"),
            .postForm(
                action: "/verify/resend",
                csrf: context.csrfToken,
                .hiddenField("email", model.email),
                .submitButton("Send a new code", class: "button secondary")
            )
        )
    }

    private static func verifyForm(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .postForm(
            action: "/verify",
            csrf: context.csrfToken,
            .hiddenField("email", model.email),
            .field(
                "Code", name: "code",
                extra: [
                    .attr("inputmode", "numeric"), .attr("autocomplete", "one-time-code"),
                    .flag("required"), .flag("autofocus"),
                ]
            ),
            .submitButton("Confirm")
        )
    }
}
