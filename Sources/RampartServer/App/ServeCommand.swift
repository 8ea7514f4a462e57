import ArgumentParser
import Fluent
import Foundation
import Logging
import RampartCore
import Vapor

public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Rampart server: web application, JSON API, plan runs and mail.",
        discussion: """
            With no settings it keeps everything in a SQLite file and applies the migrations. \
            DATABASE_URL=postgres://user:password@host:5432/name selects PostgreSQL. Mail goes through SMTP when \
            SMTP_HOST (and SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_SECURITY=starttls|none, MAIL_FROM) are set, \
            otherwise it is written to the log. PUBLIC_URL is the address used in mailed links. LOG_LEVEL sets how much \
            every command logs.
            """)

    @OptionGroup var database: DatabaseOptions
    @ArgumentParser.Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @ArgumentParser.Option(name: .long, help: "Port to listen on.") var port = 8080
    @ArgumentParser.Flag(name: .long, help: "Load the demo scenario (when the database has none) and demo accounts for every role.")
    var demo = false
    @ArgumentParser.Option(
        name: .long,
        help: ArgumentHelp(
            "How much to log (default: $LOG_LEVEL, else info).",
            valueName: "level"))
    var logLevel: Logger.Level?

    public init() {}

    public func run() async throws {
        MallocArenas.limitForServer()
        let config = try database.config(port: port)
        try await CommandApplication.with(config, arguments: ["rampart", "serve"], logLevel: logLevel ?? config.logLevel ?? .info) { app in
            app.http.server.configuration.hostname = host
            app.http.server.configuration.port = port
            if demo {
                let accounts = try await DemoData.load(on: app)
                Self.say(DemoData.banner(accounts, address: config.publicURL))
            } else {
                Self.say("Rampart is starting on \(config.publicURL) (\(describe(config.database)))")
            }
            app.lifecycle.use(JobWorker(handlers: JobKinds.all))
            app.lifecycle.use(MailSetup.outboxService(for: app))
            try await app.execute()
        }
    }

    /// Start-up lines go out at once, even when standard output is a file.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private func describe(_ setting: AppConfig.DatabaseSetting) -> String {
        switch setting {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres: "PostgreSQL"
        }
    }
}
