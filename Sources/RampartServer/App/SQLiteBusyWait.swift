import Fluent
import NIOCore
import SQLKit

/// sqlite-nio answers a locked database with a busy handler that retries at once, for ever: a connection waiting
/// for another's write lock spins a core, starving the writer it waits for (on 2 cores, requests and a plan's
/// writes stalled each other for minutes; BENCHMARKS.md, "Soak"). `busy_timeout` replaces that handler with
/// SQLite's own, which sleeps between tries and gives up after the timeout. It is a setting of each connection,
/// and each event loop has one.
enum SQLiteBusyWait {
    static let timeoutMilliseconds = 5_000

    static func apply(to databases: Databases, id: DatabaseID, on group: any EventLoopGroup, logger: Logger) async throws {
        for loop in group.makeIterator() {
            guard let sql = databases.database(id, logger: logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(timeoutMilliseconds))").run()
        }
    }
}
