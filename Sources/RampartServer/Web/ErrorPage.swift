import Plot

enum ErrorPage {
    struct Model: Sendable {
        var status: Int
        var message: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading(heading(for: model.status)),
            .p(.text(model.message)),
            .p(.attr("class", "muted"), .text("Error \(model.status)")),
            .p(
                .link(
                    context.user == nil ? "Go to the start page" : "Back to the dashboard",
                    to: (context.user == nil ? SiteRoute.home : .dashboard).path))
        )
    }

    static func heading(for status: Int) -> String {
        switch status {
        case 400: "The request could not be understood"
        case 401: "Please sign in"
        case 403: "You do not have access to this page"
        case 404: "Page not found"
        case 409: "Someone else changed this first"
        case 422: "Some values need correcting"
        case 429: "Too many attempts"
        case 500...: "Something went wrong on our side"
        default: "Something went wrong"
        }
    }
}
