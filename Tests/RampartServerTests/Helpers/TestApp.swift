import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The database the data-layer tests run on: PostgreSQL when `RAMPART_TEST_DATABASE_URL` is set
/// (the test script starts one on 127.0.0.1), otherwise a fresh in-memory SQLite per test.
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["RAMPART_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static let metricsToken = "test-metrics-token-0123456789"

    static func config() -> AppConfig {
        var config = try! AppConfig.load(environment: [:], dataFile: ":memory:", port: 8080)
        if let url = postgresURL {
            precondition(url.contains("@127.0.0.1") || url.contains("@localhost"), "tests run only against a local PostgreSQL")
            config.database = .postgres(url: url)
        }
        config.outboxIntervalSeconds = 0.2
        config.metricsToken = metricsToken
        return config
    }
}

/// The clock of every test application: it stands at a fixed instant, well ahead of the machine's, and moves only
/// when a test moves it, so no test depends on when it runs and nothing the application schedules by the machine's
/// time can hide behind it.
enum TestClock {
    /// 2030-01-07 09:00:00 UTC, a Monday.
    static let start = Date(timeIntervalSince1970: 1_894_006_800)

    static func make() -> AppClock { AppClock(fixedAt: start) }
}

/// Serialises tests that share the one PostgreSQL database; SQLite tests each get their own database.
actor DatabaseLock {
    static let shared = DatabaseLock()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

/// The real application (configure, migrations) on the test database, shut down afterwards.
func withTestApp(adjust: (inout AppConfig) -> Void = { _ in }, _ body: (Application) async throws -> Void) async throws {
    let postgres = TestDatabase.postgresURL != nil
    if postgres { await DatabaseLock.shared.acquire() }
    let app = try await Application.make(.testing)
    do {
        var config = TestDatabase.config()
        adjust(&config)
        try await configure(app, config: config, bcryptCost: 4, clock: TestClock.make())
        if postgres { try await app.autoRevert() }
        try await app.autoMigrate()
        try await body(app)
        // Leaves the shared database empty: the command-line tests that run after these import into it.
        if postgres { try await app.autoRevert() }
    } catch {
        if postgres { try? await app.autoRevert() }
        try? await app.asyncShutdown()
        if postgres { await DatabaseLock.shared.release() }
        throw error
    }
    try await app.asyncShutdown()
    if postgres { await DatabaseLock.shared.release() }
}
