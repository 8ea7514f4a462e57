import RampartCore

/// What the dashboard and the plan page show of a finished run, stored as JSON beside it.
struct PlanRunSummary: Codable, Sendable {
    struct Late: Codable, Sendable {
        var demand: String
        var nation: String
        var target: String
        var lateUnits: Double
        var unservedUnits: Double
        var weightedLateness: Double
        var reason: String
    }

    var nations: [OutcomeSummary]
    var bottlenecks: [Bottleneck]
    /// The latest demands, worst first (at most `lateLimit`).
    var late: [Late]
    var lateDemandCount: Int
    var monthLabels: [String]
    /// Units due per month (all demands) and delivered per month (all deliveries).
    var demandedPerMonth: [Double]
    var deliveredPerMonth: [Double]

    static let lateLimit = 200

    init(plan: Plan, scenario: Scenario) {
        let report = plan.report
        nations = report?.nations ?? []
        bottlenecks = report?.bottlenecks ?? []
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
    }
}
