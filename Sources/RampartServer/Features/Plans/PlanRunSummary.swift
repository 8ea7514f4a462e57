import RampartCore

/// What the dashboard and the plan page show of a finished run, stored as JSON beside it (`plan_run_files.summary_json`)
/// in a shape of the server's own, with a version: renaming a field of the core cannot break the runs stored.
/// `init(plan:scenario:)` is the one place the core's report is mapped to it. Version 1 has the keys the summaries had
/// before they carried a version, so those decode as version 1 (and migration 011 writes the number into them).
/// Version 2 adds demands counted by outcome, per nation, and units per nation and class or item (`targets`); in a
/// version 1 summary they are absent.
struct PlanRunSummary: Codable, Sendable {
    static let currentVersion = 2

    /// Demands counted by outcome (`OutcomeCounts`).
    struct DemandCounts: Codable, Sendable, Equatable {
        var demands: Int
        var onTime: Int
        var late: Int
        var unserved: Int

        init(_ counts: OutcomeCounts) {
            demands = counts.demands
            onTime = counts.onTime
            late = counts.late
            unserved = counts.unserved
        }

        static func + (a: DemandCounts, b: DemandCounts) -> DemandCounts {
            DemandCounts(
                OutcomeCounts(
                    demands: a.demands + b.demands, onTime: a.onTime + b.onTime, late: a.late + b.late, unserved: a.unserved + b.unserved))
        }
    }

    /// One nation's demands of one class or item.
    struct TargetFigures: Codable, Sendable, Equatable {
        var nation: String
        var target: String
        var demands: DemandCounts
        var qty: Double
        var onTimeUnits: Double
        var lateUnits: Double
        var unservedUnits: Double
        var weightedLateness: Double
    }

    /// One nation's units on time, late and unserved.
    struct NationFigures: Codable, Sendable {
        var key: String
        var demandedUnits: Double
        var onTimeUnits: Double
        var lateUnits: Double
        var unservedUnits: Double
        var meanDelayMonths: Double
        var weightedLateness: Double
        /// From version 2.
        var demands: DemandCounts? = nil
    }

    /// Months `from` to `to`, both included.
    struct MonthSpan: Codable, Sendable {
        var from: Int
        var to: Int

        var description: String { from == to ? "\(from)" : "\(from)-\(to)" }
    }

    /// A line or supply whose extra capacity would cut weighted lateness most.
    struct BottleneckFigures: Codable, Sendable {
        /// `line` or `supply`.
        var kind: String
        var source: String
        var item: String
        var owner: String
        var country: String
        var saturatedMonths: [MonthSpan]
        var extraPerMonth: Double
        var weightedLatenessSaved: Double
        var savedPerExtraUnit: Double
    }

    struct Late: Codable, Sendable {
        var demand: String
        var nation: String
        var target: String
        var lateUnits: Double
        var unservedUnits: Double
        var weightedLateness: Double
        var reason: String
    }

    var version: Int
    var nations: [NationFigures]
    var bottlenecks: [BottleneckFigures]
    /// The latest demands, worst first (at most `lateLimit`).
    var late: [Late]
    var lateDemandCount: Int
    var monthLabels: [String]
    /// Units due per month (all demands) and delivered per month (all deliveries).
    var demandedPerMonth: [Double]
    var deliveredPerMonth: [Double]
    /// Per nation and class or item, from version 2 (nil before).
    var targets: [TargetFigures]?
    /// Per class or item, all nations: units due and delivered per month, from version 2 (nil before). The Alliance's
    /// chart of deliveries against demand is drawn for one of them: units of unlike items are not added up.
    var targetMonths: [TargetMonths]?

    struct TargetMonths: Codable, Sendable, Equatable {
        var target: String
        var demandedPerMonth: [Double]
        var deliveredPerMonth: [Double]
    }

    static let lateLimit = 200

