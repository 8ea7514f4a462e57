import ArgumentParser
import Fluent
import Foundation
import Logging
import Vapor

/// Where the data lives; shared by `serve`, `import` and `export`.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite file to use (default: $RAMPART_DATA, else rampart.sqlite). Ignored when DATABASE_URL is set.",
            valueName: "path"))
    var data: String?

    func config(port: Int = 8080) throws -> AppConfig {
        do {
            return try AppConfig.load(environment: ProcessInfo.processInfo.environment, dataFile: data, port: port)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// Builds a Vapor application for a command, runs `body`, and always shuts it down.
enum CommandApplication {
    /// `logLevel` wins over `LOG_LEVEL` (`config.logLevel`), which wins over `notice`.
    static func with<T>(
        _ config: AppConfig, arguments: [String] = ["rampart"], logLevel: Logger.Level? = nil,
        _ body: (Application) async throws -> T
    ) async throws -> T {
        var env = Environment(name: "production", arguments: arguments)
        env.arguments = arguments
        let app = try await Application.make(env)
        app.logger.logLevel = logLevel ?? config.logLevel ?? .notice
        do {
            try await configure(app, config: config)
            try await app.autoMigrate()
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// The process's logging, set up once at start-up: every logger (Vapor's, the drivers', Rampart's) writes to
/// standard output at `LOG_LEVEL` (default info); a command may then lower or raise its application's level.
public enum ServerLogging {
    public static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = AppConfig.logLevel(in: environment) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
