import ArgumentParser

public struct RampartCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "Rampart: the Alliance's defence-production coordination system.",
        version: "0.1.0",
        subcommands: [
            PlanCommand.self, WhatIfCommand.self, CompareCommand.self, GenerateCommand.self, ValidateCommand.self,
            ExportLPCommand.self,
        ]
    )

    public init() {}
}
