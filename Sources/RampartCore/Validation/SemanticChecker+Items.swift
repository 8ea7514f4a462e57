extension SemanticChecker {
    mutating func checkItems() {
        guard let items = draft.items else { return }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            checkID(item.id, list: "items", index: i, seen: &ids)
            checkNotEmpty(item.itemClass.value, at: "items[\(i)].class")
            checkBOM(of: item, at: i)
        }
        checkCycles(items)
    }

    private mutating func checkBOM(of item: ItemDraft, at i: Int) {
        guard let bom = item.bom else { return }
        var components: [String: Int] = [:]
        for (j, entry) in bom.enumerated() {
            if let component = entry.item {
                if !component.isEmpty, component == item.id {
                    report("items[\(i)].bom[\(j)].item", "\(IssueText.quoted(component)) is in its own bill of materials")
                } else {
                    checkItemReference(component, at: "items[\(i)].bom[\(j)].item")
                }
                if !component.isEmpty {
                    if let first = components[component] {
                        report(
                            "items[\(i)].bom[\(j)].item",
                            "duplicate component \(IssueText.quoted(component)) (first at items[\(i)].bom[\(first)])")
                    } else {
                        components[component] = j
                    }
                }
            }
            if let qty = entry.qty, let problem = FieldRules.billQuantityProblem(qty) {
                report("items[\(i)].bom[\(j)].qty", problem)
            }
        }
    }

    /// Each cycle once, at the bom of its item listed first, e.g. `A -> B -> A`.
    private mutating func checkCycles(_ items: [ItemDraft]) {
        let successors = items.enumerated().map { i, item in
            var targets: [Int] = []
            for entry in item.bom ?? [] {
                // Self-references are reported above; duplicate components would repeat a cycle.
                if let component = entry.item, let j = itemIndex[component], j != i, !targets.contains(j) {
                    targets.append(j)
                }
            }
            return targets
        }
        for cycle in BOMCycles.find(successors: successors) {
            let chain = (cycle + [cycle[0]]).map { items[$0].id ?? "?" }.joined(separator: " -> ")
            report("items[\(cycle[0])].bom", "cycle in bills of materials: \(chain)")
        }
    }
}
