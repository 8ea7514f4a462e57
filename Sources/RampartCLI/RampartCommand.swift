import ArgumentParser

public struct RampartCommand: ParsableCommand {
    /// The planner's commands; the `rampart` executable adds the server's.
    public static let plannerCommands: [any ParsableCommand.Type] = [
        PlanCommand.self, WhatIfCommand.self, CompareCommand.self, GenerateCommand.self, ValidateCommand.self,
        ExportLPCommand.self,
    ]

    public static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "Rampart: the Alliance's defence-production coordination system.",
        version: "0.2.0",
        subcommands: plannerCommands
    )

    public init() {}
}
