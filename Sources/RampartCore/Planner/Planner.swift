import Dispatch

/// The Alliance production planner: a capacity- and material-constrained plan that aims at the least
/// weighted lateness (planning-model.md). Pure: the same scenario and options give the same plan.
public struct Planner: Sendable {
    public struct Options: Sendable {
        /// The strategies tried; the plan with the least weighted lateness wins (the first on a tie).
        public var strategies: [PlanStrategy]
        /// How many lines and supplies are re-planned with extra capacity to rank bottlenecks.
        public var bottleneckCandidates: Int
        /// Run strategies, explanations and bottleneck re-plans on two threads (the plan is the same either way).
        public var parallel: Bool
        /// Passes of each priced strategy (`pricedStrategies`), each with the prices updated after the one before;
        /// 0 runs none.
        public var pricedPasses: Int
        /// Explain every late demand (and so find the bottleneck candidates); what-ifs that only compare skip it.
        public var explain: Bool

        public init(
            strategies: [PlanStrategy] = PlanStrategy.standard, bottleneckCandidates: Int = 2, parallel: Bool = true,
            explain: Bool = true, pricedPasses: Int = 4
        ) {
            self.explain = explain
            self.pricedPasses = pricedPasses
            self.strategies = strategies
            self.bottleneckCandidates = bottleneckCandidates
            self.parallel = parallel
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Plans a valid scenario (see `Scenario.validationIssues()`); `progress` hears (stage, fraction done),
    /// possibly from another thread.
    public func plan(_ scenario: Scenario, progress: @escaping @Sendable (String, Double) -> Void = { _, _ in }) -> Plan {
        progress("indexing", 0)
        let problem = PlanningProblem(scenario)
        let groups = DemandGroup.groups(of: problem)
        progress("planning", 0)
        let best = bestRun(problem: problem, groups: groups) { progress("planning", $0) }
        progress("building the plan", 0)
        var plan = PlanBuilder(problem: problem, groups: groups, run: best.run).plan()
        let evaluator = PlanEvaluator(scenario: scenario)
        let outcomes = evaluator.outcomes(of: plan)
        plan.objective = evaluator.objective(outcomes)
        progress("summarising", 0)
        var report = evaluator.report(outcomes)
        report.planner = PlannerInfo(strategy: best.run.label, strategiesTried: best.tried)
        guard options.explain else {
            plan.report = report
            return plan
        }
        progress("explaining delays", 0)
        let explained = DelayExplainer(problem: problem, allocator: best.run.allocator).explain(
            outcomes: outcomes, parallel: options.parallel)
        progress("ranking bottlenecks", 0)
        let bottlenecks = BottleneckRanking(
            problem: problem, groups: groups, base: best.run,
            candidates: options.bottleneckCandidates, parallel: options.parallel
        )
        .rank(blame: explained.blame) { progress("ranking bottlenecks", $0) }
        report.lateDemands = explained.lateDemands
        report.explanations = explained.explanations
        report.bottlenecks = bottlenecks
        var result = plan
        result.report = report
        return result
    }

    /// The priced strategies run beside `options.strategies`, each over `pricedPasses` passes.
    static let pricedStrategies: [PlanStrategy] = [
        PlanStrategy(ordering: .priced, late: .together),
        PlanStrategy(ordering: .pricedByWeight, late: .together),
    ]

    func bestRun(
        problem: PlanningProblem, groups: [DemandGroup], progress: @escaping @Sendable (Double) -> Void = { _ in }
    ) -> (run: StrategyPass, tried: [StrategyResult]) {
        let strategies = options.strategies.isEmpty ? PlanStrategy.standard : options.strategies
        let priced = options.pricedPasses > 0 ? Self.pricedStrategies : []
        // A job is one strategy, or a chain of priced passes; the first job's run tells how far planning has come.
        let jobs = strategies.map { ($0, 1) } + priced.map { ($0, options.pricedPasses) }
        let rounds = Double((jobs.count + (options.parallel ? 1 : 0)) / (options.parallel ? 2 : 1))
        let chains = Self.map(Array(jobs.enumerated()), parallel: options.parallel) { k, job in
            let (strategy, passes) = job
            guard strategy.ordering.isPriced else {
                return [
                    StrategyPass.run(problem: problem, groups: groups, strategy: strategy) { done in
                        if k == 0 { progress(done / max(rounds, 1)) }
                    }
                ]
            }
            var prices = PriceBook.initial(problem: problem, groups: groups)
            var runs: [StrategyPass] = []
            for _ in 0..<passes {
                let run = StrategyPass.run(problem: problem, groups: groups, strategy: strategy, prices: prices)
                prices = prices.updated(after: run, problem: problem)
                runs.append(run)
            }
            return runs
        }
        let runs = chains.flatMap { $0 }
        var best = 0
        for k in runs.indices where runs[k].weightedLateness < runs[best].weightedLateness - 1e-9 { best = k }
        let tried = runs.map { StrategyResult(strategy: $0.label, weightedLateness: $0.weightedLateness) }
        return (runs[best], tried)
    }

    /// Maps in parallel when asked; results keep the input order.
    static func map<T: Sendable, R>(_ inputs: [T], parallel: Bool, _ body: @Sendable (T) -> R) -> [R] {
        if !parallel || inputs.count < 2 { return inputs.map(body) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: inputs.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: inputs.count) { k in
            slots[k] = body(inputs[k])
        }
        return results.map { $0! }
    }
}
