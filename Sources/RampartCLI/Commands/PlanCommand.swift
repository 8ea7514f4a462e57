import ArgumentParser
import Foundation
import RampartCore

extension PlanObjective: ExpressibleByArgument {}

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

    @Option(
        help: """
            What the plan aims at: 'weighted' (the default, planning-model.md's objective: the least weighted \
            lateness, where a priority-1 unit-month costs 16 and a priority-5 one 1, so a higher priority may be \
            delayed to save more at a lower one) or 'strict' (lexicographic by priority: the least lateness of \
            priority 1 first, then of 2, and so on; a higher priority never gives anything up for a lower one). \
            The plan file names it in 'objectiveAimedAt'.
            """)
    var objective: PlanObjective = .weighted

    @Flag(
        help: """
            Also plan with the strict objective and report, per priority, what the weighted plan's higher \
            priorities gave up against the strict plan and what the lower ones gained (weighted lateness, late \
            and unserved units of both plans; 'againstStrict' in the JSON). Costs a second plan.
            """)
    var againstStrict = false

    @Flag(help: "Print the seconds spent reading, in each planning stage and writing, on stderr.")
    var timings = false

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be >= 0") }
        if let bottlenecks, bottlenecks < 0 { throw ValidationError("--bottlenecks must be >= 0") }
        if againstStrict && objective == .strict {
            throw ValidationError("--against-strict compares a weighted plan with the strict one; drop --objective strict")
        }
    }

    func run() throws {
        try reportingErrors {
            let progress = ProgressLine(enabled: !out.quiet)
            progress.update("reading", 0)
            let scenario = try scenario.load()
            let candidates = bottlenecks ?? (scenario.demands.count <= 20_000 ? 6 : 2)
            var plan = Planner(options: .init(bottleneckCandidates: candidates, objective: objective)).plan(scenario) {
                progress.update($0, $1)
            }
            if againstStrict {
                progress.update("planning with the strict objective", 0)
                let strict = Planner(options: .init(bottleneckCandidates: 0, explain: false, objective: .strict)).plan(scenario)
                let levels = PriorityComparison.compare(scenario: scenario, weighted: plan, strict: strict)
                plan.report?.againstStrict = levels
            }
            progress.update("writing", 0)
            if out.json {
                try IO.write(parts: plan.jsonParts(), to: out.output)
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
