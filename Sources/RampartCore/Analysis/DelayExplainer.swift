/// Explains every late or short demand of a plan: the chain of lines, supplies and materials that were used
/// to capacity (or had none, or were too far away in lead time) in the months that could have served it.
struct DelayExplainer {
    struct Result {
        var lateDemands: [LateDemand]
        var explanations: [Explanation]
        /// Weighted lateness of the demands whose chain names each source at capacity.
        var blame: [Int: Double]
    }

    let problem: PlanningProblem
    let allocator: Allocator
    /// Each source's months, over the whole horizon, split by state.
    private let statuses: [SourceStatus]
    static let maxDepth = 4
    static let maxCauses = 12

    struct SourceStatus {
        var full: [MonthRange] = []
        var none: [MonthRange] = []
        var spare: [MonthRange] = []
    }

    init(problem: PlanningProblem, allocator: Allocator) {
        self.problem = problem
        self.allocator = allocator
        statuses = problem.sources.indices.map { s in
            let source = problem.sources[s]
            var full: [Int] = [], none: [Int] = [], spare: [Int] = []
            for t in 0..<problem.horizon {
                if source.capacity[t] <= Allocator.epsilon { none.append(t) }
                else if Allocator.isSpent(remaining: allocator.remaining(source: s, month: t), capacity: source.capacity[t]) { full.append(t) }
                else { spare.append(t) }
            }
            return SourceStatus(full: MonthRange.ranges(of: full), none: MonthRange.ranges(of: none), spare: MonthRange.ranges(of: spare))
        }
    }

    func explain(plan: Plan) -> Result {
        let outcomes = PlanEvaluator(scenario: problem.scenario).outcomes(of: plan)
        var explanationIndex: [String: Int] = [:]
        var explanations: [Explanation] = []
        var sourcesOfExplanation: [[Int]] = []
        var itemCache: [ItemKey: [Cause]] = [:]
        var late: [LateDemand] = []
        var blame: [Int: Double] = [:]

        for (k, outcome) in outcomes.enumerated() where outcome.late > 0 || outcome.unserved > 0 {
            let info = problem.demands[k]
            let windowEnd = outcome.unserved > 0 ? problem.horizon - 1 : (outcome.completionMonth ?? problem.horizon) - 1
            let key = "\(info.isClass ? "c" : "i")|\(info.target)|\(windowEnd)"
            let e: Int
            if let existing = explanationIndex[key] {
                e = existing
            } else {
                var causes: [Cause] = []
                var seen = Set<ItemKey>()
                for item in info.items {
                    causes += explainItem(item, by: windowEnd, level: 0, cache: &itemCache, seen: &seen)
                }
                if info.items.isEmpty {
                    causes.append(Cause(constraint: Constraint(kind: .noSource, source: nil, item: info.target, months: [], level: 0,
                                                               text: "no item belongs to class \(info.target)"), source: nil))
                }
                let kept = Array(causes.prefix(Self.maxCauses))
                let constraints = kept.map(\.constraint)
                var why = constraints.map(\.text).joined(separator: "; ")
                if causes.count > kept.count { why += "; and \(causes.count - kept.count) more" }
                e = explanations.count
                explanationIndex[key] = e
                explanations.append(Explanation(causes: constraints, why: why.isEmpty ? "no capacity left in the horizon" : why))
                sourcesOfExplanation.append(kept.compactMap { $0.constraint.kind == .lineAtCapacity || $0.constraint.kind == .supplyAtCapacity ? $0.source : nil })
            }
            for s in Set(sourcesOfExplanation[e]) { blame[s, default: 0] += outcome.weightedLateness }
            late.append(LateDemand(
                demand: info.id, nation: info.nation, target: info.isClass ? "class:\(info.target)" : info.target,
                priority: info.priority, qty: info.qty, dueMonth: info.due, lateUnits: Quantity.snap(outcome.late),
                unservedUnits: outcome.unserved, completionMonth: outcome.completionMonth,
                weightedLateness: Quantity.snap(outcome.weightedLateness), explanation: e))
        }
        late.sort { a, b in
            a.weightedLateness != b.weightedLateness ? a.weightedLateness > b.weightedLateness : a.demand < b.demand
        }
        return Result(lateDemands: late, explanations: explanations, blame: blame)
    }

