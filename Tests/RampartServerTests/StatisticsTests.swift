import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import RampartServer

@Suite struct StatisticsTests {
    /// A plan run refreshes the statistics on the jobs' connection; the requests' connections, opened before, must
    /// plan with them too (SQLite reads them only with the schema).
    @Test func statisticsWrittenOnOneConnectionReachTheOthers() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // PostgreSQL keeps one set of statistics for all sessions
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let onFile: (inout AppConfig) -> Void = { $0.database = .sqliteFile(directory.appendingPathComponent("rampart.sqlite").path) }
        var config = TestDatabase.config()
        onFile(&config)
        try await withTestApp(adjust: onFile) { app in
            // setup: a table whose best plan depends on its statistics, read once by a request's connection
            let jobs = try await JobsDatabase(for: app, config: config)
            let requests = app.databases.database(logger: app.logger, on: app.eventLoopGroup.next())!
            let writer = try SQLAccess.sql(jobs.database)
            let reader = try SQLAccess.sql(requests)
            func plan() async throws -> String {
                _ = try await reader.raw("SELECT COUNT(*) AS n FROM stats_probe").all()
                return try await reader.raw("EXPLAIN QUERY PLAN SELECT * FROM stats_probe WHERE a = 1 AND b = 1").all()
                    .map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
            }
            do {
                try await writer.raw("CREATE TABLE stats_probe (a INTEGER, b INTEGER)").run()
                try await writer.raw("CREATE INDEX stats_probe_a ON stats_probe (a)").run()
                try await writer.raw("CREATE INDEX stats_probe_b ON stats_probe (b)").run()
                try await writer.raw("INSERT INTO stats_probe VALUES (1, 1)").run()
                try await Statistics.refresh(["stats_probe"], on: jobs.database)
                #expect(try await plan().contains("SCAN"))

                // MUT: 5,000 rows, `a` all different and `b` all the same, and their statistics refreshed elsewhere
                try await writer.raw(
                    """
                    WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                    INSERT INTO stats_probe SELECT i, 1 FROM n
                    """
                ).run()
                try await Statistics.refresh(["stats_probe"], on: jobs.database)

                // validate: the request's connection now reads through the selective index
                #expect(try await plan().contains("USING INDEX stats_probe_a"))
                let touched = try await reader.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = \(bind: Statistics.schemaTouch)")
                    .first()?.decode(column: "n", as: Int.self)
                #expect(touched == 0)
            } catch {
                await jobs.shutdown()
                throw error
            }
            await jobs.shutdown()
        }
    }
}
