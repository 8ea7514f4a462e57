import Plot

enum VerifyPage {
    struct Model: Sendable {
        var email: String
        /// The pending registration the page is for: "send a new code" renews its code.
        var registration: String
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
                .text("Enter the code sent to "), .strong(.text(model.email)),
                .text(
                    ". The code expires after 30 minutes. The password that will work is the one chosen in the registration whose code you enter."
                )
            ),
            verifyForm(context, model),
            .h2(.text("No code?")),
            .paragraph("Check your spam folder, or ask for a new code. Any earlier code stops working.", class: "muted"),
            .postForm(
                action: SiteRoute.verifyResend.path,
                csrf: context.csrfToken,
                .hiddenField("email", model.email),
                .hiddenField("registration", model.registration),
                .submitButton("Send a new code", class: "button secondary")
            )
        )
    }

    private static func verifyForm(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .postForm(
            action: SiteRoute.verify.path,
            csrf: context.csrfToken,
            .hiddenField("email", model.email),
            .hiddenField("registration", model.registration),
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
