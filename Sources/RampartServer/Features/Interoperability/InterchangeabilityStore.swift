import Fluent
import Foundation
import RampartCore
import SQLKit

/// Keeps the stored interchangeability matrix equal to what the fleets, qualifications and recognitions derive.
/// Every change to those records runs `change`: it takes its turn on the one state row first (so two changes never
/// derive from what the other is replacing, on either database), makes the change, and rebuilds the matrix, all in
/// one transaction.
enum InterchangeabilityStore {
    static func change<T: Sendable>(
        now: Date, on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await db.transaction { tx in
            try await takeTurn(on: tx)
            let result = try await body(tx)
            try await rebuild(now: now, on: tx)
            return result
        }
    }

    /// Updates the state row: until the transaction ends, every other change waits here.
    static func takeTurn(on tx: any Database) async throws {
        try await SQLAccess.sql(tx).raw("UPDATE interchangeability_state SET generation = generation + 1 WHERE id = 1").run()
    }

    static func state(on db: any Database) async throws -> InterchangeabilityStateRecord? {
        try await InterchangeabilityStateRecord.find(1, on: db)
    }

    /// The fleets (of at least one system), qualifications and recognitions, as core values.
    static func records(on db: any Database) async throws -> (fleets: [Fleet], qualifications: [Qualification], recognitions: [Recognition])
    {
        let sql = try SQLAccess.sql(db)
        let fleets = try await sql.raw("SELECT nation, system_code, count FROM fleets WHERE count > 0").all().map { row in
            Fleet(
                nation: try row.decode(column: "nation", as: String.self), system: try row.decode(column: "system_code", as: String.self),
                count: try row.decode(column: "count", as: Int.self))
        }
        let qualifications = try await sql.raw("SELECT item_code, system_code, nation, qualified_on FROM qualifications").all()
            .compactMap { row -> Qualification? in
                guard let day = CalendarDay(iso: try row.decode(column: "qualified_on", as: String.self)) else { return nil }
                return Qualification(
                    item: try row.decode(column: "item_code", as: String.self),
                    system: try row.decode(column: "system_code", as: String.self),
                    nation: try row.decode(column: "nation", as: String.self), qualifiedOn: day)
            }
        let recognitions = try await sql.raw("SELECT nation, recognises FROM recognitions").all().map { row in
            Recognition(
                nation: try row.decode(column: "nation", as: String.self), recognises: try row.decode(column: "recognises", as: String.self)
            )
        }
        return (fleets, qualifications, recognitions)
    }

    /// The matrix as the stored records derive it.
    static func derive(on db: any Database) async throws -> InterchangeabilityMatrix {
        let records = try await records(on: db)
        return InterchangeabilityMatrix.derive(
            fleets: records.fleets, qualifications: records.qualifications, recognitions: records.recognitions)
    }

    /// Replaces the stored cells, and each qualified munition's line, with the derived ones.
    static func rebuild(now: Date, on db: any Database) async throws {
        let records = try await records(on: db)
        let matrix = InterchangeabilityMatrix.derive(
            fleets: records.fleets, qualifications: records.qualifications, recognitions: records.recognitions)
        let sql = try SQLAccess.sql(db)
        try await sql.raw("DELETE FROM interchangeability_cells").run()
        try await BulkInsert.rows(
            into: InterchangeabilityCellRecord.schema, columns: ["id", "nation", "item_code", "routes"],
            matrix.cells.map { [UUID(), $0.nation, $0.item, InterchangeabilityCellRecord.text($0.routes)] }, perStatement: 400, on: db)
        let calibreOf = Dictionary(
            try await sql.raw("SELECT code, calibre FROM weapon_systems").all().map {
                (try $0.decode(column: "code", as: String.self), try $0.decode(column: "calibre", as: String.self))
            }, uniquingKeysWith: { a, _ in a })
        var calibres: [String: Set<String>] = [:]
        for q in records.qualifications {
            let calibre = calibreOf[q.system] ?? ""
            calibres[q.item, default: []].formUnion(calibre.isEmpty ? [] : [calibre])
        }
        let users = matrix.usersByItem
        try await sql.raw("DELETE FROM interchangeability_munitions").run()
        try await BulkInsert.rows(
            into: InterchangeabilityMunitionRecord.schema, columns: ["id", "item_code", "users", "calibres"],
            calibres.keys.sorted().map { item in
                [UUID(), item, users[item]?.count ?? 0, InterchangeabilityMunitionRecord.text((calibres[item] ?? []).sorted())]
            }, perStatement: 400, on: db)
        try await sql.raw(
            "UPDATE interchangeability_state SET cells = \(bind: matrix.cells.count), rebuilt_at = \(bind: now) WHERE id = 1"
        ).run()
    }
}
