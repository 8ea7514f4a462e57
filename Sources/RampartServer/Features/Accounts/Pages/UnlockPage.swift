import Plot

/// The page an unlock link opens: a button to unlock (a link alone changes nothing), then the result.
enum UnlockPage {
    struct Model: Sendable {
        var token: String
        var done: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading(model.done ? "Account unlocked" : "Unlock your account"),
            model.done
                ? .group(
                    .success("Your account is unlocked."),
                    .p(
                        .text("You can sign in again. If the failed sign-ins were not yours, "),
                        .link("choose a new password", to: SiteRoute.reset.path), .text(".")),
                    .p(.link("Sign in", to: SiteRoute.signIn.path)))
                : .group(
                    .p(.text("Your account was locked after too many failed sign-ins. Unlock it to sign in again.")),
                    .postForm(
                        action: SiteRoute.unlock(token: model.token).path,
                        csrf: context.csrfToken,
                        .submitButton("Unlock my account")))
        )
    }
}
