import ArgumentParser
import RampartCLI
import RampartServer

@main
enum Entrypoint {
    static func main() async {
        ServerLogging.bootstrap()
        ConcurrencyOnEventLoops.install()
        await Rampart.main()
    }
}

struct Rampart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "Rampart: the Alliance's defence-production coordination system.",
        version: "0.2.0",
        subcommands: RampartCommand.plannerCommands + ServerCommands.all
    )
}
