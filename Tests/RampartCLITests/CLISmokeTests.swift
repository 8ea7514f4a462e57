import ArgumentParser
import Testing
@testable import RampartCLI

@Suite struct CLISmokeTests {
    @Test func root_command_has_name() {
        #expect(RampartCommand.configuration.commandName == "rampart")
    }
}
