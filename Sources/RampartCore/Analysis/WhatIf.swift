/// A disruption or a change of capacity, applied to a scenario before planning it again.
public struct WhatIfChange: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Target: Sendable, Equatable, Codable {
        /// Every line and supply of this producer or supplier (by name).
        case supplier(String)
        /// Every line and supply in this country.
        case country(String)
        case line(String)
        case supply(String)
    }

    public enum Effect: Sendable, Equatable, Codable {
        /// No capacity at all.
        case remove
        /// Capacity multiplied by a factor (0.5 halves it, 2 doubles it).
        case scale(Double)
        /// Capacity set to this many units a month.
        case set(Double)
    }

    public var target: Target
    public var effect: Effect
    /// First month affected (default 0).
    public var fromMonth: Int?
    /// Last month affected, inclusive (default: to the end of the horizon, i.e. for good).
    public var toMonth: Int?

    public init(target: Target, effect: Effect, fromMonth: Int? = nil, toMonth: Int? = nil) {
        self.target = target
        self.effect = effect
        self.fromMonth = fromMonth
        self.toMonth = toMonth
    }

    public var description: String {
        let what: String
        switch target {
        case .supplier(let name): what = "supplier \(name)"
        case .country(let code): what = "country \(code)"
        case .line(let id): what = "line \(id)"
        case .supply(let id): what = "supply \(id)"
        }
        let how: String
        switch effect {
        case .remove: how = "removed"
        case .scale(let f): how = "capacity × \(Format.quantity(f))"
        case .set(let v): how = "capacity set to \(Format.quantity(v))/month"
        }
        let when: String
        switch (fromMonth, toMonth) {
        case (nil, nil): when = "for good"
        case (let a?, nil): when = "from month \(a) on"
        case (nil, let b?): when = "in months 0-\(b)"
        case (let a?, let b?): when = "in months \(a)-\(b)"
        }
        return "\(what) \(how) \(when)"
    }

    /// Problems with the change itself or with what it names, with the field at fault.
    public func issues(in scenario: Scenario) -> [ScenarioIssue] {
        var issues: [ScenarioIssue] = []
        let h = scenario.horizonMonths
        if let a = fromMonth, a < 0 || a >= h {
            issues.append(ScenarioIssue(path: "from", message: "\(a) is outside the horizon (0-\(h - 1))"))
        }
        if let b = toMonth, b < 0 || b >= h {
            issues.append(ScenarioIssue(path: "to", message: "\(b) is outside the horizon (0-\(h - 1))"))
        }
        if let a = fromMonth, let b = toMonth, a > b { issues.append(ScenarioIssue(path: "to", message: "\(b) is before from (\(a))")) }
        switch effect {
        case .remove: break
        case .scale(let f) where !f.isFinite || f < 0:
            issues.append(ScenarioIssue(path: "scale", message: "\(f) must be a finite number >= 0"))
        case .set(let v) where !v.isFinite || v < 0: issues.append(ScenarioIssue(path: "set", message: "\(v) must be a finite number >= 0"))
        default: break
        }
        let found =
            scenario.lines.contains { matches($0.id, $0.producer, $0.country, isLine: true) }
            || scenario.supplies.contains { matches($0.id, $0.supplier, $0.country, isLine: false) }
        if !found {
            switch target {
            case .supplier(let n): issues.append(ScenarioIssue(path: "supplier", message: "no line or supply of \"\(n)\" in the scenario"))
            case .country(let c): issues.append(ScenarioIssue(path: "country", message: "no line or supply in \"\(c)\" in the scenario"))
            case .line(let id): issues.append(ScenarioIssue(path: "line", message: "unknown line \"\(id)\""))
            case .supply(let id): issues.append(ScenarioIssue(path: "supply", message: "unknown supply \"\(id)\""))
            }
        }
        return issues
    }

    func matches(_ id: String, _ owner: String, _ country: String, isLine: Bool) -> Bool {
        switch target {
        case .supplier(let name): return owner == name
        case .country(let code): return country == code
        case .line(let lineID): return isLine && id == lineID
        case .supply(let supplyID): return !isLine && id == supplyID
        }
    }

    /// The scenario with this change applied to every matching line and supply.
    public func apply(to scenario: Scenario) -> Scenario {
        var result = scenario
        let h = scenario.horizonMonths
        for k in result.lines.indices where matches(result.lines[k].id, result.lines[k].producer, result.lines[k].country, isLine: true) {
            result.lines[k].capacity = changed(result.lines[k].capacity, horizon: h)
        }
        for k in result.supplies.indices
        where matches(result.supplies[k].id, result.supplies[k].supplier, result.supplies[k].country, isLine: false) {
            result.supplies[k].capacity = changed(result.supplies[k].capacity, horizon: h)
        }
        return result
    }

    private func changed(_ steps: [CapacityStep], horizon: Int) -> [CapacityStep] {
        var monthly = PlanningProblem.monthly(steps, horizon: horizon)
        let from = max(fromMonth ?? 0, 0)
        let to = min(toMonth ?? horizon - 1, horizon - 1)
        if from <= to {
            for t in from...to {
                switch effect {
                case .remove: monthly[t] = 0
                case .scale(let f): monthly[t] *= f
                case .set(let v): monthly[t] = v
                }
            }
        }
        var result: [CapacityStep] = []
        for (t, value) in monthly.enumerated() where t == 0 ? value != 0 : value != monthly[t - 1] {
            result.append(CapacityStep(from: t, perMonth: value))
        }
        return result
    }
}

extension Scenario {
    public func applying(_ changes: [WhatIfChange]) -> Scenario {
        changes.reduce(self) { $1.apply(to: $0) }
    }
}
