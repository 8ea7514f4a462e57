// Driver of bench/quality.py when no SwiftPM build is at hand (bench/quality/run.sh compiles it with -O):
//   driver generate standard|alternate SCALE SEED OUT.json
//   driver generate random SEED OUT.json
//   driver plan SCENARIO.json OUT.json      (prints {"plannerSeconds": ...} on stdout; OBJECTIVE=strict for strict)
//   driver export-lp SCENARIO.json OUT.lp
//   driver signals REQUIREMENTS RUNS          (demand signals with every suppression rule; prints timings as JSON)
import Dispatch
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(2)
}

func writeJSON<T: Encodable>(_ value: T, _ path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    try encoder.encode(value).write(to: URL(fileURLWithPath: path))
}

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: driver generate|plan|export-lp ...") }
switch command {
case "generate":
    let scenario: Scenario
    if args[1] == "random" {
        scenario = AlternateGenerator.random(seed: UInt64(args[2])!).generate()
    } else {
        let scale = ScenarioScale(rawValue: args[2])!
        let seed = UInt64(args[3])!
        scenario = args[1] == "alternate"
            ? AlternateGenerator(seed: seed, scale: scale).generate() : ScenarioGenerator(seed: seed, scale: scale).generate()
    }
    try writeJSON(scenario, args.last!)
case "plan":
    let data = try Data(contentsOf: URL(fileURLWithPath: args[1]))
    let scenario = try ScenarioReader.read(data)
    let start = DispatchTime.now().uptimeNanoseconds
    // The options of `rampart plan`: 6 bottleneck candidates up to 20,000 demands, 2 above.
    let candidates = scenario.demands.count <= 20_000 ? 6 : 2
    var options = Planner.Options(bottleneckCandidates: candidates)
    let env = ProcessInfo.processInfo.environment
    options.searchWork = Int(env["SEARCH_WORK"] ?? "") ?? OrderSearch.defaultWork
    options.objective = PlanObjective(rawValue: env["OBJECTIVE"] ?? "weighted") ?? .weighted
    let plan = Planner(options: options).plan(scenario)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    try Data(plan.jsonBytes()).write(to: URL(fileURLWithPath: args[2]))
    print("{\"plannerSeconds\": \(seconds), \"weightedLateness\": \(plan.objective.weightedLateness)}")
case "profile":
    // Seconds of the planner's parts (this driver is compiled into RampartCore's module, so it sees internals).
    let data = try Data(contentsOf: URL(fileURLWithPath: args[1]))
    let scenario = try ScenarioReader.read(data)
    func time<T>(_ label: String, _ body: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        print("\(label): \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) ms")
        return value
    }
    let problem = time("problem") { PlanningProblem(scenario) }
    let groups = time("groups") { DemandGroup.groups(of: problem) }
    print("groups: \(groups.count)")
    _ = time("allocator init") { Allocator(problem: problem) }
    for strategy in PlanStrategy.standard + Planner.pricedStrategies {
        let run = time(strategy.description) { StrategyPass.run(problem: problem, groups: groups, strategy: strategy) }
        print("  \(run.weightedLateness)")
    }
    _ = time("bestRun") { Planner(options: .init(explain: false)).bestRun(problem: problem, groups: groups) }
    _ = time("plan, 6 bottlenecks") { Planner(options: .init(bottleneckCandidates: 6)).plan(scenario) }
    _ = time("plan, no explanations") { Planner(options: .init(explain: false)).plan(scenario) }
case "prices":
    // The priced strategy's prices and costs per item over its passes.
    let scenario = try ScenarioReader.read(try Data(contentsOf: URL(fileURLWithPath: args[1])))
    let problem = PlanningProblem(scenario)
    let groups = DemandGroup.groups(of: problem)
    var book = PriceBook.initial(problem: problem, groups: groups)
    for _ in 0..<4 {
        let run = StrategyPass.run(problem: problem, groups: groups, strategy: Planner.pricedStrategies[0], prices: book)
        print("pass \(book.pass): \(run.weightedLateness)")
        for (i, id) in problem.itemIDs.enumerated() where book.price[i] > 0 || book.cost[i] > 0 {
            print("  \(id) price \(book.price[i]) cost \(book.cost[i]) available \(book.available[i])")
        }
        book = book.updated(after: run, problem: problem)
    }
case "variants":
    // Every priced ordering with every late policy, over 4 passes of prices: the best pass of each.
    let scenario = try ScenarioReader.read(try Data(contentsOf: URL(fileURLWithPath: args[1])))
    let problem = PlanningProblem(scenario)
    let groups = DemandGroup.groups(of: problem)
    for ordering in [OrderingRule.priced, .pricedByWeight] {
        for late in LatePolicy.allCases {
            for classItems in ClassItemChoice.allCases {
                let strategy = PlanStrategy(ordering: ordering, late: late, classItems: classItems)
                var book = PriceBook.initial(problem: problem, groups: groups)
                var best = Double.infinity
                for _ in 0..<4 {
                    let run = StrategyPass.run(problem: problem, groups: groups, strategy: strategy, prices: book)
                    best = min(best, run.weightedLateness)
                    book = book.updated(after: run, problem: problem)
                }
                print("\(strategy.description): \(best)")
            }
        }
    }
case "caps":
    // Best pass (of 4) of the priced order with the months an unserved unit is charged capped, per cap.
    let scenario = try ScenarioReader.read(try Data(contentsOf: URL(fileURLWithPath: args[1])))
    let problem = PlanningProblem(scenario)
    let groups = DemandGroup.groups(of: problem)
    var out: [String] = []
    let passes = args.count > 2 ? Int(args[2])! : 4
    for cap in [1.0, 1e9] {
        var book = PriceBook.initial(problem: problem, groups: groups)
        var best = Double.infinity
        for _ in 0..<passes {
            let order = book.order(groups: groups, horizon: problem.horizon, capMonths: cap)
            let run = StrategyPass.runOrdered(
                problem: problem, groups: groups, strategy: Planner.pricedStrategies[0], prices: book, order: order)
            best = min(best, run.weightedLateness)
            book = book.updated(after: run, problem: problem)
        }
        out.append("\(best)")
    }
    print(out.joined(separator: " "))
case "export-lp":
    let data = try Data(contentsOf: URL(fileURLWithPath: args[1]))
    let scenario = try ScenarioReader.read(data)
    try LPExporter(scenario: scenario).cplexLP().write(toFile: args[2], atomically: true, encoding: .utf8)
case "signals":
    // 32 nations, 400 targets each needed by 1 to 12 of them (so that many figures fall under the rules), 10 years;
    // a fixed LCG so every run sums the same requirements.
    let count = Int(args[1])!, runs = Int(args[2])!
    var state: UInt64 = 42
    func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    let nations = Alliance.allies.prefix(32).map(\.code)
    let users = (0..<400).map { _ in (0..<(1 + next(12))).map { _ in nations[next(nations.count)] } }
    let contributions = (0..<count).map { _ -> SignalContribution in
        let target = next(400)
        return SignalContribution(
            nation: users[target][next(users[target].count)], target: target % 5 == 0 ? "class:C\(target)" : "ITEM-\(target)",
            year: 2026 + next(10), quantity: Double(1 + next(5_000)), firm: next(3) == 0)
    }
    var seconds: [Double] = []
    var tables = SignalTables.build([])
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        tables = SignalTables.build(contributions)
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let hidden = tables.cells.filter { $0.hidden != nil }
    print(
        """
        {"requirements": \(count), "figures": \(tables.cells.count), "hidden": \(hidden.count), \
        "complementary": \(hidden.filter { $0.hidden == .complementary }.count), \
        "splitHidden": \(tables.cells.filter { $0.splitHidden != nil }.count), \
        "seconds": \(seconds.map { String(format: "%.4f", $0) }), "median": \(String(format: "%.4f", seconds.sorted()[seconds.count / 2]))}
        """)
default:
    fail("unknown command \(command)")
}
