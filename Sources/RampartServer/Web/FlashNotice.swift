import Foundation
import Vapor

/// A confirmation shown once, on the page a change redirects to ("Demand D-FR-5 saved."): carried by a short-lived
/// cookie, read into the page's notice, and expired by the first page that shows it.
enum FlashNotice {
    static let cookie = "rampart_notice"
    /// Longer messages are cut: a cookie is no place for more.
    static let maxBytes = 300

    /// A redirect to `route` whose page will say `message` once.
    static func redirect(_ req: Request, to route: SiteRoute, saying message: String) -> Response {
        redirect(req, toPath: route.path, saying: message)
    }

    /// A redirect to `path` (a route's link with a query, written with `SiteRoute.path(query:)`) whose page will say
    /// `message` once.
    static func redirect(_ req: Request, toPath path: String, saying message: String) -> Response {
        let response = req.redirect(to: Href.local(path))
        response.cookies[cookie] = value(Data(message.utf8.prefix(maxBytes)).base64EncodedString(), secure: req, maxAge: 60)
        return response
    }

    /// The message waiting for this request, if any.
    static func message(in req: Request) -> String? {
        guard let text = req.cookies[cookie]?.string, !text.isEmpty, text.utf8.count <= maxBytes * 2,
            let data = Data(base64Encoded: text)
        else { return nil }
        let message = String(decoding: data, as: UTF8.self)
        return message.isEmpty || message.contains("\u{0}") ? nil : message
    }

    private static func value(_ text: String, secure req: Request, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: text, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: req.rampart.config.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }

    /// Expires the notice once a page that is not itself a redirect has answered the request that carried it.
    struct Middleware: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let response = try await next.respond(to: request)
            if request.cookies[FlashNotice.cookie] != nil, !(300..<400).contains(response.status.code),
                response.cookies[FlashNotice.cookie] == nil
            {
                response.cookies[FlashNotice.cookie] = FlashNotice.value("", secure: request, maxAge: 0)
            }
            return response
        }
    }
}
