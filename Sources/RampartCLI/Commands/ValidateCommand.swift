import ArgumentParser
import Foundation
import RampartCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and report every problem with its JSON path.",
        discussion: """
            Checks structure and types, unknown references, cycles in bills of materials, months outside the \
            horizon, negative or non-finite quantities, demands naming both or neither of item and class, \
            duplicate ids. Every problem is reported at once.
            Exit status: 0 valid, 1 problems found (or the file cannot be read), 64 bad usage.
            """)

    @OptionGroup var scenario: ScenarioSource

    @Flag(name: .long, help: "Write the result as JSON: {\"valid\": bool, \"issues\": [{\"path\", \"message\"}], \"counts\"}.")
    var json = false

    func run() throws {
        try reportingErrors {
            do {
                let scenario = try scenario.load()
                let counts = [
                    "items": scenario.items.count, "lines": scenario.lines.count, "supplies": scenario.supplies.count,
                    "stocks": scenario.stocks.count, "demands": scenario.demands.count,
                ]
                if json {
                    try IO.write(try IO.json(ValidationReport(valid: true, issues: [], counts: counts)), to: nil)
                } else {
                    try IO.write(
                        "\(scenario.name): valid (\(scenario.items.count) items, \(scenario.lines.count) lines, "
                            + "\(scenario.supplies.count) supplies, \(scenario.stocks.count) stocks, "
                            + "\(scenario.demands.count) demands, \(scenario.horizonMonths) months)", to: nil)
                }
            } catch let error as ScenarioFileError where json {
                let issues = error.issues.map { ValidationReport.Issue(path: $0.path, message: $0.message) }
                try IO.write(try IO.json(ValidationReport(valid: false, issues: issues, counts: nil)), to: nil)
                throw ExitCode(1)
            } catch let error as UserError where json {
                let issue = ValidationReport.Issue(path: "", message: error.description)
                try IO.write(try IO.json(ValidationReport(valid: false, issues: [issue], counts: nil)), to: nil)
                throw ExitCode(1)
            }
        }
    }
}

struct ValidationReport: Encodable {
    struct Issue: Encodable {
        var path: String
        var message: String
    }

    var valid: Bool
    var issues: [Issue]
    var counts: [String: Int]?
}
