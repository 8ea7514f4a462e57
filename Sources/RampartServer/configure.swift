import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Sets up the database, migrations, middleware, background services and routes. Tests call it too.
func configure(_ app: Application, config: AppConfig, bcryptCost: Int = 12) async throws {
    switch config.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        // Several connections per event loop: with one, a plan run's writes or a slow query hold up every other
        // request on that loop.
        app.databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .debug), as: .psql)
    }
    app.migrations.add(RampartMigrations.all)

    app.rampart = RampartServices(
        config: config, clock: AppClock(), hasher: try PasswordHasher(cost: bcryptCost, threadPool: app.threadPool))

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(RampartErrorMiddleware(environment: app.environment))
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.routes.defaultMaxBodySize = "10mb"

    try routes(app)

    if case .sqliteFile = config.database, let sql = app.db as? any SQLDatabase {
        // Readers go on while a writer (an import, a plan's results) holds its transaction.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
