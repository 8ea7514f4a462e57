import Fluent
import Prometheus
import Vapor

/// `/health` (the database answers) and `/metrics` (Prometheus text format, for the holder of the metrics token).
struct HealthAndMetrics: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.health, use: health)
        routes.get(.metrics, use: metrics)
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    @Sendable func health(req: Request) async throws -> Response {
        do {
            _ = try await ScenarioSettingsRecord.query(on: req.db).count()
            return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("health check: database failed: \(String(reflecting: error))")
            return try await Health(status: "failing", database: "unreachable").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }

    /// Request counts per route say what the server is used for: only a scraper holding `METRICS_TOKEN` reads them.
    @Sendable func metrics(req: Request) async throws -> Response {
        guard let expected = req.rampart.config.metricsToken else {
            throw Abort(.notFound, reason: "metrics are off: set METRICS_TOKEN to serve them")
        }
        guard let sent = req.headers.bearerAuthorization?.token, Secrets.constantTimeEquals(sent, expected) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "send the metrics token as a bearer token")
        }
        let registry = MetricsMiddleware.registry
        for status in PlanRunStatus.allCases {
            let count = try await PlanRunRecord.query(on: req.db).filter(\.$status == status).count()
            registry.makeGauge(name: "rampart_plan_runs", labels: [("status", status.rawValue)]).set(Double(count))
        }
        let pending = try await OutboxMailRecord.query(on: req.db).filter(\.$status == "pending").count()
        registry.makeGauge(name: "rampart_outbox_pending_mails").set(Double(pending))
        return Response(
            status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(string: registry.emitToString()))
    }
}
