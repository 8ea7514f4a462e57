extension SemanticChecker {
    /// Lines and supplies.
    mutating func checkSources(_ sources: [SourceDraft]?, list: String) {
        guard let sources else { return }
        var ids: [String: Int] = [:]
        for (i, source) in sources.enumerated() {
            checkID(source.id, list: list, index: i, seen: &ids)
            checkItemReference(source.item, at: "\(list)[\(i)].item")
            if let lead = source.leadTimeMonths, let problem = FieldRules.leadTimeProblem(lead) {
                report("\(list)[\(i)].leadTimeMonths", problem)
            }
            // An empty schedule is allowed: the source has no capacity (e.g. a line not yet built).
            var previousFrom: Int?
            for (k, step) in (source.capacity ?? []).enumerated() {
                let path = { "\(list)[\(i)].capacity[\(k)]" }
                if let from = step.from, checkMonth(from, at: "\(path()).from") {
                    if let previousFrom, from <= previousFrom {
                        report("\(path()).from", "\(from) is not after the previous step (from \(previousFrom))")
                    }
                    previousFrom = from
                }
                if let perMonth = step.perMonth, let problem = FieldRules.capacityProblem(perMonth) {
                    report("\(path()).perMonth", problem)
                }
            }
        }
    }

    mutating func checkStocks() {
        guard let stocks = draft.stocks else { return }
        var seen: [String: Int] = [:]
        for (i, stock) in stocks.enumerated() {
            checkItemReference(stock.item, at: "stocks[\(i)].item")
            if let item = stock.item, !item.isEmpty {
                if let first = seen[item] {
                    report("stocks[\(i)].item", "duplicate stock for \(IssueText.quoted(item)) (first at stocks[\(first)])")
                } else {
                    seen[item] = i
                }
            }
            checkQuantity(stock.qty, positive: false, at: "stocks[\(i)].qty")
        }
    }

    mutating func checkDemands() {
        guard let demands = draft.demands else { return }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(demands.count)
        for (i, demand) in demands.enumerated() {
            checkID(demand.id, list: "demands", index: i, seen: &ids)
            checkNotEmpty(demand.nation, at: "demands[\(i)].nation")
            switch (demand.item, demand.itemClass) {
            case (.present, .present):
                report("demands[\(i)]", "names both item and class; a demand names exactly one")
            case (.absent, .absent):
                report("demands[\(i)]", "names neither item nor class; a demand names exactly one")
            default:
                break
            }
            checkItemReference(demand.item.value, at: "demands[\(i)].item")
            if let itemClass = demand.itemClass.value {
                if itemClass.isEmpty {
                    report("demands[\(i)].class", "must not be empty")
                } else if let classes, !classes.contains(itemClass) {
                    report("demands[\(i)].class", "unknown class \(IssueText.quoted(itemClass))")
                }
            }
            checkQuantity(demand.qty, positive: true, at: "demands[\(i)].qty")
            checkMonth(demand.dueMonth, at: "demands[\(i)].dueMonth")
            if let priority = demand.priority, let problem = FieldRules.priorityProblem(priority) {
                report("demands[\(i)].priority", problem)
            }
        }
    }
}
