import Fluent
import Foundation
import RampartCore

/// Moves a whole scenario between core values and the records, in one place.
enum ScenarioStore {
    /// Every table an import writes.
    static let tables = [
        "scenario_settings", "nations", "companies", "items", "bom_entries", "sources", "capacity_steps",
        "stocks", "demands",
    ]

    /// The scenario held in the database, or nil when none has been imported.
    static func load(on db: any Database) async throws -> Scenario? {
        guard let settings = try await ScenarioSettingsRecord.query(on: db).first() else { return nil }
        let items = try await ItemRecord.query(on: db).sort(\.$position).all()
        let bom = try await BOMEntryRecord.query(on: db).sort(\.$position).all()
        let sources = try await SourceRecord.query(on: db).sort(\.$position).all()
        let steps = try await CapacityStepRecord.query(on: db).sort(\.$fromMonth).all()
        let stocks = try await StockRecord.query(on: db).sort(\.$position).all()
        let demands = try await demandsInBatches(on: db)

        let bomByItem = Dictionary(grouping: bom, by: \.itemCode)
        let stepsBySource = Dictionary(grouping: steps, by: \.sourceCode)
        func capacity(_ code: String) -> [CapacityStep] {
            (stepsBySource[code] ?? []).map { CapacityStep(from: $0.fromMonth, perMonth: $0.perMonth) }
        }
        return Scenario(
            name: settings.name, startMonth: settings.startMonth, horizonMonths: settings.horizonMonths,
            items: items.map { item in
                Item(
                    id: item.code, name: item.name, kind: ItemKind(rawValue: item.kind) ?? .component,
                    itemClass: item.itemClass,
                    bom: (bomByItem[item.code] ?? []).map { BOMEntry(item: $0.componentCode, qty: $0.qty) })
            },
            lines: sources.filter { $0.sourceKind == .line }.map {
                Line(
                    id: $0.code, producer: $0.company, country: $0.country, item: $0.itemCode,
                    leadTimeMonths: $0.leadTimeMonths, capacity: capacity($0.code))
            },
            supplies: sources.filter { $0.sourceKind == .supply }.map {
                Supply(
                    id: $0.code, supplier: $0.company, country: $0.country, item: $0.itemCode,
                    leadTimeMonths: $0.leadTimeMonths, capacity: capacity($0.code))
            },
            stocks: stocks.map { Stock(item: $0.itemCode, qty: $0.qty) },
            demands: demands.map {
                Demand(
                    id: $0.code, nation: $0.nation, item: $0.itemCode, itemClass: $0.itemClass, qty: $0.qty,
                    dueMonth: $0.dueMonth, priority: $0.priority)
            })
    }

    /// Demands a batch at a time: decoding them all at once held an event loop, and the requests queued on it, for a
    /// third of a second with the M scenario.
    private static func demandsInBatches(on db: any Database, batch: Int = 500) async throws -> [DemandRecord] {
        var demands: [DemandRecord] = []
        while true {
            // Positions are unique (migration 006), so "after the last one read" never skips a demand.
            var query = DemandRecord.query(on: db).sort(\.$position).limit(batch)
            if let last = demands.last { query = query.filter(\.$position > last.position) }
            let next = try await query.all()
            demands += next
            if next.count < batch { return demands }
        }
    }

