import Plot
import RampartCore

extension Node where Context == HTML.BodyContext {
    /// For an observer (every new account is one): what the role allows, and how to get another. Only Alliance staff
    /// assign roles, on the accounts page (`/admin/users`).
    static func roleRequestHint(_ user: PageUser?) -> Node {
        .if(
            user?.role == .observer,
            .p(
                .attr("class", "notice"),
                .text(
                    "You are an observer: you can read released, aggregated demand and the status of plan runs. "
                        + "To enter your nation's demand or your company's lines, ask Alliance staff for a role: "
                        + "tell them which nation or company you act for, and the e-mail address of this account. "
                        + "Staff assign national delegate and industry roles; the new role applies when you next open a page.")
            ))
    }
}
