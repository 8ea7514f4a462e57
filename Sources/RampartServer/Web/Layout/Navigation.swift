import Plot
import RampartCore

struct NavEntry: Sendable, Equatable {
    var label: String
    var href: String
}

enum Navigation {
    static func entries(for user: PageUser?) -> [NavEntry] {
        guard let user else {
            return [
                NavEntry(label: "Sign in", href: SiteRoute.signIn.path), NavEntry(label: "Create account", href: SiteRoute.register.path),
            ]
        }
        var entries = [NavEntry(label: "Dashboard", href: SiteRoute.dashboard.path)]
        if let demand = demandHref(for: user) {
            entries.append(NavEntry(label: "Demand", href: demand))
        }
        entries.append(NavEntry(label: "Plans", href: SiteRoute.plans.path))
        entries.append(NavEntry(label: "Signals", href: SiteRoute.signals.path))
        if user.role == .staff || user.role == .industry {
            entries.append(NavEntry(label: "Industry", href: SiteRoute.lines.path))
        }
        entries.append(NavEntry(label: "Interoperability", href: SiteRoute.interoperability.path))
        entries.append(NavEntry(label: "Standards", href: SiteRoute.standards.path))
        if user.role == .staff {
            entries.append(NavEntry(label: "Accounts", href: SiteRoute.adminUsers.path))
            entries.append(NavEntry(label: "Audit", href: SiteRoute.audit.path))
            entries.append(NavEntry(label: "Jobs", href: SiteRoute.adminJobs.path))
        }
        // The API tokens page is under it (`/account/tokens`), linked from it, and marks this entry as current.
        entries.append(NavEntry(label: "Your account", href: SiteRoute.account.path))
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
            SiteRoute.nations.path
        case .delegate:
            user.nation.flatMap { $0.isEmpty ? nil : SiteRoute.nation($0).path }
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
            .ul(
                .forEach(Navigation.entries(for: context.user)) { entry in
                    .li(
                        .a(
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
                    action: SiteRoute.signOut.path,
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
