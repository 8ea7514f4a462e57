import RampartCore

import Plot

struct NavEntry: Sendable, Equatable {
    var label: String
    var href: String
}

enum Navigation {
    static func entries(for user: PageUser?) -> [NavEntry] {
        guard let user else {
            return [NavEntry(label: "Sign in", href: "/signin"), NavEntry(label: "Create account", href: "/register")]
        }
        var entries = [NavEntry(label: "Dashboard", href: "/dashboard")]
        if let demand = demandHref(for: user) {
            entries.append(NavEntry(label: "Demand", href: demand))
        }
        entries.append(NavEntry(label: "Plans", href: "/plans"))
        if user.role == .staff || user.role == .industry {
            entries.append(NavEntry(label: "Industry", href: "/lines"))
        }
        if user.role == .staff {
            entries.append(NavEntry(label: "Accounts", href: "/admin/users"))
            entries.append(NavEntry(label: "Audit", href: "/audit"))
        }
        entries.append(NavEntry(label: "API tokens", href: "/account/tokens"))
        return entries
    }

    static func isCurrent(_ entry: NavEntry, path: String) -> Bool {
        guard path.hasPrefix(entry.href) else { return false }
        let rest = path.dropFirst(entry.href.count)
        return rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("?")
    }

    private static func demandHref(for user: PageUser) -> String? {
        switch user.role {
        case .staff:
            "/nations"
        case .delegate:
            user.nation.flatMap { $0.isEmpty ? nil : Href.path("nations", $0) }
        case .industry, .observer:
            nil
        }
    }
}

extension Node where Context == HTML.BodyContext {
    static func mainNav(_ context: PageContext) -> Node {
        .nav(
            .attr("class", "main-nav"),
            .attr("aria-label", "Main"),
            .ul(.forEach(Navigation.entries(for: context.user)) { entry in
                .li(.a(
                    .safeHref(entry.href),
                    .if(Navigation.isCurrent(entry, path: context.path), .attr("aria-current", "page")),
                    .text(entry.label)
                ))
            })
        )
    }

    static func accountBox(_ context: PageContext) -> Node {
        .unwrap(context.user) { user in
            .div(
                .attr("class", "account"),
                .span(.attr("class", "who"), .text(user.displayName)),
                .span(.attr("class", "role"), .text(roleLine(user))),
                .postForm(
                    action: "/signout",
                    csrf: context.csrfToken,
                    class: "inline",
                    .submitButton("Sign out", class: "link-button")
                )
            )
        }
    }

    private static func roleLine(_ user: PageUser) -> String {
        let affiliation = [user.nation, user.company].compactMap { $0 }.filter { !$0.isEmpty }
        return ([user.role.label] + affiliation).joined(separator: " · ")
    }
}
