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
        /// What the plan aims at: the contract's weighted lateness, or strict priority (`PlanObjective`).
        public var objective: PlanObjective
        /// Work of the improvement phase over the order of the groups (`OrderSearch`), in groups served: its passes
        /// are this over the number of groups, at most `OrderSearch.maxPasses`; 0 runs none. None runs above
        /// `Planner.largeDemands` demands.
        public var searchWork: Int = OrderSearch.defaultWork

        public init(
            strategies: [PlanStrategy] = PlanStrategy.standard, bottleneckCandidates: Int = 2, parallel: Bool = true,
            explain: Bool = true, pricedPasses: Int = 6, objective: PlanObjective = .weighted
        ) {
            self.objective = objective
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
        let first = bestRun(problem: problem, groups: groups) { progress("planning", $0) }
        progress("improving the plan", 0)
        let best = improved(first, problem: problem, groups: groups) { progress("improving the plan", $0) }
        progress("building the plan", 0)
        var plan = PlanBuilder(problem: problem, groups: groups, run: best.run).plan()
        plan.objectiveAimedAt = options.objective
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

    /// On scenarios of more than `largeDemands` demands, the first round runs one standard and one priced strategy
    /// (with the standard strategies), and a priced chain goes on after its first pass only if that pass came within
    /// `chainPromise` of the best first round's plan, to keep large plans fast: where priorities alone plan well
    /// (our standard generator), the chains stop there.
    static let chainPromise = 1.01
    static let largeDemands = 20_000

    func bestRun(
        problem: PlanningProblem, groups: [DemandGroup], progress: @escaping @Sendable (Double) -> Void = { _ in }
    ) -> (run: StrategyPass, tried: [StrategyResult]) {
        let large = problem.demands.count > Self.largeDemands
        var strategies = options.strategies.isEmpty ? PlanStrategy.standard : options.strategies
        let objective = options.objective
        // Under the strict objective the priced strategies order the groups by priority first and by their prices
        // within a priority (`StrategyPass.run`).
        var priced = options.pricedPasses > 0 ? Self.pricedStrategies : []
        if large && strategies == PlanStrategy.standard {
            // One pass of each kind, on two threads at once: the first standard strategy and the priced one by
            // weight (the winners of their kind on both generators' large scenarios).
            strategies = Array(strategies.prefix(1))
            priced = Array(priced.suffix(1))
        }
        // First round: every strategy once, priced ones at their initial prices. The first job tells the progress.
        let first = strategies + priced
        let rounds = Double((first.count + (options.parallel ? 1 : 0)) / (options.parallel ? 2 : 1))
        let initial = priced.isEmpty ? nil : PriceBook.initial(problem: problem, groups: groups)
        let firstRuns = Self.map(Array(first.enumerated()), parallel: options.parallel) { k, strategy in
            StrategyPass.run(
                problem: problem, groups: groups, strategy: strategy, prices: strategy.ordering.isPriced ? initial : nil,
                objective: objective
            ) { done in
                if k == 0 { progress(done / max(rounds, 1)) }
            }
        }
        let firstBest = firstRuns.map(\.weightedLateness).min() ?? 0
        // Then the promising priced chains, each pass with the prices updated after the one before, while they improve.
        let chains = firstRuns.filter {
            $0.strategy.ordering.isPriced && (!large || $0.weightedLateness <= Self.chainPromise * firstBest + 1e-9)
        }
        let passes = options.pricedPasses
        let more = Self.map(chains, parallel: options.parallel) { start in
            var runs: [StrategyPass] = []
            var last = start
            guard var prices = start.prices else { return runs }
            for _ in 1..<max(passes, 1) {
                prices = prices.updated(after: last, problem: problem)
                let run = StrategyPass.run(
                    problem: problem, groups: groups, strategy: start.strategy, prices: prices, objective: objective)
                runs.append(run)
                guard
                    objective.isBetter(
                        total: run.weightedLateness, byPriority: run.byPriority, than: (last.weightedLateness, last.byPriority))
                else { break }
                last = run
            }
            return runs
        }
        let runs = firstRuns + more.flatMap { $0 }
        var best = 0
        for k in runs.indices {
            let better =
                objective == .weighted
                ? runs[k].weightedLateness < runs[best].weightedLateness - 1e-9
                : objective.isBetter(
                    total: runs[k].weightedLateness, byPriority: runs[k].byPriority,
                    than: (runs[best].weightedLateness, runs[best].byPriority))
            if better { best = k }
        }
        let tried = runs.map { StrategyResult(strategy: $0.label, weightedLateness: $0.weightedLateness) }
        return (runs[best], tried)
    }

    /// The best run improved by `OrderSearch` within `options.searchWork` (none above `largeDemands` demands); the
    /// strategies tried then end with the improved plan, its label ending in `/search`.
    func improved(
        _ best: (run: StrategyPass, tried: [StrategyResult]), problem: PlanningProblem, groups: [DemandGroup],
        progress: @escaping (Double) -> Void = { _ in }
    ) -> (run: StrategyPass, tried: [StrategyResult]) {
        let steps = problem.demands.count > Self.largeDemands ? 0 : OrderSearch.steps(work: options.searchWork, groups: groups.count)
        guard steps > 0 else { return best }
        let searched = OrderSearch.improve(
            problem: problem, groups: groups, base: best.run, steps: steps, parallel: options.parallel,
            objective: options.objective, progress: progress)
        guard searched.run.weightedLateness != best.run.weightedLateness || searched.run.byPriority != best.run.byPriority
        else { return best }
        var run = searched.run
        run.searched = true
        return (run, best.tried + [StrategyResult(strategy: run.label, weightedLateness: run.weightedLateness)])
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
