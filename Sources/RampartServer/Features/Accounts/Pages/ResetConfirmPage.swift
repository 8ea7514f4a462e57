import Plot

enum ResetConfirmPage {
    struct Model: Sendable {
        var email: String
        var errors: [String]
        /// A local path checked by the caller.
        var returnTo: String
        var done: Bool
        var passwordRules: [String]
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading(model.done ? "Password changed" : "Choose a new password"),
            model.done ? doneContent(model) : formContent(context, model)
        )
    }

    private static func doneContent(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .success("Your password has been changed. Use it the next time you sign in."),
            .p(.a(.attr("class", "button"), .safeHref(model.returnTo), .text("Back to where you were")))
        )
    }

    private static func formContent(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .errorList(model.errors),
            .p(
                .text("Enter the code we sent to "), .strong(.text(model.email)),
                .text(" and choose a new password. The code expires after 30 minutes.")
            ),
            .postForm(
                action: SiteRoute.resetConfirm.path,
                csrf: context.csrfToken,
                .hiddenField("email", model.email),
                .field(
                    "Code", name: "code",
                    extra: [.attr("inputmode", "numeric"), .attr("autocomplete", "one-time-code"), .flag("required")]
                ),
                .field(
                    "New password", name: "password", type: "password",
                    extra: [
                        .attr("autocomplete", "new-password"), .flag("required"),
                        .attr("aria-describedby", "password-rules"),
                    ],
                    hint: .passwordRules(model.passwordRules)
                ),
                .hiddenField("return_to", model.returnTo),
                .submitButton("Change password")
            )
        )
    }
}
