import Plot

enum VerifyPage {
    struct Model: Sendable {
        /// The address the code went to; empty when the page was opened without one, and then it asks for it.
        var email: String
        /// The pending registration the page is for: "send a new code" renews its code.
        var registration: String
        var errors: [String]
        var info: String?

        var formErrors: FormErrors { FormErrors(errors, fields: AccountFormFields.verify) }
        /// The address is asked for when the page does not know it, or it is not one.
        var asksForAddress: Bool { email.isEmpty || formErrors.message(for: "email") != nil }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Confirm your e-mail address"),
            .errorList(model.formErrors.messages),
            .notice(model.info),
            model.asksForAddress
                ? .paragraph(
                    "Enter the e-mail address you registered with and the 6-digit code we sent to it. The code expires after 30 minutes.")
                : .p(
                    .text("Enter the code sent to "), .strong(.text(model.email)),
                    .text(
                        ". The code expires after 30 minutes. The password that will work is the one chosen in the registration whose code you enter."
                    )
                ),
            verifyForm(context, model),
            .h2(.text("No code?")),
            model.registration.isEmpty || model.asksForAddress
                ? .p(
                    .attr("class", "muted"),
                    .text("Check your spam folder. A code expires after 30 minutes; for a new one, "),
                    .link("register again", to: SiteRoute.register.path), .text(" with the same address.")
                )
                : .group(
                    .paragraph("Check your spam folder, or ask for a new code. Any earlier code stops working.", class: "muted"),
                    .postForm(
                        action: SiteRoute.verifyResend.path,
                        csrf: context.csrfToken,
                        .hiddenField("email", model.email),
                        .hiddenField("registration", model.registration),
                        .submitButton("Send a new code", class: "button secondary")
                    )
                )
        )
    }

    private static func verifyForm(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let errors = model.formErrors
        return .postForm(
            action: SiteRoute.verify.path,
            csrf: context.csrfToken,
            model.asksForAddress
                ? .field(
                    "E-mail address", name: "email", type: "email", value: model.email,
                    extra: [.attr("autocomplete", "email"), .flag("required"), .flag("autofocus")],
                    error: errors.message(for: "email"))
                : .hiddenField("email", model.email),
            .hiddenField("registration", model.registration),
            .field(
                "Code", name: "code",
                extra: [.attr("inputmode", "numeric"), .attr("autocomplete", "one-time-code"), .flag("required")]
                    + (model.asksForAddress ? [] : [.flag("autofocus")]),
                error: errors.message(for: "code")
            ),
            .submitButton("Confirm")
        )
    }
}
