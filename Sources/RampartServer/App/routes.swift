import Vapor

/// The table of contents of the server: each feature's pages and API routes.
func routes(_ app: Application) throws {
    do {  // operations: health and metrics
        try app.register(collection: HealthAndMetrics())
    }
    do {  // web application (HTML, session cookie, CSRF on every form)
        try app.register(collection: FaviconRoute())
        try app.register(collection: AccountPages())
        try app.register(collection: AccountSettingsPages())
        try app.register(collection: TokenPages())
        try app.register(collection: DashboardPages())
        try app.register(collection: NationPages())
        try app.register(collection: IndustryPages())
        try app.register(collection: InteroperabilityPages())
        try app.register(collection: SignalPages())
        try app.register(collection: StandardsPages())
        try app.register(collection: PlanPages())
        try app.register(collection: PlanTablesCSV())
        try app.register(collection: PlanDemandPages())
        try app.register(collection: PlanComparePages())
        try app.register(collection: AdminPages())
        try app.register(collection: AdminCSV())
    }
    do {  // JSON API (bearer tokens)
        try app.register(collection: APIAccounts())
        try app.register(collection: APIDashboard())
        try app.register(collection: APIScenario())
        try app.register(collection: APINations())
        try app.register(collection: APISources())
        try app.register(collection: APIInteroperability())
        try app.register(collection: APISignals())
        try app.register(collection: APIStandards())
        try app.register(collection: APIPlans())
        try app.register(collection: APIAdmin())
        app.get(.api(.openAPIDocument)) { req async throws -> Response in
            Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: OpenAPIDocument.json))
        }
    }
}
