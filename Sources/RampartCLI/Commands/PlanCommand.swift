import ArgumentParser
import Foundation
import RampartCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a scenario: when each demand is met, what is late, why, and the bottlenecks.",
        discussion: """
            Prints the worst delays with their causes, a per-nation summary and the bottlenecks; with --json, \
            the plan file of planning-model.md with its report. The same scenario always gives the same plan.
            Exit status: 0 planned, 1 bad scenario file or I/O error, 64 bad usage.
            """)

    @OptionGroup var scenario: ScenarioSource
    @OptionGroup var out: OutputOptions

    @Option(help: "How many of the worst delays the report lists.")
    var top = 15

    @Option(
        help: """
            How many lines and supplies are re-planned with extra capacity to rank bottlenecks (0: none; default: 6 \
            for scenarios of up to 20,000 demands, 2 above, as each is a full re-plan).
            """)
    var bottlenecks: Int?

    @Flag(help: "Print the seconds spent reading, in each planning stage and writing, on stderr.")
    var timings = false

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be >= 0") }
        if let bottlenecks, bottlenecks < 0 { throw ValidationError("--bottlenecks must be >= 0") }
    }

    func run() throws {
        try reportingErrors {
            let progress = ProgressLine(enabled: !out.quiet)
            progress.update("reading", 0)
            let scenario = try scenario.load()
            let candidates = bottlenecks ?? (scenario.demands.count <= 20_000 ? 6 : 2)
            let plan = Planner(options: .init(bottleneckCandidates: candidates)).plan(scenario) { progress.update($0, $1) }
            progress.update("writing", 0)
            if out.json {
                try IO.write(plan.jsonBytes(), to: out.output)
            } else {
                try IO.write(PlanText(scenario: scenario, plan: plan, top: top).render(), to: out.output)
            }
            progress.finish()
            if timings {
                let lines = progress.stageTimings().map { "  \($0.0): \(String(format: "%.3f", $0.1)) s" }
                try? FileHandle.standardError.write(contentsOf: Data(("timings\n" + lines.joined(separator: "\n") + "\n").utf8))
            }
        }
    }
}
