/// What Rampart reports beside the contract's three lists: summaries, reasons for delays, bottlenecks.
public struct PlanReport: Codable, Sendable, Equatable {
    /// Which ordering rule produced the plan, and the ones tried.
    public var planner: PlannerInfo
    public var nations: [OutcomeSummary]
    public var items: [OutcomeSummary]
    /// Every demand that is late or short, worst (by weighted lateness) first.
    public var lateDemands: [LateDemand]
    /// The reasons for the delays; demands held back by the same chain share one entry.
    public var explanations: [Explanation]
    /// Lines and supplies whose extra capacity would cut weighted lateness most, best first.
    public var bottlenecks: [Bottleneck]
    /// With `--against-strict`: each priority in this plan and in the strict plan of the same scenario.
    public var againstStrict: [PriorityComparison]?

    public init(
        planner: PlannerInfo, nations: [OutcomeSummary], items: [OutcomeSummary], lateDemands: [LateDemand],
        explanations: [Explanation], bottlenecks: [Bottleneck]
    ) {
        self.planner = planner
        self.nations = nations
        self.items = items
        self.lateDemands = lateDemands
        self.explanations = explanations
        self.bottlenecks = bottlenecks
    }
}

public struct PlannerInfo: Codable, Sendable, Equatable {
    public var strategy: String
    public var strategiesTried: [StrategyResult]

    public init(strategy: String, strategiesTried: [StrategyResult]) {
        self.strategy = strategy
        self.strategiesTried = strategiesTried
    }
}

public struct StrategyResult: Codable, Sendable, Equatable {
    public var strategy: String
    public var weightedLateness: Double

    public init(strategy: String, weightedLateness: Double) {
        self.strategy = strategy
        self.weightedLateness = weightedLateness
    }
}

/// Units on time, late and unserved for one nation or one item.
public struct OutcomeSummary: Codable, Sendable, Equatable {
    public var key: String
    public var demandedUnits: Double
    public var onTimeUnits: Double
    public var lateUnits: Double
    public var unservedUnits: Double
    /// Mean delay, in months, of the units delivered late (0 when none is late).
    public var meanDelayMonths: Double
    public var weightedLateness: Double

    public init(
        key: String, demandedUnits: Double, onTimeUnits: Double, lateUnits: Double, unservedUnits: Double, meanDelayMonths: Double,
        weightedLateness: Double
    ) {
        self.key = key
        self.demandedUnits = demandedUnits
        self.onTimeUnits = onTimeUnits
        self.lateUnits = lateUnits
        self.unservedUnits = unservedUnits
        self.meanDelayMonths = meanDelayMonths
        self.weightedLateness = weightedLateness
    }
}

public struct MonthRange: Codable, Sendable, Hashable, CustomStringConvertible {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    public var description: String { from == to ? "\(from)" : "\(from)-\(to)" }

    /// The parts of sorted ranges that lie in `first...last`.
    public static func clamped(_ ranges: [MonthRange], from first: Int = 0, through last: Int) -> [MonthRange] {
        var result: [MonthRange] = []
        for r in ranges where r.to >= first {
            if r.from > last { break }
            result.append(MonthRange(from: max(r.from, first), to: min(r.to, last)))
        }
        return result
    }

    /// Collapses sorted, distinct months into ranges of consecutive months.
    public static func ranges(of months: [Int]) -> [MonthRange] {
        var result: [MonthRange] = []
        for m in months {
            if let last = result.last, last.to + 1 == m {
                result[result.count - 1].to = m
            } else {
                result.append(MonthRange(from: m, to: m))
            }
        }
        return result
    }
}

/// One link of the chain of constraints that held a demand back.
public struct Constraint: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// A line used to its capacity in the months given.
        case lineAtCapacity
        /// A line with no capacity (before its first step, or removed) in the months given.
        case lineWithoutCapacity
        /// A supply ordered to its capacity in the months given.
        case supplyAtCapacity
        case supplyWithoutCapacity
        /// A line with spare capacity that could not start for lack of a component.
        case componentShortage
        /// Lead time: units started after the month given cannot arrive by the due month.
        case leadTime
        /// No line and no supply makes the item, and stock is used up.
        case noSource
    }

    public var kind: Kind
    /// The line or supply, when there is one.
    public var source: String?
    /// Whether `source` is a line (else a supply). Every kind but `leadTime` implies it, so the plan file writes it
    /// only there.
    public var sourceIsLine: Bool
    public var item: String
    public var months: [MonthRange]
    /// For `leadTime`: the source's lead time.
    public var leadTimeMonths: Int?
    /// How deep in the bill of materials (0 = the delivered item).
    public var level: Int

    public init(
        kind: Kind, source: String?, sourceIsLine: Bool = true, item: String, months: [MonthRange] = [],
        leadTimeMonths: Int? = nil, level: Int
    ) {
        self.kind = kind
        self.source = source
        self.sourceIsLine = sourceIsLine
        self.item = item
        self.months = months
        self.leadTimeMonths = leadTimeMonths
        self.level = level
    }

    /// What `kind` says of the source: a supply for the supply kinds, a line otherwise (a lead time may be either).
    public static func impliedSourceIsLine(_ kind: Kind) -> Bool {
        kind != .supplyAtCapacity && kind != .supplyWithoutCapacity
    }

    private enum CodingKeys: String, CodingKey {
        case kind, source, sourceIsLine, item, months, leadTimeMonths, level
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        sourceIsLine = try c.decodeIfPresent(Bool.self, forKey: .sourceIsLine) ?? Self.impliedSourceIsLine(kind)
        item = try c.decode(String.self, forKey: .item)
        months = try c.decodeIfPresent([MonthRange].self, forKey: .months) ?? []
        leadTimeMonths = try c.decodeIfPresent(Int.self, forKey: .leadTimeMonths)
        level = try c.decode(Int.self, forKey: .level)
    }

    /// The constraint in words, e.g. "TNT supply S-PL-1 at capacity in months 2-9" (month indices, as in the plan file).
    public var text: String { text(when: "in months " + Format.ranges(months)) }

    /// The constraint in words with calendar months, as people read it: "TNT supply S-PL-1 at capacity 2026-03 to
    /// 2026-10, 2027-01".
    public func text(calendar: MonthCalendar) -> String {
        text(when: Format.ranges(months) { calendar.label($0) })
    }

    private func text(when: String) -> String {
        let what = "\(item) \(sourceIsLine ? "line" : "supply") \(source ?? "")"
        switch kind {
        case .lineAtCapacity, .supplyAtCapacity: return "\(what) at capacity \(when)"
        case .lineWithoutCapacity, .supplyWithoutCapacity: return "\(what) has no capacity \(when)"
        case .componentShortage: return "\(what) idle \(when) for lack of components"
        case .leadTime:
            let months = leadTimeMonths ?? 0
            return "\(what) needs \(months) month\(months == 1 ? "" : "s"): too late to start in time"
        case .noSource: return "no line or supply makes \(item)"
        }
    }
}

