/// The signed-in person, as the layout shows them.
struct PageUser: Sendable {
    var displayName: String
    var role: Role
    var nation: String?
    var company: String?
}

/// What every page needs besides its own model.
struct PageContext: Sendable {
    var title: String
    var user: PageUser?
    var csrfToken: String
    /// The request path, used to mark the current navigation entry.
    var path: String
    var notice: String?
}