    /// Replaces the planning scenario (settings, items, bills of materials, lines and supplies with their capacity,
    /// stocks, demands) with `scenario`, and nothing else. Call inside a transaction: on any error nothing changes.
    ///
    /// - Release and firm flags of demands that keep their id are kept.
    /// - Nations and companies are master data: the ones the file names are added (a company's country follows the
    ///   file), none is deleted, so the accounts and records that name them keep them.
    /// - When a record beside the scenario names an item or a source the file drops, `references` finds it and the
    ///   import is refused with `OrphanedReferencesError`, before anything is written.
    static func replace(with scenario: Scenario, references: [ScenarioReferenceCheck], on db: any Database) async throws {
        try await refuseOrphans(scenario, references: references, on: db)
        let kept = try await DemandRecord.query(on: db).group(.or) { $0.filter(\.$released == true).filter(\.$firm == true) }.all()
        let released = Set(kept.filter(\.released).map(\.code)), firm = Set(kept.filter(\.firm).map(\.code))
        try await CapacityStepRecord.query(on: db).delete()
        try await BOMEntryRecord.query(on: db).delete()
        try await SourceRecord.query(on: db).delete()
        try await StockRecord.query(on: db).delete()
        try await DemandRecord.query(on: db).delete()
        try await ItemRecord.query(on: db).delete()
        try await ScenarioSettingsRecord.query(on: db).delete()

        try await ScenarioSettingsRecord(
            name: scenario.name, startMonth: scenario.startMonth, horizonMonths: scenario.horizonMonths
        ).create(on: db)
        try await insert(
            scenario.items.enumerated().map {
                ItemRecord(code: $1.id, name: $1.name, kind: $1.kind.rawValue, itemClass: $1.itemClass, position: $0)
            }, on: db)
        var bom: [BOMEntryRecord] = []
        for item in scenario.items {
            for (index, entry) in item.bom.enumerated() {
                bom.append(BOMEntryRecord(itemCode: item.id, componentCode: entry.item, qty: entry.qty, position: index))
            }
        }
        try await insert(bom, on: db)

        var sources: [SourceRecord] = []
        var steps: [CapacityStepRecord] = []
        for (index, line) in scenario.lines.enumerated() {
            sources.append(
                SourceRecord(
                    code: line.id, kind: .line, company: line.producer, country: line.country,
                    itemCode: line.item, leadTimeMonths: line.leadTimeMonths, position: index))
            steps += line.capacity.map { CapacityStepRecord(sourceCode: line.id, fromMonth: $0.from, perMonth: $0.perMonth) }
        }
        for (index, supply) in scenario.supplies.enumerated() {
            sources.append(
                SourceRecord(
                    code: supply.id, kind: .supply, company: supply.supplier, country: supply.country,
                    itemCode: supply.item, leadTimeMonths: supply.leadTimeMonths,
                    position: scenario.lines.count + index))
            steps += supply.capacity.map { CapacityStepRecord(sourceCode: supply.id, fromMonth: $0.from, perMonth: $0.perMonth) }
        }
        try await insert(sources, on: db)
        try await insert(steps, on: db)
        try await insert(scenario.stocks.enumerated().map { StockRecord(itemCode: $1.item, qty: $1.qty, position: $0) }, on: db)
        try await insert(
            scenario.demands.enumerated().map { index, demand in
                DemandRecord(
                    code: demand.id, nation: demand.nation, itemCode: demand.item, itemClass: demand.itemClass,
                    qty: demand.qty, dueMonth: demand.dueMonth, priority: demand.priority,
                    released: released.contains(demand.id), firm: firm.contains(demand.id), position: index)
            }, on: db)
        try await MasterData.add(nationsAndCompaniesOf: scenario, on: db)
        try await RecordCounts.store(on: db)
        try await DemandState.advance(on: db)
    }

    /// Refuses, naming each, the references beside the scenario to items and sources that `scenario` drops.
    private static func refuseOrphans(_ scenario: Scenario, references: [ScenarioReferenceCheck], on db: any Database) async throws {
        guard !references.isEmpty else { return }
        let items = Set(try await ItemRecord.query(on: db).all().map(\.code)).subtracting(scenario.items.map(\.id))
        let sources = Set(try await SourceRecord.query(on: db).all().map(\.code))
            .subtracting(scenario.lines.map(\.id)).subtracting(scenario.supplies.map(\.id))
        guard !items.isEmpty || !sources.isEmpty else { return }
        var orphans: [ScenarioReference] = []
        for check in references { orphans += try await check.find(items, sources, db) }
        if !orphans.isEmpty { throw OrphanedReferencesError(references: orphans) }
    }

    /// Batched multi-row inserts; small enough batches for SQLite's bound-parameter limit.
    static func insert<M: Model>(_ records: [M], batch: Int = 500, on db: any Database) async throws {
        var start = 0
        while start < records.count {
            let end = min(start + batch, records.count)
            try await Array(records[start..<end]).create(on: db)
            start = end
        }
    }
}
