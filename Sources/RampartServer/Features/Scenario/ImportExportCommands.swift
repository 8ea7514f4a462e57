import ArgumentParser
import Fluent
import Foundation
import RampartCore
import Vapor

public struct ImportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace the scenario in the database with a scenario file, in one transaction.",
        discussion: "The file is validated first; on any problem (each printed with its JSON path) nothing changes.")

    @ArgumentParser.Argument(help: "Scenario file (planning-model.md, version 1).") var file: String
    @OptionGroup var database: DatabaseOptions
    @ArgumentParser.Flag(name: .long, help: "Print the summary as JSON.") var json = false

    public init() {}

    public func run() async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ImportFailure(message: "\(file): cannot read the file (\(error.localizedDescription))")
        }
        let config = try database.config()
        do {
            let summary = try await CommandApplication.with(config) { app in
                try await ScenarioTransfer.importFile(
                    data, by: .system, now: app.rampart.clock.now(), references: app.rampart.scenarioReferences, on: app.db)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            } else {
                print(
                    "Imported \(summary.scenario): \(summary.items) items, \(summary.lines) lines, \(summary.supplies) supplies, "
                        + "\(summary.stocks) stocks, \(summary.demands) demands.")
            }
        } catch let error as ScenarioValidationError {
            throw ImportFailure(
                message: "\(file): nothing was imported; the file has \(error.issues.count) problem(s):\n\(error.description)")
        } catch let error as OrphanedReferencesError {
            throw ImportFailure(
                message: "\(file): nothing was imported; records beside the scenario name what it drops:\n"
                    + error.problems.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}

public struct ExportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the scenario held in the database as a scenario file.")

    @OptionGroup var database: DatabaseOptions
    @ArgumentParser.Option(name: [.short, .long], help: "Output file (default: standard output).") var output: String?

    public init() {}

    public func run() async throws {
        let config = try database.config()
        let data = try await CommandApplication.with(config) { app in try await ScenarioTransfer.exportFile(on: app.db) }
        guard let data else { throw ImportFailure(message: "the database holds no scenario yet: import one first") }
        if let output, Self.isSpecialFile(output) {
            // A device or a pipe (`-o /dev/stdout`): written as it is; renaming a file over it would replace it.
            guard let handle = FileHandle(forWritingAtPath: output) else {
                throw ImportFailure(message: "\(output): cannot open it for writing")
            }
            try handle.write(contentsOf: data)
            try handle.close()
        } else if let output {
            let temporary = output + ".partial"
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, output) == 0 else {
                throw ImportFailure(message: "\(output): cannot write the file (errno \(errno))")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// An existing path that is, once its links are followed, not a regular file or a directory: a device, a pipe.
    static func isSpecialFile(_ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let type = try? FileManager.default.attributesOfItem(atPath: resolved)[.type] as? FileAttributeType else {
            return false
        }
        return type != .typeRegular && type != .typeDirectory
    }
}

/// A failure the user can act on: printed without a stack, exit status 1.
struct ImportFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The server's commands, for the `rampart` executable.
public enum ServerCommands {
    public static let all: [any ParsableCommand.Type] = [ServeCommand.self, ImportCommand.self, ExportCommand.self]
}
