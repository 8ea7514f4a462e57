import ArgumentParser
import Foundation
import RampartCore

struct ScenarioSource: ParsableArguments {
    @Argument(help: ArgumentHelp("Scenario file (JSON, planning-model.md version 1); '-' reads stdin.", valueName: "scenario"))
    var path: String?

    @Flag(name: .long, help: "Use the built-in alliance-demo scenario (public figures) instead of a file.")
    var demo = false

    func validate() throws {
        if demo && path != nil { throw ValidationError("give a scenario file or --demo, not both") }
        if !demo && path == nil { throw ValidationError("missing scenario file (or --demo)") }
    }

    func load() throws -> Scenario {
        if demo { return DemoScenario.make() }
        return try IO.scenario(at: path ?? "-")
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Write JSON for machines instead of the human-readable report.")
    var json = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write the output to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "No progress line on stderr.")
    var quiet = false
}

/// Runs a command body, turning user errors into a message on stderr and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as UserError {
        IO.warn(error.description)
        throw ExitCode(1)
    } catch let error as ScenarioFileError {
        IO.warn(error.description)
        throw ExitCode(1)
    }
}
