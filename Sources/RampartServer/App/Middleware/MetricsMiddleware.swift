import Prometheus
import Vapor

/// Counts requests and their durations per route for `/metrics`.
struct MetricsMiddleware: AsyncMiddleware {
    static let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1), .seconds(5),
    ]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            record(request, status: (error as? any AbortError)?.status.code ?? 500, since: start)
            throw error
        }
        record(request, status: response.status.code, since: start)
        return response
    }

    private func record(_ request: Request, status: UInt, since start: ContinuousClock.Instant) {
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let labels = [("method", request.method.rawValue), ("route", route), ("status", String(status))]
        Self.registry.makeCounter(name: "rampart_http_requests_total", labels: labels).increment()
        Self.registry.makeDurationHistogram(
            name: "rampart_http_request_duration_seconds",
            labels: [("method", request.method.rawValue), ("route", route)], buckets: Self.buckets
        ).record(ContinuousClock.now - start)
    }
}
