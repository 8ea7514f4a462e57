import Fluent
import Vapor

/// Finds who is asking: under `/api/` a bearer token only, elsewhere the session cookie only.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "rampart_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            if let bearer = request.headers.bearerAuthorization?.token, bearer.utf8.count <= 200,
                let token = try await APITokenRecord.query(on: request.db).filter(\.$tokenHash == Secrets.sha256(bearer))
                    .join(UserRecord.self, on: \APITokenRecord.$userID == \UserRecord.$id).first()
            {
                guard let expiresAt = token.expiresAt, expiresAt > request.now else {
                    throw Abort(.unauthorized, reason: "this API token has expired; create a new one on the tokens page")
                }
                if token.tokenScope == .read, ![.GET, .HEAD].contains(request.method) {
                    throw Abort(.forbidden, reason: "this API token may only read; create a read and write token to change records")
                }
                request.signedIn = SignedIn(user: try token.joined(UserRecord.self), session: nil, tokenScope: token.tokenScope)
            }
        } else if let cookie = request.cookies[Self.sessionCookie]?.string,
            let session = try await WebSessionRecord.query(on: request.db)
                .filter(\.$tokenHash == Secrets.sha256(cookie))
                .join(UserRecord.self, on: \WebSessionRecord.$userID == \UserRecord.$id).first(),
            session.expiresAt > request.now
        {
            request.signedIn = SignedIn(user: try session.joined(UserRecord.self), session: session)
        }
        return try await next.respond(to: request)
    }

    static func cookie(token: String, secure: Bool, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: secure,
            isHTTPOnly: true, sameSite: .lax)
    }
}
