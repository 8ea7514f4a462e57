import Vapor

/// Every form POST outside the API carries `csrf_token` equal to the session's token (or, signed out, to the
/// random token in the `rampart_csrf` cookie). The API takes bearer tokens only, so it needs no such check.
struct CSRFMiddleware: AsyncMiddleware {
    static let anonymousCookie = "rampart_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let hadAnonymousCookie = request.cookies[Self.anonymousCookie] != nil
        // One-click unsubscribe (RFC 8058) is posted by mail programs; the token in its address is the credential.
        let isUnsubscribe = request.url.path.hasPrefix(SiteRoute.unsubscribe(token: "").path)
        // Signing out a browser whose session has ended changes nothing, so no forged form can do harm with it; the
        // sign-out button on a page left open past the session's end then says so instead of "the form has expired".
        let isSignedOutSignOut = request.url.path == SiteRoute.signOut.path && request.signedIn == nil
        if request.method == .POST, !request.isAPI, !isUnsubscribe, !isSignedOutSignOut {
            struct Form: Decodable { var csrf_token: String? }
            // A body that arrives in pieces is still streaming here: collect it, within the routes' limit, first.
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            }
            let sent: String
            do {
                sent = try request.content.decode(Form.self).csrf_token ?? ""
            } catch let refused as InputError {
                throw refused  // a body no form may hold (NULGuard) says so, rather than "the form has expired"
            } catch {
                sent = ""
            }
            let expected = request.signedIn?.session?.csrfToken ?? request.cookies[Self.anonymousCookie]?.string ?? ""
            guard !expected.isEmpty, Secrets.constantTimeEquals(sent, expected) else {
                throw Abort(.forbidden, reason: "the form has expired or did not come from Rampart; reload the page and try again")
            }
        }
        let response = try await next.respond(to: request)
        if !request.isAPI, request.signedIn == nil, !hadAnonymousCookie {
            response.cookies[Self.anonymousCookie] = HTTPCookies.Value(
                string: request.csrfToken, expires: nil, maxAge: 12 * 3600, domain: nil, path: "/",
                isSecure: request.rampart.config.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}
