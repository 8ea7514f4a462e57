/// Turns the JSON tree into a `ScenarioDraft`, reporting every structural problem (wrong JSON
/// type, missing or repeated field, a fraction where a whole number belongs, an unknown kind)
/// in document order. Range, reference and consistency checks are `SemanticChecker`'s.
enum DraftDecoding {
    static func scenario(_ root: JSONValue, _ r: inout FieldReader) -> ScenarioDraft {
        var draft = ScenarioDraft()
        guard case .object = root else {
            r.report("", "expected a JSON object at the top level, found \(root.foundDescription)")
            return draft
        }
        r.fields(of: root, at: "", Fields.scenario) { r, key, value, path in
            switch key {
            case "version": draft.version = r.integer(value, at: path)
            case "name": draft.name = r.string(value, at: path)
            case "startMonth": draft.startMonth = r.string(value, at: path)
            case "horizonMonths": draft.horizonMonths = r.integer(value, at: path)
            case "items": draft.items = r.list(value, at: path, element: item)
            case "lines": draft.lines = r.list(value, at: path, element: { source(&$0, $1, $2, owner: "producer") })
            case "supplies": draft.supplies = r.list(value, at: path, element: { source(&$0, $1, $2, owner: "supplier") })
            case "stocks": draft.stocks = r.list(value, at: path, element: stock)
            case "demands": draft.demands = r.list(value, at: path, element: demand)
            default: break
            }
        }
        return draft
    }

    private static func item(_ r: inout FieldReader, _ value: JSONValue, _ path: String) -> ItemDraft {
        var item = ItemDraft()
        let isObject = r.fields(of: value, at: path, Fields.item) { r, key, value, path in
            switch key {
            case "id": item.id = r.string(value, at: path)
            case "name": item.name = r.string(value, at: path)
            case "kind": item.kind = r.kind(value, at: path)
            case "class": item.itemClass = r.optionalString(value, at: path)
            case "bom":
                if case .null = value { break }
                item.bom = r.list(value, at: path, element: bomEntry)
            default: break
            }
        }
        if !isObject { item.itemClass = .invalid; item.bom = nil }
        return item
    }

    private static func bomEntry(_ r: inout FieldReader, _ value: JSONValue, _ path: String) -> BOMDraft {
        var entry = BOMDraft()
        r.fields(of: value, at: path, Fields.bomEntry) { r, key, value, path in
            switch key {
            case "item": entry.item = r.string(value, at: path)
            case "qty": entry.qty = r.number(value, at: path)
            default: break
            }
        }
        return entry
    }

    private static func source(_ r: inout FieldReader, _ value: JSONValue, _ path: String, owner: String) -> SourceDraft {
        var source = SourceDraft()
        r.fields(of: value, at: path, owner == "producer" ? Fields.line : Fields.supply) { r, key, value, path in
            switch key {
            case "id": source.id = r.string(value, at: path)
            case owner: source.owner = r.string(value, at: path)
            case "country": source.country = r.string(value, at: path)
            case "item": source.item = r.string(value, at: path)
            case "leadTimeMonths": source.leadTimeMonths = r.integer(value, at: path)
            case "capacity": source.capacity = r.list(value, at: path, element: capacityStep)
            default: break
            }
        }
        return source
    }

    private static func capacityStep(_ r: inout FieldReader, _ value: JSONValue, _ path: String) -> CapacityDraft {
        var step = CapacityDraft()
        r.fields(of: value, at: path, Fields.capacityStep) { r, key, value, path in
            switch key {
            case "from": step.from = r.integer(value, at: path)
            case "perMonth": step.perMonth = r.number(value, at: path)
            default: break
            }
        }
        return step
    }

    private static func stock(_ r: inout FieldReader, _ value: JSONValue, _ path: String) -> StockDraft {
        var stock = StockDraft()
        r.fields(of: value, at: path, Fields.stock) { r, key, value, path in
            switch key {
            case "item": stock.item = r.string(value, at: path)
            case "qty": stock.qty = r.number(value, at: path)
            default: break
            }
        }
        return stock
    }

    private static func demand(_ r: inout FieldReader, _ value: JSONValue, _ path: String) -> DemandDraft {
        var demand = DemandDraft()
        let isObject = r.fields(of: value, at: path, Fields.demand) { r, key, value, path in
            switch key {
            case "id": demand.id = r.string(value, at: path)
            case "nation": demand.nation = r.string(value, at: path)
            case "item": demand.item = r.optionalString(value, at: path)
            case "class": demand.itemClass = r.optionalString(value, at: path)
            case "items":
                if case .null = value { break }
                demand.items =
                    r.list(value, at: path) { r, value, path in r.string(value, at: { path }) }.map { .present($0) } ?? .invalid
            case "qty": demand.qty = r.number(value, at: path)
            case "dueMonth": demand.dueMonth = r.integer(value, at: path)
            case "priority": demand.priority = r.integer(value, at: path)
            default: break
            }
        }
        if !isObject { demand.item = .invalid; demand.itemClass = .invalid; demand.items = .invalid }
        return demand
    }
}

private enum Fields {
    static let scenario = FieldSet(required: [
        "version", "name", "startMonth", "horizonMonths",
        "items", "lines", "supplies", "stocks", "demands",
    ])
    static let item = FieldSet(required: ["id", "name", "kind"], optional: ["class", "bom"])
    static let bomEntry = FieldSet(required: ["item", "qty"])
    static let line = FieldSet(required: ["id", "producer", "country", "item", "leadTimeMonths", "capacity"])
    static let supply = FieldSet(required: ["id", "supplier", "country", "item", "leadTimeMonths", "capacity"])
    static let capacityStep = FieldSet(required: ["from", "perMonth"])
    static let stock = FieldSet(required: ["item", "qty"])
    static let demand = FieldSet(required: ["id", "nation", "qty", "dueMonth", "priority"], optional: ["item", "class", "items"])
}
