import Fluent
import NIOPosix
import Vapor

/// The background jobs' own connections to the application's database, on an event loop of their own.
///
/// A plan run reads the whole scenario and writes thousands of results. On the requests' connections every request
/// of that event loop waited behind it; on connections of its own but on a request loop, the rows it decodes held
/// that loop (BENCHMARKS.md, "Where the remaining waits were"). An in-memory SQLite database has no second
/// connection (another would open another, empty database): there the jobs share the application's.
final class JobsDatabase: Sendable {
    let database: any Database
    private let databases: Databases?
    private let eventLoopGroup: MultiThreadedEventLoopGroup?

    init(for app: Application, config: AppConfig) async throws {
        if config.database == .sqliteMemory {
            database = app.db
            databases = nil
            eventLoopGroup = nil
            return
        }
        let factory = try config.database.factory(postgresConnectionsPerLoop: 2)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let databases = Databases(threadPool: app.threadPool, on: group)
        databases.use(factory, as: .jobs)
        guard let database = databases.database(.jobs, logger: app.logger, on: group.next()) else {
            throw Abort(.internalServerError, reason: "the jobs' database could not be opened")
        }
        self.database = database
        self.databases = databases
        eventLoopGroup = group
        if case .sqliteFile = config.database {
            try await SQLiteBusyWait.apply(to: databases, id: .jobs, on: group, logger: app.logger)
        }
    }

    func shutdown() async {
        await databases?.shutdownAsync()
        try? await eventLoopGroup?.shutdownGracefully()
    }
}

extension DatabaseID {
    static let jobs = DatabaseID(string: "jobs")
}
