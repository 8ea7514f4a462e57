extension Plan {
    /// Problems that make the plan unreadable against `scenario`, each at its JSON path: unknown demands,
    /// lines, supplies or items, an item outside the demand's item, class or items, months outside the horizon,
    /// negative or non-finite quantities. (Capacities and stock balance are the checker's business.)
    public func issues(against scenario: Scenario) -> [ScenarioIssue] {
        var issues: [ScenarioIssue] = []
        let h = scenario.horizonMonths
        let lines = Set(scenario.lines.map(\.id)), supplies = Set(scenario.supplies.map(\.id))
        var itemClass: [String: String?] = [:]
        for item in scenario.items { itemClass[item.id] = item.itemClass }
        var demands: [String: Demand] = [:]
        for d in scenario.demands where demands[d.id] == nil { demands[d.id] = d }
        func check(_ path: String, month: Int, qty: Double) {
            if month < 0 || month >= h {
                issues.append(ScenarioIssue(path: "\(path).month", message: "\(month) is outside the horizon (0-\(h - 1))"))
            }
            if !qty.isFinite || qty < 0 {
                issues.append(ScenarioIssue(path: "\(path).qty", message: "\(qty) is not a finite quantity >= 0"))
            }
        }
        for (k, p) in production.enumerated() {
            if !lines.contains(p.line) {
                issues.append(ScenarioIssue(path: "production[\(k)].line", message: "unknown line \"\(p.line)\""))
            }
            check("production[\(k)]", month: p.month, qty: p.qty)
        }
        for (k, p) in purchases.enumerated() {
            if !supplies.contains(p.supply) {
                issues.append(ScenarioIssue(path: "purchases[\(k)].supply", message: "unknown supply \"\(p.supply)\""))
            }
            check("purchases[\(k)]", month: p.month, qty: p.qty)
        }
        for (k, d) in deliveries.enumerated() {
            let path = "deliveries[\(k)]"
            check(path, month: d.month, qty: d.qty)
            guard let demand = demands[d.demand] else {
                issues.append(ScenarioIssue(path: "\(path).demand", message: "unknown demand \"\(d.demand)\""))
                continue
            }
            guard let cls = itemClass[d.item] else {
                issues.append(ScenarioIssue(path: "\(path).item", message: "unknown item \"\(d.item)\""))
                continue
            }
            let fits: Bool
            switch demand.target {
            case .item(let id): fits = id == d.item
            case .itemClass(let name): fits = cls == name
            case .items(let ids): fits = ids.contains(d.item)
            }
            if !fits {
                issues.append(
                    ScenarioIssue(
                        path: "\(path).item",
                        message: "\"\(d.item)\" is not the item, of the class or in the items of demand \"\(d.demand)\""))
            }
        }
        return issues
    }
}
