import Foundation
import Vapor

@testable import RampartServer

/// The real application serving HTTP on 127.0.0.1 (a free port), for a real browser; with the plan job
/// service claiming queued plan runs in the background once `startPlanJobs()` is called.
actor RunningServer {
    nonisolated let app: Application
    nonisolated let port: Int
    private var jobs: JobWorker?

    /// `http://127.0.0.1:<port>`
    nonisolated var baseURL: String { "http://127.0.0.1:\(port)" }

    init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    func startPlanJobs() async throws {
        guard jobs == nil else { return }
        let service = JobWorker(handlers: JobKinds.all)
        try await service.didBootAsync(app)
        jobs = service
    }

    func stopPlanJobs() async {
        guard let service = jobs else { return }
        jobs = nil
        await service.shutdownAsync(app)
    }
}

/// Starts Vapor's HTTP server for `app` on 127.0.0.1 with a port the system picks (and the plan job service
/// when `planJobs`), runs `body`, and stops both before returning, whether `body` returns or throws.
/// Call it inside `withTestApp`, and end browser sessions inside `body` so no connection keeps the server waiting.
func withRunningServer(_ app: Application, planJobs: Bool = true, _ body: (RunningServer) async throws -> Void) async throws {
    let server = app.http.server.shared
    try await server.start(address: .hostname("127.0.0.1", port: 0))
    guard let port = server.localAddress?.port else {
        await server.shutdown()
        throw WebDriverError("the HTTP server started but reports no local port")
    }
    let running = RunningServer(app: app, port: port)
    do {
        if planJobs { try await running.startPlanJobs() }
        try await body(running)
    } catch {
        await running.stopPlanJobs()
        await server.shutdown()
        throw error
    }
    await running.stopPlanJobs()
    await server.shutdown()
}
