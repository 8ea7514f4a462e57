import Vapor

/// The table of contents of the server.
func routes(_ app: Application) throws {
    do {  // operations: health and metrics
        try app.register(collection: HealthAndMetrics())
    }
    do {  // web application (HTML, session cookie, CSRF on every form)
        try app.register(collection: FaviconRoute())
        try app.register(collection: AccountPages())
        try app.register(collection: DashboardPages())
        try app.register(collection: NationPages())
        try app.register(collection: PlanPages())
        try app.register(collection: IndustryPages())
        try app.register(collection: AdminPages())
        try app.register(collection: TokenPages())
    }
    do {  // JSON API (bearer tokens)
        let api = app.grouped("api", "v1")
        try api.register(collection: APIAccounts())
        try api.register(collection: APIRecords())
        try api.register(collection: APIPlansAndAdmin())
        api.get("openapi.json") { req async throws -> Response in
            Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: OpenAPIDocument.json))
        }
    }
}
