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
            // A malformed field was reported already: it counts neither as named nor as absent.
            let fields = [
                ("item", demand.item.isAbsent, demand.item.value != nil),
                ("class", demand.itemClass.isAbsent, demand.itemClass.value != nil),
                ("items", demand.items.isAbsent, demand.items.value != nil),
            ]
            let named = fields.filter(\.2).map(\.0)
            if named.count > 1 {
                report("demands[\(i)]", "names \(named.joined(separator: " and ")); a demand names exactly one of item, class and items")
            } else if fields.allSatisfy(\.1) {
                report("demands[\(i)]", "names none of item, class and items; a demand names exactly one")
            }
            checkItemReference(demand.item.value, at: "demands[\(i)].item")
            if let listed = demand.items.value {
                checkItemList(listed, at: "demands[\(i)].items")
            }
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

extension SemanticChecker {
    /// A demand's `items`: not empty, every id a known item, none twice.
    mutating func checkItemList(_ listed: [String?], at path: String) {
        if listed.isEmpty {
            report(path, "must not be empty; list at least one item")
            return
        }
        var first: [String: Int] = [:]
        for (k, id) in listed.enumerated() {
            guard let id else { continue }
            checkItemReference(id, at: "\(path)[\(k)]")
            if let j = first[id] {
                report("\(path)[\(k)]", "duplicate item \(IssueText.quoted(id)) (first at \(path)[\(j)])")
            } else {
                first[id] = k
            }
        }
    }
}
