import Fluent
import Foundation
import RampartCore
import SQLKit
import Vapor

/// A new demand as a nation's delegate (or Alliance staff) enters it; the fields of the scenario file's demands.
struct NewDemand: Content, Sendable {
    var id: String
    var item: String?
    var `class`: String?
    var qty: Double
    var dueMonth: Int
    var priority: Int
    var released: Bool?
    /// Under contract; foreseeable when absent.
    var firm: Bool?
}

/// Entering and withdrawing a nation's demands: who may, what a valid one is, and the audit trail.
enum DemandEntry {
    /// What is wrong with a new demand's id and target (an item or a class, one that exists), as "field: problem".
    static func targetProblems(
        id: String, item: String?, class itemClass: String?, nation: String, on db: any Database
    ) async throws
        -> [String]
    {
        var problems = DemandID.problem(id, nation: nation).map { ["id: \($0)"] } ?? []
        switch (item?.isEmpty == false ? item : nil, itemClass?.isEmpty == false ? itemClass : nil) {
        case (.some, .some): problems.append("item: name an item or a class, not both")
        case (.none, .none): problems.append("item: name an item or a class")
        case (.some(let item), .none):
            if try await ItemRecord.query(on: db).filter(\.$code == item).count() == 0 { problems.append("item: unknown item \"\(item)\"") }
        case (.none, .some(let itemClass)):
            if try await ItemRecord.query(on: db).filter(\.$itemClass == itemClass).count() == 0 {
                problems.append("class: unknown class \"\(itemClass)\"")
            }
        }
        return problems
    }

    static func create(_ new: NewDemand, nation: String, by person: SignedIn, now: Date, on db: any Database) async throws -> DemandRecord {
        guard AccessPolicy.canEditDemands(person.principal, nation: nation) else {
            throw Abort(.forbidden, reason: "only \(nation)'s delegates and Alliance staff enter its demands")
        }
        guard try await NationDirectory.exists(nation, on: db) else {
            throw Abort(.notFound, reason: "no nation \(nation): demands are entered for the Allies and partners of the Alliance")
        }
        guard let settings = try await ScenarioSettingsRecord.query(on: db).first() else {
            throw InputError(problems: ["there is no scenario to add demands to: import one first"], status: .conflict)
        }
        let id = new.id.trimmingCharacters(in: .whitespaces)
        var problems = try await targetProblems(id: id, item: new.item, class: new.class, nation: nation, on: db)
        problems += DemandEditor.problems(qty: new.qty, dueMonth: new.dueMonth, priority: new.priority, horizon: settings.horizonMonths)
        if !problems.isEmpty {
            throw InputError(problems: problems, field: problems.count == 1 ? String(problems[0].prefix { $0 != ":" }) : nil)
        }

        let demand = DemandRecord(
            code: id, nation: nation, itemCode: new.item?.isEmpty == false ? new.item : nil,
            itemClass: new.class?.isEmpty == false ? new.class : nil, qty: new.qty, dueMonth: new.dueMonth,
            priority: new.priority, released: new.released ?? false, firm: new.firm ?? false, position: 0)
        do {
            // Writes first: on SQLite a transaction that reads before it writes cannot take the write lock while
            // another connection (a plan run's) writes, and fails at once instead of waiting.
            try await db.transaction { tx in
                try await insert(demand, nationName: Alliance.name(of: nation), on: tx)
                try await DemandState.advance(on: tx)
                try await RecordCounts.store(on: tx)
                try await Audit.record(
                    person.actor, entity: "demand", key: id, action: "create",
                    changes: fields(demand).map { Audit.Change(field: $0.0, old: "", new: $0.1) }, at: now, on: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            if try await DemandRecord.query(on: db).filter(\.$code == id).count() > 0 {
                throw InputError("id", "a demand \(id) already exists; choose another id", status: .conflict)
            }
            // Two demands entered at the same moment took the same place: the second is asked to try again.
            throw InputError("id", "another demand was entered at the same moment; send it again", status: .conflict)
        }
        guard let stored = try await DemandRecord.query(on: db).filter(\.$code == id).first() else {
            throw Abort(.internalServerError, reason: "the demand \(id) was stored but cannot be read back")
        }
        return stored
    }

    /// The demand, at the end of the list, and its nation if it is new, in statements that write.
    private static func insert(_ d: DemandRecord, nationName: String, on tx: any Database) async throws {
        let sql = try SQLAccess.sql(tx)
        try await sql.raw(
            """
            INSERT INTO nations (id, code, name) SELECT \(bind: UUID()), \(bind: d.nation), \(bind: nationName)
            WHERE NOT EXISTS (SELECT 1 FROM nations WHERE code = \(bind: d.nation))
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO demands (id, code, nation, item_code, item_class, qty, due_month, priority, released, firm, position, version)
            SELECT \(bind: UUID()), \(bind: d.code), \(bind: d.nation), \(bind: d.itemCode), \(bind: d.itemClass), \(bind: d.qty),
                   \(bind: d.dueMonth), \(bind: d.priority), \(bind: d.released), \(bind: d.firm), COALESCE(MAX(position), -1) + 1, 1 FROM demands
            """
        ).run()
    }

    /// Withdraws a demand at the version the person read; a stale version is a conflict, as for an edit.
    static func delete(_ code: String, version: Int, by person: SignedIn, now: Date, on db: any Database) async throws {
        let demand = try await DemandEditor.editable(code, by: person, on: db)
        try await db.transaction { tx in
            guard try await VersionGuard.delete("demands", keyColumn: "code", key: code, expected: version, on: tx) else {
                throw InputError.conflict("demand", current: demand.version)
            }
            try await RecordCounts.store(on: tx)
            try await DemandState.advance(on: tx)
            try await Audit.record(
                person.actor, entity: "demand", key: code, action: "delete",
                changes: fields(demand).map { Audit.Change(field: $0.0, old: $0.1, new: "") }, at: now, on: tx)
        }
    }

    private static func fields(_ d: DemandRecord) -> [(String, String)] {
        [("nation", d.nation), ("target", d.target)] + DemandEditor.fields(d)
    }
}
