import ArgumentParser
import Foundation
import RampartCore

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two plans of one scenario: per nation and per demand, what gets later or earlier.",
        discussion: "Exit status: 0 compared, 1 bad scenario or plan file, 64 bad usage.")

    @OptionGroup var scenario: ScenarioSource
    @Argument(help: ArgumentHelp("The first plan file (JSON).", valueName: "first-plan"))
    var first: String
    @Argument(help: ArgumentHelp("The second plan file (JSON).", valueName: "second-plan"))
    var second: String
    @OptionGroup var out: OutputOptions
    @Option(help: "How many changed demands the report lists.")
    var top = 15

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be >= 0") }
    }

    func run() throws {
        try reportingErrors {
            let scenario = try scenario.load()
            let a = try IO.plan(at: first)
            let b = try IO.plan(at: second)
            for (path, plan) in [(first, a), (second, b)] {
                let issues = plan.issues(against: scenario)
                if !issues.isEmpty {
                    let shown = issues.prefix(50).map { "  \($0)" }.joined(separator: "\n")
                    throw UserError("plan \(path) does not fit scenario \(scenario.name) (\(issues.count) problems):\n" + shown)
                }
                if plan.scenario != scenario.name {
                    IO.warn("plan \(path) is of scenario \"\(plan.scenario)\", compared against \"\(scenario.name)\"")
                }
            }
            let comparison = PlanComparison(scenario: scenario, before: a, after: b)
            if out.json {
                try IO.write(try IO.json(comparison), to: out.output)
            } else {
                try IO.write(ComparisonText(scenario: scenario, comparison: comparison, top: top).render(), to: out.output)
            }
        }
    }
}
