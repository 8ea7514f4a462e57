import Plot

enum NewsletterOfferPage {
    struct Model: Sendable {
        var email: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Your account is ready"),
            .p(
                .text(
                    "Would you like the Rampart newsletter? It summarises new demand signals, plan results and "
                        + "production news, and goes to "),
                .strong(.text(model.email)),
                .text(". You can unsubscribe at any time.")
            ),
            .div(
                .attr("class", "actions"),
                .postForm(
                    action: SiteRoute.newsletter.path,
                    csrf: context.csrfToken,
                    class: "inline",
                    .hiddenField("subscribe", "yes"),
                    .submitButton("Subscribe to the newsletter")
                ),
                .link("No thanks", to: SiteRoute.dashboard.path)
            )
        )
    }
}
