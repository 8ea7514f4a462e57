extension ScenarioDraft {
    init(_ s: Scenario) {
        self.init(
            version: s.version, name: s.name, startMonth: s.startMonth, horizonMonths: s.horizonMonths,
            items: s.items.map { item in
                ItemDraft(
                    id: item.id, name: item.name, kind: item.kind, itemClass: OptionalField(item.itemClass),
                    bom: item.bom.map { BOMDraft(item: $0.item, qty: $0.qty) })
            },
            lines: s.lines.map {
                SourceDraft(
                    id: $0.id, owner: $0.producer, country: $0.country, item: $0.item,
                    leadTimeMonths: $0.leadTimeMonths, capacity: $0.capacity.map(CapacityDraft.init))
            },
            supplies: s.supplies.map {
                SourceDraft(
                    id: $0.id, owner: $0.supplier, country: $0.country, item: $0.item,
                    leadTimeMonths: $0.leadTimeMonths, capacity: $0.capacity.map(CapacityDraft.init))
            },
            stocks: s.stocks.map { StockDraft(item: $0.item, qty: $0.qty) },
            demands: s.demands.map {
                DemandDraft(
                    id: $0.id, nation: $0.nation, item: OptionalField($0.item),
                    itemClass: OptionalField($0.itemClass), items: OptionalField($0.items.map { $0.map { Optional($0) } }),
                    qty: $0.qty, dueMonth: $0.dueMonth,
                    priority: $0.priority)
            })
    }

    /// The typed scenario; nil if any field is missing or malformed.
    func scenario() -> Scenario? {
        guard let version, let name, let startMonth, let horizonMonths,
            let items = items?.allMapped({ $0.item() }),
            let lines = lines?.allMapped({ $0.line() }),
            let supplies = supplies?.allMapped({ $0.supply() }),
            let stocks = stocks?.allMapped({ $0.stock() }),
            let demands = demands?.allMapped({ $0.demand() })
        else { return nil }
        return Scenario(
            version: version, name: name, startMonth: startMonth, horizonMonths: horizonMonths,
            items: items, lines: lines, supplies: supplies, stocks: stocks, demands: demands)
    }
}

extension OptionalField {
    init(_ value: Value?) {
        self = value.map { .present($0) } ?? .absent
    }

    /// nil when invalid; otherwise the value, or nil for absent, wrapped.
    var typed: Value?? {
        switch self {
        case .absent: .some(nil)
        case .present(let value): .some(value)
        case .invalid: nil
        }
    }
}

extension CapacityDraft {
    init(_ step: CapacityStep) {
        self.init(from: step.from, perMonth: step.perMonth)
    }
}

private extension Array {
    /// `map`, or nil if `transform` fails for any element.
    func allMapped<T>(_ transform: (Element) -> T?) -> [T]? {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self {
            guard let value = transform(element) else { return nil }
            result.append(value)
        }
        return result
    }
}

private extension ItemDraft {
    func item() -> Item? {
        guard let id, let name, let kind, let itemClass = itemClass.typed,
            let bom = bom?.allMapped({ entry in entry.item.flatMap { item in entry.qty.map { BOMEntry(item: item, qty: $0) } } })
        else { return nil }
        return Item(id: id, name: name, kind: kind, itemClass: itemClass, bom: bom)
    }
}

private extension SourceDraft {
    func steps() -> [CapacityStep]? {
        capacity?.allMapped { step in step.from.flatMap { from in step.perMonth.map { CapacityStep(from: from, perMonth: $0) } } }
    }

    func line() -> Line? {
        guard let id, let owner, let country, let item, let leadTimeMonths, let capacity = steps() else { return nil }
        return Line(id: id, producer: owner, country: country, item: item, leadTimeMonths: leadTimeMonths, capacity: capacity)
    }

    func supply() -> Supply? {
        guard let id, let owner, let country, let item, let leadTimeMonths, let capacity = steps() else { return nil }
        return Supply(id: id, supplier: owner, country: country, item: item, leadTimeMonths: leadTimeMonths, capacity: capacity)
    }
}

private extension StockDraft {
    func stock() -> Stock? {
        guard let item, let qty else { return nil }
        return Stock(item: item, qty: qty)
    }
}

private extension DemandDraft {
    func demand() -> Demand? {
        guard let id, let nation, let item = item.typed, let itemClass = itemClass.typed, let listed = items.typed,
            let qty, let dueMonth, let priority
        else { return nil }
        var items: [String]?
        if let listed {
            guard let ids = listed.allMapped({ $0 }) else { return nil }
            items = ids
        }
        return Demand(
            id: id, nation: nation, item: item, itemClass: itemClass, items: items, qty: qty, dueMonth: dueMonth,
            priority: priority)
    }
}