    struct ItemKey: Hashable {
        var item: Int
        var by: Int
    }

    struct Cause {
        var constraint: Constraint
        var source: Int?
    }

    /// Why `item` could not be had in larger quantity by month `by`.
    private func explainItem(_ item: Int, by: Int, level: Int, cache: inout [ItemKey: [Cause]], seen: inout Set<ItemKey>) -> [Cause] {
        let key = ItemKey(item: item, by: by)
        if seen.contains(key) { return [] }
        seen.insert(key)
        if let cached = cache[key] { return cached.map { shifted($0, level: level) } }
        let id = problem.itemIDs[item]
        var causes: [Cause] = []
        let sources = problem.sourcesByItem[item]
        if sources.isEmpty {
            let stock = problem.initialStock[item]
            causes.append(Cause(constraint: Constraint(
                kind: .noSource, source: nil, item: id, months: [], level: level,
                text: "no line or supply makes \(id)" + (stock > 0 ? "; its initial stock of \(Format.quantity(stock)) is used up" : "")),
                source: nil))
        }
        for s in sources {
            let source = problem.sources[s]
            let what = source.kind == .line ? "line" : "supply"
            let lastStart = min(by - source.leadTime, problem.horizon - 1)
            if lastStart < 0 {
                causes.append(Cause(constraint: Constraint(
                    kind: .leadTime, source: source.id, item: id, months: [], level: level,
                    text: "\(id) \(what) \(source.id) needs \(source.leadTime) months: nothing it starts arrives by month \(by)"),
                    source: s))
                continue
            }
            let status = statuses[s]
            let full = MonthRange.clamped(status.full, through: lastStart)
            let none = MonthRange.clamped(status.none, through: lastStart)
            let spare = MonthRange.clamped(status.spare, through: lastStart)
            if !full.isEmpty {
                causes.append(Cause(constraint: Constraint(
                    kind: source.kind == .line ? .lineAtCapacity : .supplyAtCapacity, source: source.id, item: id, months: full,
                    level: level, text: "\(id) \(what) \(source.id) at capacity in months \(Format.ranges(full))"),
                    source: s))
            }
            if !none.isEmpty {
                causes.append(Cause(constraint: Constraint(
                    kind: source.kind == .line ? .lineWithoutCapacity : .supplyWithoutCapacity, source: source.id, item: id,
                    months: none, level: level, text: "\(id) \(what) \(source.id) has no capacity in months \(Format.ranges(none))"),
                    source: nil))
            }
            let components = source.kind == .line ? problem.bom[source.item] : []
            if let lastSpare = spare.last?.to, !components.isEmpty, level < Self.maxDepth {
                var below: [Cause] = []
                for component in components {
                    below += explainItem(component.item, by: lastSpare, level: level + 1, cache: &cache, seen: &seen)
                }
                if !below.isEmpty {
                    let ranges = spare
                    let names = components.map { problem.itemIDs[$0.item] }.joined(separator: ", ")
                    causes.append(Cause(constraint: Constraint(
                        kind: .componentShortage, source: source.id, item: id, months: ranges, level: level,
                        text: "\(id) line \(source.id) idle in months \(Format.ranges(ranges)) for lack of components (\(names))"),
                        source: nil))
                    causes += below
                }
            }
        }
        // Only the first few causes are ever shown; keeping more only costs memory on large scenarios.
        if causes.count > Self.maxCauses + 1 { causes.removeSubrange((Self.maxCauses + 1)...) }
        cache[key] = causes.map { shifted($0, level: 0 - level) }
        return causes
    }

    private func shifted(_ cause: Cause, level: Int) -> Cause {
        var c = cause
        c.constraint.level += level
        return c
    }
}

enum Format {
    /// "3-14, 20, 22-30"; past six ranges, the rest is summed up.
    static func ranges(_ ranges: [MonthRange]) -> String {
        let shown = ranges.prefix(6).map(\.description).joined(separator: ", ")
        return ranges.count > 6 ? shown + " and \(ranges.count - 6) more periods" : shown
    }

    static func quantity(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