    /// `outcomes`: every demand's outcome in `plan` (`PlanEvaluator.outcomes(of:)`).
    init(plan: Plan, scenario: Scenario, outcomes: [DemandOutcome]) {
        let report = plan.report
        version = Self.currentVersion
        let totals = TargetTotals.of(outcomes)
        var counts: [String: OutcomeCounts] = [:]
        for t in totals { counts[t.nation] = (counts[t.nation] ?? OutcomeCounts()) + t.counts }
        nations = (report?.nations ?? []).map {
            NationFigures(
                key: $0.key, demandedUnits: $0.demandedUnits, onTimeUnits: $0.onTimeUnits, lateUnits: $0.lateUnits,
                unservedUnits: $0.unservedUnits, meanDelayMonths: $0.meanDelayMonths, weightedLateness: $0.weightedLateness,
                demands: DemandCounts(counts[$0.key] ?? OutcomeCounts()))
        }
        targets = totals.map {
            TargetFigures(
                nation: $0.nation, target: $0.target, demands: DemandCounts($0.counts), qty: $0.qty, onTimeUnits: $0.onTimeUnits,
                lateUnits: $0.lateUnits, unservedUnits: $0.unservedUnits, weightedLateness: $0.weightedLateness)
        }
        bottlenecks = (report?.bottlenecks ?? []).map {
            BottleneckFigures(
                kind: $0.kind.rawValue, source: $0.source, item: $0.item, owner: $0.owner, country: $0.country,
                saturatedMonths: $0.saturatedMonths.map { MonthSpan(from: $0.from, to: $0.to) },
                extraPerMonth: $0.extraPerMonth, weightedLatenessSaved: $0.weightedLatenessSaved,
                savedPerExtraUnit: $0.savedPerExtraUnit)
        }
        let lateDemands = report?.lateDemands ?? []
        lateDemandCount = lateDemands.count
        late = lateDemands.sorted { $0.weightedLateness > $1.weightedLateness }.prefix(Self.lateLimit).map { item in
            Late(
                demand: item.demand, nation: item.nation, target: item.target, lateUnits: item.lateUnits,
                unservedUnits: item.unservedUnits, weightedLateness: item.weightedLateness,
                reason: report.flatMap { $0.explanations.indices.contains(item.explanation) ? $0.explanations[item.explanation].why : nil }
                    ?? "")
        }
        let calendar = MonthCalendar(startMonth: scenario.startMonth)
        let months = scenario.horizonMonths
        monthLabels = (0..<months).map { calendar?.label($0) ?? "M\($0)" }
        var demanded = Array(repeating: 0.0, count: months)
        for demand in scenario.demands where demanded.indices.contains(demand.dueMonth) { demanded[demand.dueMonth] += demand.qty }
        var delivered = Array(repeating: 0.0, count: months)
        for delivery in plan.deliveries where delivered.indices.contains(delivery.month) { delivered[delivery.month] += delivery.qty }
        demandedPerMonth = demanded
        deliveredPerMonth = delivered
        var byTarget: [String: TargetMonths] = [:]
        var targetOf: [String: String] = [:]
        let empty = Array(repeating: 0.0, count: months)
        for demand in scenario.demands {
            let key = demand.target.key
            targetOf[demand.id] = key
            if byTarget[key] == nil { byTarget[key] = TargetMonths(target: key, demandedPerMonth: empty, deliveredPerMonth: empty) }
            if empty.indices.contains(demand.dueMonth) { byTarget[key]!.demandedPerMonth[demand.dueMonth] += demand.qty }
        }
        for delivery in plan.deliveries where empty.indices.contains(delivery.month) {
            guard let key = targetOf[delivery.demand] else { continue }
            byTarget[key]!.deliveredPerMonth[delivery.month] += delivery.qty
        }
        targetMonths = byTarget.keys.sorted().map { byTarget[$0]! }
    }

    private enum CodingKeys: String, CodingKey {
        case version, nations, bottlenecks, late, lateDemandCount, monthLabels, demandedPerMonth, deliveredPerMonth, targets, targetMonths
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        guard version <= Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription: "summary version \(version) is newer than this server's")
        }
        nations = try c.decode([NationFigures].self, forKey: .nations)
        bottlenecks = try c.decode([BottleneckFigures].self, forKey: .bottlenecks)
        late = try c.decode([Late].self, forKey: .late)
        lateDemandCount = try c.decode(Int.self, forKey: .lateDemandCount)
        monthLabels = try c.decode([String].self, forKey: .monthLabels)
        demandedPerMonth = try c.decode([Double].self, forKey: .demandedPerMonth)
        deliveredPerMonth = try c.decode([Double].self, forKey: .deliveredPerMonth)
        targets = try c.decodeIfPresent([TargetFigures].self, forKey: .targets)
        targetMonths = try c.decodeIfPresent([TargetMonths].self, forKey: .targetMonths)
    }
}
