import ArgumentParser
import Foundation
import RampartCore

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Plan a scenario again with a supplier, country, line or supply removed, or a capacity changed.",
        discussion: """
            Changes apply to the months --from..--to (inclusive; default: the whole horizon, i.e. for good). \
            The report compares the plan with and without the changes, per nation and per demand.
            Example: rampart what-if scenario.json --remove-supplier "Nitro-Chem" --from 6 --to 17
            Exit status: 0 done, 1 bad scenario file or a change naming nothing in it, 64 bad usage.
            """)

    @OptionGroup var scenario: ScenarioSource
    @OptionGroup var out: OutputOptions

    @Option(
        name: .customLong("remove-supplier"),
        help: ArgumentHelp("Remove every line and supply of this producer or supplier.", valueName: "name"))
    var removeSupplier: [String] = []
    @Option(name: .customLong("remove-country"), help: ArgumentHelp("Remove every line and supply in this country.", valueName: "code"))
    var removeCountry: [String] = []
    @Option(name: .customLong("remove-line"), help: ArgumentHelp("Remove this line.", valueName: "id"))
    var removeLine: [String] = []
    @Option(name: .customLong("remove-supply"), help: ArgumentHelp("Remove this supply.", valueName: "id"))
    var removeSupply: [String] = []
    @Option(name: .customLong("scale"), help: ArgumentHelp("Multiply a line's or supply's capacity: ID=FACTOR.", valueName: "id=factor"))
    var scale: [String] = []
    @Option(
        name: .customLong("set-capacity"),
        help: ArgumentHelp("Set a line's or supply's capacity per month: ID=UNITS.", valueName: "id=units"))
    var setCapacity: [String] = []
    @Option(help: "First month affected (index, 0 = the scenario's start month).")
    var from: Int?
    @Option(help: "Last month affected, inclusive.")
    var to: Int?
    @Option(help: "How many changed demands the report lists.")
    var top = 15
    @Option(name: .customLong("plan-output"), help: ArgumentHelp("Also write the what-if plan file here.", valueName: "file"))
    var planOutput: String?

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be >= 0") }
        if removeSupplier.isEmpty && removeCountry.isEmpty && removeLine.isEmpty && removeSupply.isEmpty && scale.isEmpty
            && setCapacity.isEmpty
        {
            throw ValidationError(
                "name at least one change (--remove-supplier, --remove-country, --remove-line, --remove-supply, --scale, --set-capacity)")
        }
        _ = try changes(lines: [], supplies: [])
    }

    /// The changes asked for; ids in --scale/--set-capacity are looked up among the scenario's lines and supplies.
    func changes(lines: Set<String>?, supplies: Set<String>?) throws -> [WhatIfChange] {
        var result: [WhatIfChange] = []
        func add(_ target: WhatIfChange.Target, _ effect: WhatIfChange.Effect) {
            result.append(WhatIfChange(target: target, effect: effect, fromMonth: from, toMonth: to))
        }
        removeSupplier.forEach { add(.supplier($0), .remove) }
        removeCountry.forEach { add(.country($0), .remove) }
        removeLine.forEach { add(.line($0), .remove) }
        removeSupply.forEach { add(.supply($0), .remove) }
        for (option, values) in [("--scale", scale), ("--set-capacity", setCapacity)] {
            for value in values {
                let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, let number = Double(parts[1]), number.isFinite, number >= 0 else {
                    throw ValidationError("\(option) \(value): expected ID=NUMBER with a number >= 0")
                }
                let effect: WhatIfChange.Effect = option == "--scale" ? .scale(number) : .set(number)
                if let supplies, supplies.contains(parts[0]), !(lines?.contains(parts[0]) ?? false) {
                    add(.supply(parts[0]), effect)
                } else {
                    add(.line(parts[0]), effect)
                }
            }
        }
        return result
    }

    func run() throws {
        try reportingErrors {
            let base = try scenario.load()
            let changes = try changes(lines: Set(base.lines.map(\.id)), supplies: Set(base.supplies.map(\.id)))
            let issues = changes.flatMap { change in change.issues(in: base).map { "\(change): \($0)" } }
            if !issues.isEmpty { throw UserError("the what-if does not fit the scenario:\n  " + issues.joined(separator: "\n  ")) }
            let changed = base.applying(changes)
            let progress = ProgressLine(enabled: !out.quiet)
            // Comparing needs no explanations; the what-if plan written to a file gets them.
            let before = Planner(options: .init(bottleneckCandidates: 0, explain: false)).plan(base) {
                progress.update("base plan: \($0)", $1 / 2)
            }
            let after = Planner(options: .init(bottleneckCandidates: 0, explain: planOutput != nil)).plan(changed) {
                progress.update("what-if plan: \($0)", 0.5 + $1 / 2)
            }
            progress.finish()
            let comparison = PlanComparison(scenario: base, before: before, after: after)
            if let planOutput { try IO.write(parts: after.jsonParts(), to: planOutput) }
            if out.json {
                try IO.write(try IO.json(WhatIfResult(changes: changes.map(\.description), comparison: comparison)), to: out.output)
            } else {
                var text = "What-if on \(base.name): " + changes.map(\.description).joined(separator: "; ") + "\n\n"
                text += ComparisonText(scenario: base, comparison: comparison, top: top).render()
                try IO.write(text, to: out.output)
            }
        }
    }
}

struct WhatIfResult: Encodable {
    var changes: [String]
    var comparison: PlanComparison
}