public struct LateDemand: Codable, Sendable, Equatable {
    public var demand: String
    public var nation: String
    public var target: String
    public var priority: Int
    public var qty: Double
    public var dueMonth: Int
    public var lateUnits: Double
    public var unservedUnits: Double
    /// Month of the last delivery, nil when nothing is delivered.
    public var completionMonth: Int?
    public var weightedLateness: Double
    /// Index into `PlanReport.explanations`.
    public var explanation: Int

    public init(
        demand: String, nation: String, target: String, priority: Int, qty: Double, dueMonth: Int, lateUnits: Double,
        unservedUnits: Double, completionMonth: Int?, weightedLateness: Double, explanation: Int
    ) {
        self.demand = demand
        self.nation = nation
        self.target = target
        self.priority = priority
        self.qty = qty
        self.dueMonth = dueMonth
        self.lateUnits = lateUnits
        self.unservedUnits = unservedUnits
        self.completionMonth = completionMonth
        self.weightedLateness = weightedLateness
        self.explanation = explanation
    }
}

/// The chain of constraints that held one or more demands back.
public struct Explanation: Codable, Sendable, Equatable {
    /// The first causes found, walking down the bill from the end item (at most `DelayExplainer.maxCauses`).
    public var causes: [Constraint]
    /// How many more causes were found and not kept.
    public var moreCauses: Int

    public init(causes: [Constraint], moreCauses: Int = 0) {
        self.causes = causes
        self.moreCauses = moreCauses
    }

    /// The causes in one sentence (month indices, as in the plan file), written from `causes` and `moreCauses`:
    /// the plan file keeps only those two.
    public var why: String {
        guard !causes.isEmpty else { return "no capacity left in the horizon" }
        let listed = causes.map(\.text).joined(separator: "; ")
        return moreCauses > 0 ? listed + "; and \(moreCauses) more" : listed
    }

    private enum CodingKeys: String, CodingKey {
        case causes
        case moreCauses
    }

    /// Plan files written before `moreCauses` existed carry a `why` sentence instead; it is read as no more causes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        causes = try container.decode([Constraint].self, forKey: .causes)
        moreCauses = try container.decodeIfPresent(Int.self, forKey: .moreCauses) ?? 0
    }

    /// The constraint to name first: walking down the bill from the end item (the causes' order), the first line or
    /// supply used to capacity, which more of that source would have relieved; where none was full, the first cause
    /// (no capacity, lead time, no source).
    public var mainConstraint: Constraint? {
        causes.first { $0.kind == .lineAtCapacity || $0.kind == .supplyAtCapacity } ?? causes.first
    }
}

public struct Bottleneck: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case line
        case supply
    }

    public var kind: Kind
    public var source: String
    public var item: String
    /// Producer or supplier.
    public var owner: String
    public var country: String
    public var saturatedMonths: [MonthRange]
    /// Extra units per month tried in the estimate, over the saturated months.
    public var extraPerMonth: Double
    /// Weighted lateness saved by that extra capacity (re-planned), in unit-months.
    public var weightedLatenessSaved: Double
    /// `weightedLatenessSaved` per extra unit of capacity added.
    public var savedPerExtraUnit: Double

    public init(
        kind: Kind, source: String, item: String, owner: String, country: String, saturatedMonths: [MonthRange],
        extraPerMonth: Double, weightedLatenessSaved: Double, savedPerExtraUnit: Double
    ) {
        self.kind = kind
        self.source = source
        self.item = item
        self.owner = owner
        self.country = country
        self.saturatedMonths = saturatedMonths
        self.extraPerMonth = extraPerMonth
        self.weightedLatenessSaved = weightedLatenessSaved
        self.savedPerExtraUnit = savedPerExtraUnit
    }
}
