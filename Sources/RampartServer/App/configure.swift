import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOPosix
import SQLKit
import Vapor

/// Sets up the database, migrations, middleware, background services and routes. Tests call it too.
func configure(_ app: Application, config: AppConfig, bcryptCost: Int = 12, clock: AppClock = AppClock()) async throws {
    // Every SQLite statement blocks a thread of this pool while it runs, and a connection waiting for another's
    // write lock sleeps on one: with as many threads as connections (the default on 2 cores), the waiting one
    // could hold the thread the lock's holder needed to finish. bcrypt runs here too.
    if config.database != .sqliteMemory { app.threadPool = NIOThreadPool(numberOfThreads: max(8, 2 * System.coreCount)) }
    // Several PostgreSQL connections per event loop: with one, a slow query holds up every other request on that loop.
    app.databases.use(try config.database.factory(postgresConnectionsPerLoop: 4), as: config.database.id)
    app.migrations.add(RampartMigrations.all)

    app.rampart = RampartServices(
        config: config, clock: clock, hasher: try PasswordHasher(cost: bcryptCost, threadPool: app.threadPool))
    app.rampart.scenarioReferences = [.qualifications, .conformances]

    NULGuard.install()
    app.http.server.configuration.idleTimeout = .seconds(config.connectionIdleTimeoutSeconds)
    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(RampartErrorMiddleware(environment: app.environment))
    app.middleware.use(NULGuard.Middleware())
    app.middleware.use(ParameterLimits.Middleware())
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(FlashNotice.Middleware())
    // Forms and JSON edits are small; the one large upload, the scenario import, streams to disk (UploadSpool).
    app.routes.defaultMaxBodySize = ByteCount(integerLiteral: BodyLimits.formsAndJSON)

    try routes(app)

    if case .sqliteFile = config.database, let sql = app.db as? any SQLDatabase {
        // Readers go on while a writer (an import, a plan's results) holds its transaction.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await SQLiteBusyWait.apply(to: app.databases, id: config.database.id, on: app.eventLoopGroup, logger: app.logger)
    }
}

extension AppConfig.DatabaseSetting {
    /// How Fluent opens this database, with `postgresConnectionsPerLoop` connections per event loop on PostgreSQL.
    func factory(postgresConnectionsPerLoop: Int) throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path): .sqlite(.file(path), sqlLogLevel: .debug)
        case .sqliteMemory: .sqlite(.memory, sqlLogLevel: .debug)
        case .postgres(let url): try .postgres(url: url, maxConnectionsPerEventLoop: postgresConnectionsPerLoop, sqlLogLevel: .debug)
        }
    }

    var id: DatabaseID {
        if case .postgres = self { return .psql }
        return .sqlite
    }
}
