import Fluent
import RampartCore
import Vapor

/// The person behind a request, and how they came in.
struct SignedIn: Sendable {
    var user: UserRecord
    /// The browser session (nil for a bearer token).
    var session: WebSessionRecord?
    /// What the bearer token may do (nil for a browser session, which may do all the role allows).
    var tokenScope: TokenScope? = nil

    var userID: UUID { user.id ?? UUID() }
    var role: Role { Role(rawValue: user.role) ?? .observer }
    var principal: Principal { Principal(role: role, nation: user.nation, company: user.company) }
    var actor: Actor { Actor(userID: user.id, name: user.email) }
    var pageUser: PageUser { PageUser(displayName: user.displayName, role: role, nation: user.nation, company: user.company) }
}

extension Request {
    private struct SignedInKey: StorageKey {
        typealias Value = SignedIn
    }

    private struct AnonymousCSRFKey: StorageKey {
        typealias Value = String
    }

    var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in person, or 401.
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw Abort(.unauthorized, reason: "sign in first") }
        return signedIn
    }

    /// The person, when `allowed` says they may; 401 signed out, 403 otherwise.
    func require(_ allowed: (Principal) -> Bool) throws -> SignedIn {
        let signedIn = try requireSignedIn()
        guard allowed(signedIn.principal) else { throw Abort(.forbidden, reason: "your role does not allow this") }
        return signedIn
    }

    /// The CSRF token forms must carry: the session's, or for signed-out forms a random one kept in a cookie.
    var csrfToken: String {
        if let session = signedIn?.session { return session.csrfToken }
        if let token = storage[AnonymousCSRFKey.self] { return token }
        let token = cookies[CSRFMiddleware.anonymousCookie]?.string ?? Secrets.token()
        storage[AnonymousCSRFKey.self] = token
        return token
    }

    var isAPI: Bool { url.path.hasPrefix(SiteRoute.apiPathPrefix) }
}
