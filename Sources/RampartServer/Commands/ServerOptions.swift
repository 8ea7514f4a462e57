import Fluent
import ArgumentParser
import Foundation
import Logging
import Vapor

/// Where the data lives; shared by `serve`, `import` and `export`.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: ArgumentHelp(
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
    static func with<T>(_ config: AppConfig, arguments: [String] = ["rampart"], logLevel: Logger.Level = .notice,
                        _ body: (Application) async throws -> T) async throws -> T {
        var env = Environment(name: "production", arguments: arguments)
        env.arguments = arguments
        let app = try await Application.make(env)
        app.logger.logLevel = logLevel
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
