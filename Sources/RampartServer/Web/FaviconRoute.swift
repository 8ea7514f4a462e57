import Vapor

/// The tab icon: a shield with an R, as SVG. Browsers ask for `/favicon.ico` whatever the page says.
struct FaviconRoute: RouteCollection {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
        <path d="M16 2 28 6v9c0 7-5.5 12.5-12 15C9.5 27.5 4 22 4 15V6z" fill="#1f3a5f"/>\
        <text x="16" y="21" font-family="sans-serif" font-size="14" font-weight="700" text-anchor="middle" fill="#fff">R</text>\
        </svg>
        """

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.faviconSVG, use: icon)
        routes.get(.faviconICO, use: icon)
    }

    @Sendable func icon(req: Request) async throws -> Response {
        Response(
            status: .ok, headers: ["Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400"],
            body: .init(string: Self.svg))
    }
}
