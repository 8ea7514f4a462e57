/// Ranks lines and supplies by what extra capacity would save: the sources most blamed by the delay
/// explanations are re-planned, one at a time, with extra capacity in the months they were full.
struct BottleneckRanking {
    let problem: PlanningProblem
    let groups: [DemandGroup]
    let base: StrategyPass
    let candidates: Int
    let parallel: Bool
    /// Extra capacity tried, as a share of the source's largest monthly capacity.
    static let extraShare = 0.10

    func rank(blame: [Int: Double], progress: (Double) -> Void) -> [Bottleneck] {
        let chosen = blame.filter { $0.value > 0 }.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
            .prefix(candidates).map(\.key)
        progress(0)
        let problem = problem, groups = groups, base = base
        let reruns = Planner.map(chosen, parallel: parallel) { s -> (full: [Int], extra: Double, saved: Double)? in
            let source = problem.sources[s]
            let full = (0..<problem.horizon).filter { t in
                source.capacity[t] > Allocator.epsilon && t + source.leadTime < problem.horizon
                    && Allocator.isSpent(remaining: base.allocator.remaining(source: s, month: t), capacity: source.capacity[t])
            }
            guard !full.isEmpty else { return nil }
            let extra = max(1, (source.capacity.max() ?? 0) * Self.extraShare).rounded(.up)
            var widened = problem
            for t in full { widened.sources[s].capacity[t] += extra }
            let rerun = base.rerun(problem: widened, groups: groups)
            return (full, extra, Quantity.snap(base.weightedLateness - rerun.weightedLateness))
        }
        var result: [Bottleneck] = []
        for (s, rerun) in zip(chosen, reruns) {
            // A greedy plan can come out worse with more capacity; such a source is no bottleneck to relieve.
            guard let (full, extra, saved) = rerun, saved > 0 else { continue }
            let source = problem.sources[s]
            let owner: (String, String)
            switch source.kind {
            case .line:
                let line = problem.scenario.lines.first { $0.id == source.id }
                owner = (line?.producer ?? "", line?.country ?? "")
            case .supply:
                let supply = problem.scenario.supplies.first { $0.id == source.id }
                owner = (supply?.supplier ?? "", supply?.country ?? "")
            }
            result.append(
                Bottleneck(
                    kind: source.kind == .line ? .line : .supply, source: source.id, item: problem.itemIDs[source.item],
                    owner: owner.0, country: owner.1, saturatedMonths: MonthRange.ranges(of: full), extraPerMonth: extra,
                    weightedLatenessSaved: saved, savedPerExtraUnit: Quantity.snap(saved / (extra * Double(full.count)))))
        }
        progress(1)
        return result.sorted { a, b in
            a.savedPerExtraUnit != b.savedPerExtraUnit ? a.savedPerExtraUnit > b.savedPerExtraUnit : a.source < b.source
        }
    }
}
