import ArgumentParser
import Foundation
import RampartCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a generated scenario (seeded, at a named scale) or the alliance-demo scenario.",
        discussion: """
            Scales: S about 1,000 demands, M 10,000, L 50,000, XL 200,000; 32 nations, 120 months, \
            bills of materials three to four levels deep, demand above capacity in the first years. \
            The same seed and scale always give the same file.
            Structures: standard (the above); alternate, of a different structure (72 months, scarce materials \
            shared by families at 1, 12 and 30 units per unit, materials made on lines from other materials, \
            variants with bills of their own, early low-priority demand, the same demand counts per scale); \
            random, a small scenario of 100 to 500 demands whose shape is drawn from the seed (--scale ignored).
            Exit status: 0 written, 1 I/O error, 64 bad usage.
            """)

    @Option(help: ArgumentHelp("S, M, L or XL.", valueName: "scale"))
    var scale: String = "S"

    @Option(help: ArgumentHelp("standard, alternate or random.", valueName: "structure"))
    var structure: String = "standard"

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Write the alliance-demo scenario built from public figures instead.")
    var demo = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        if ScenarioScale(rawValue: scale.uppercased()) == nil {
            throw ValidationError("--scale: \"\(scale)\" is not a scale (S, M, L or XL)")
        }
        if !["standard", "alternate", "random"].contains(structure) {
            throw ValidationError("--structure: \"\(structure)\" is not a structure (standard, alternate or random)")
        }
    }

    func run() throws {
        try reportingErrors {
            let size = ScenarioScale(rawValue: scale.uppercased())!
            let scenario: Scenario
            if demo {
                scenario = DemoScenario.make()
            } else if structure == "alternate" {
                scenario = AlternateGenerator(seed: seed, scale: size).generate()
            } else if structure == "random" {
                scenario = AlternateGenerator.random(seed: seed).generate()
            } else {
                scenario = ScenarioGenerator(seed: seed, scale: size).generate()
            }
            try IO.write(try IO.json(scenario), to: output)
        }
    }
}
