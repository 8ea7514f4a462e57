/// An improvement phase over the order of the groups: the groups that lose most in the best plan so far are moved
/// earlier in that plan's order, the pass is run again for each, and a new plan is kept only where the objective
/// falls. Every plan it tries is a whole pass, so it is exact about the constraints like the pass; the moves depend
/// only on the plans, never on timing, so the result is the same on one thread or two.
enum OrderSearch {
    /// Where a moved group goes, as a share of its position (0: to the front).
    static let keep = 0.25
    /// Steps in a row that find nothing better before the search stops.
    static let patience = 12
    /// Moves tried in each step (on two threads where the planner is parallel).
    static let width = 2
    /// `Planner.Options.searchWork` by default: 100 passes over 1,000 groups (standard S), about 12 over M's 8,000.
    public static let defaultWork = 100_000
    public static let maxPasses = 100

    /// Steps of `width` passes within `work` groups served.
    static func steps(work: Int, groups: Int) -> Int {
        min(maxPasses, work / max(1, groups)) / width
    }

    /// At most `steps` steps of `width` moves each (run at once when `parallel`); stops after `patience` steps in a
    /// row that found nothing better.
    static func improve(
        problem: PlanningProblem, groups: [DemandGroup], base: StrategyPass, steps: Int, parallel: Bool,
        objective: PlanObjective, progress: (Double) -> Void = { _ in }
    ) -> (run: StrategyPass, passes: Int) {
        var best = base
        var tried = [Bool](repeating: false, count: groups.count)
        var passes = 0
        var failed = 0
        for step in 0..<steps where failed < patience {
            progress(Double(step) / Double(steps))
            let picks = worstUntried(groups: groups, run: best, tried: tried, count: width, horizon: problem.horizon)
            guard !picks.isEmpty else { break }
            for g in picks { tried[g] = true }
            // Units handed out again only in the order the best pass kept (none if it kept none): half the work.
            let reassignment = best.improvement.map { [$0] } ?? []
            let current = best
            let runs = Planner.map(picks, parallel: parallel) { g -> StrategyPass? in
                guard let position = current.order.firstIndex(of: g), position > 0 else { return nil }
                var order = current.order
                order.remove(at: position)
                order.insert(g, at: Int(Double(position) * keep))
                return StrategyPass.runOrdered(
                    problem: problem, groups: groups, strategy: current.strategy, prices: current.prices, order: order,
                    orders: reassignment, objective: objective)
            }
            var improved: [Int] = []
            var next = best
            var nextPick = -1
            for (k, run) in runs.enumerated() {
                guard let run else { continue }
                passes += 1
                guard
                    objective.isBetter(
                        total: run.weightedLateness, byPriority: run.byPriority, than: (best.weightedLateness, best.byPriority))
                else { continue }
                improved.append(picks[k])
                if objective.isBetter(
                    total: run.weightedLateness, byPriority: run.byPriority, than: (next.weightedLateness, next.byPriority))
                {
                    next = run
                    nextPick = picks[k]
                }
            }
            if improved.isEmpty {
                failed += 1
                continue
            }
            failed = 0
            best = next
            // A move that also helped, but less, is tried again from the new plan.
            for g in improved where g != nextPick { tried[g] = false }
        }
        return (best, passes)
    }

    /// The `count` groups not yet tried with the most weighted lateness in `run`, most first (ties by index).
    private static func worstUntried(
        groups: [DemandGroup], run: StrategyPass, tried: [Bool], count: Int, horizon: Int
    ) -> [Int] {
        var picks: [(g: Int, loss: Double)] = []
        for (g, group) in groups.enumerated() where !tried[g] {
            let loss = StrategyPass.groupLateness(group, run.deliveries[g], horizon: horizon)
            guard loss > 0 else { continue }
            if picks.count < count {
                picks.append((g, loss))
                picks.sort { ($0.loss, -$0.g) > ($1.loss, -$1.g) }
            } else if loss > picks[count - 1].loss {
                picks[count - 1] = (g, loss)
                picks.sort { ($0.loss, -$0.g) > ($1.loss, -$1.g) }
            }
        }
        return picks.map(\.g)
    }
}
