import ArgumentParser

public struct RampartCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "Rampart: the Alliance's defence-production coordination system.",
        version: "0.1.0",
        subcommands: []
    )

    public init() {}
}
