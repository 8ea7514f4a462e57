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
    static let maxDepth = 32
    static let maxCauses = 8
    static let lookBackMonths = 12

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
                if source.capacity[t] <= Allocator.epsilon {
                    none.append(t)
                } else if Allocator.isSpent(remaining: allocator.remaining(source: s, month: t), capacity: source.capacity[t]) {
                    full.append(t)
                } else {
                    spare.append(t)
                }
            }
            return SourceStatus(full: MonthRange.ranges(of: full), none: MonthRange.ranges(of: none), spare: MonthRange.ranges(of: spare))
        }
    }

    /// Demands held back in the same months for the same target share one explanation.
    struct WindowKey: Hashable, Sendable {
        var targetIsClass: Bool
        var target: String
        var from: Int
        var by: Int
    }

    func explain(outcomes: [DemandOutcome], parallel: Bool) -> Result {
        // 1. Which window each late demand needs explained, numbered in order of first appearance.
        var keyIndex: [WindowKey: Int] = [:]
        /// Each window with the first demand that needs it (for the demand's items).
        var keys: [(key: WindowKey, demand: Int)] = []
        var explanationOf: [Int: Int] = [:]
        for (k, outcome) in outcomes.enumerated() where outcome.late > 0 || outcome.unserved > 0 {
            let info = problem.demands[k]
            // The months that matter: the year before the due month, and the months until the last delivery.
            let windowEnd = outcome.unserved > 0 ? problem.horizon - 1 : (outcome.completionMonth ?? problem.horizon) - 1
            let key = WindowKey(
                targetIsClass: info.isClass, target: info.targetKey,
                from: max(0, info.due - Self.lookBackMonths), by: windowEnd)
            if let e = keyIndex[key] {
                explanationOf[k] = e
            } else {
                keyIndex[key] = keys.count
                explanationOf[k] = keys.count
                keys.append((key, k))
            }
        }
        // 2. The explanations, in chunks on several threads; each chunk keeps its own cache.
        let chunkCount = parallel ? 2 : 1
        let chunkSize = (keys.count + chunkCount - 1) / max(chunkCount, 1)
        let chunks = (0..<chunkCount).map { c in Array(keys[min(c * chunkSize, keys.count)..<min((c + 1) * chunkSize, keys.count)]) }
        let explainer = self
        let explained = Planner.map(chunks, parallel: parallel) { chunk in
            var cache: [ItemKey: [Cause]] = [:]
            return chunk.map { explainer.explanation(for: $0.key, demand: $0.demand, cache: &cache) }
        }.flatMap { $0 }
        // 3. Late demands, worst first, and the blame each source at capacity carries.
        var late: [LateDemand] = []
        var blame: [Int: Double] = [:]
        for (k, outcome) in outcomes.enumerated() {
            guard let e = explanationOf[k] else { continue }
            let info = problem.demands[k]
            for s in explained[e].sourcesAtCapacity { blame[s, default: 0] += outcome.weightedLateness }
            late.append(
                LateDemand(
                    demand: info.id, nation: info.nation,
                    target: info.targetKey,
                    priority: info.priority, qty: info.qty, dueMonth: info.due, lateUnits: Quantity.snap(outcome.late),
                    unservedUnits: outcome.unserved, completionMonth: outcome.completionMonth,
                    weightedLateness: Quantity.snap(outcome.weightedLateness), explanation: e))
        }
        late.sort { a, b in
            a.weightedLateness != b.weightedLateness ? a.weightedLateness > b.weightedLateness : a.demand < b.demand
        }
        return Result(lateDemands: late, explanations: explained.map(\.explanation), blame: blame)
    }

    private func explanation(
        for key: WindowKey, demand: Int, cache: inout [ItemKey: [Cause]]
    ) -> (explanation: Explanation, sourcesAtCapacity: Set<Int>) {
        let info = problem.demands[demand]
        var causes: [Cause] = []
        var seen = Set<Constraint>()
        for item in info.items {
            // A material short for two components is named once.
            for cause in explainItem(item, from: key.from, by: key.by, level: 0, cache: &cache) {
                var unleveled = cause.constraint
                unleveled.level = 0
                if seen.insert(unleveled).inserted { causes.append(cause) }
            }
        }
        if info.items.isEmpty {
            causes.append(Cause(constraint: Constraint(kind: .noSource, source: nil, item: info.target, level: 0), source: nil))
        }
        let kept = Array(causes.prefix(Self.maxCauses))
        let atCapacity = kept.compactMap {
            $0.constraint.kind == .lineAtCapacity || $0.constraint.kind == .supplyAtCapacity ? $0.source : nil
        }
        return (Explanation(causes: kept.map(\.constraint), moreCauses: causes.count - kept.count), Set(atCapacity))
    }

    /// The causes for an item in a window depend on nothing else, so they are cached (with levels counted from
    /// the item; bills of materials are acyclic and far shallower than `maxDepth`, which only guards the recursion).
    struct ItemKey: Hashable {
        var item: Int
        var from: Int
        var by: Int
    }

    struct Cause {
        var constraint: Constraint
        var source: Int?

        func deeper(by levels: Int) -> Cause {
            var c = self
            c.constraint.level += levels
            return c
        }
    }

    /// Why `item` could not be had in larger quantity in the months `from...by`.
    private func explainItem(_ item: Int, from: Int, by: Int, level: Int, cache: inout [ItemKey: [Cause]]) -> [Cause] {
        let key = ItemKey(item: item, from: from, by: by)
        if let cached = cache[key] { return level == 0 ? cached : cached.map { $0.deeper(by: level) } }
        let id = problem.itemIDs[item]
        var causes: [Cause] = []
        let sources = problem.sourcesByItem[item]
        if sources.isEmpty {
            causes.append(Cause(constraint: Constraint(kind: .noSource, source: nil, item: id, level: level), source: nil))
        }
        for s in sources {
            let source = problem.sources[s]
            let isLine = source.kind == .line
            let lastStart = min(by - source.leadTime, problem.horizon - 1)
            if lastStart < 0 {
                causes.append(
                    Cause(
                        constraint: Constraint(
                            kind: .leadTime, source: source.id, sourceIsLine: isLine, item: id, leadTimeMonths: source.leadTime,
                            level: level),
                        source: s))
                continue
            }
            let status = statuses[s]
            let firstStart = max(0, from - source.leadTime)
            let full = MonthRange.clamped(status.full, from: firstStart, through: lastStart)
            let none = MonthRange.clamped(status.none, from: firstStart, through: lastStart)
            let spare = MonthRange.clamped(status.spare, from: firstStart, through: lastStart)
            if !full.isEmpty {
                causes.append(
                    Cause(
                        constraint: Constraint(
                            kind: isLine ? .lineAtCapacity : .supplyAtCapacity, source: source.id, sourceIsLine: isLine, item: id,
                            months: full, level: level),
                        source: s))
            }
            if !none.isEmpty {
                causes.append(
                    Cause(
                        constraint: Constraint(
                            kind: isLine ? .lineWithoutCapacity : .supplyWithoutCapacity, source: source.id, sourceIsLine: isLine, item: id,
                            months: none, level: level),
                        source: nil))
            }
            let components = source.kind == .line ? problem.bom[source.item] : []
            if let lastSpare = spare.last?.to, !components.isEmpty, level < Self.maxDepth {
                var below: [Cause] = []
                for component in components {
                    below += explainItem(component.item, from: firstStart, by: lastSpare, level: level + 1, cache: &cache)
                }
                if !below.isEmpty {
                    causes.append(
                        Cause(
                            constraint: Constraint(
                                kind: .componentShortage, source: source.id, item: id, months: spare, level: level),
                            source: nil))
                    causes += below
                }
            }
        }
        // Only the first few causes are ever shown; keeping more only costs memory on large scenarios.
        if causes.count > Self.maxCauses + 1 { causes.removeSubrange((Self.maxCauses + 1)...) }
        cache[key] = level == 0 ? causes : causes.map { $0.deeper(by: -level) }
        return causes
    }
}

enum Format {
    /// "3-14, 20, 22-30"; past six ranges, the rest is summed up.
    static func ranges(_ ranges: [MonthRange]) -> String {
        let shown = ranges.prefix(6).map(\.description).joined(separator: ", ")
        return ranges.count > 6 ? shown + " and \(ranges.count - 6) more periods" : shown
    }

    /// "2026-03 to 2026-10, 2027-01": every range, each month written by `label`.
    static func ranges(_ ranges: [MonthRange], label: (Int) -> String) -> String {
        ranges.map { $0.from == $0.to ? label($0.from) : "\(label($0.from)) to \(label($0.to))" }.joined(separator: ", ")
    }

    static func quantity(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
