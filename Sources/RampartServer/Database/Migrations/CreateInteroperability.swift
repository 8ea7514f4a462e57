import Fluent
import Foundation
import SQLKit

/// 019: weapon systems, the fleets nations operate, the qualifications of munitions for systems, the recognitions
/// between nations, and the interchangeability matrix derived from them (rebuilt in the transaction of every change
/// to them, with `interchangeability_munitions`, each qualified munition's count of users and calibres, which the
/// matrix's lists filter and sort on; `interchangeability_state` is the one row each such transaction updates first,
/// so that they take turns).
struct CreateInteroperability: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("weapon_systems")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("calibre", .string, .required)
            .field("version", .int, .required)
            .unique(on: "code")
            .create()
        try await database.schema("fleets")
            .id()
            .field("nation", .string, .required)
            .field("system_code", .string, .required)
            .field("count", .int, .required)
            .field("version", .int, .required)
            .unique(on: "nation", "system_code")
            .create()
        try await database.schema("qualifications")
            .id()
            .field("item_code", .string, .required)
            .field("system_code", .string, .required)
            .field("nation", .string, .required)
            .field("qualified_on", .string, .required)
            .unique(on: "item_code", "system_code", "nation")
            .create()
        try await database.schema("recognitions")
            .id()
            .field("nation", .string, .required)
            .field("recognises", .string, .required)
            .unique(on: "nation", "recognises")
            .create()
        try await database.schema("interchangeability_cells")
            .id()
            .field("nation", .string, .required)
            .field("item_code", .string, .required)
            .field("routes", .string, .required)
            .unique(on: "item_code", "nation")
            .create()
        try await database.schema("interchangeability_munitions")
            .id()
            .field("item_code", .string, .required)
            .field("users", .int, .required)
            .field("calibres", .string, .required)
            .unique(on: "item_code")
            .create()
        try await database.schema("interchangeability_state")
            .field("id", .int, .identifier(auto: false))
            .field("generation", .int, .required)
            .field("rebuilt_at", .datetime)
            .field("cells", .int, .required)
            .create()
        let sql = try SQLAccess.sql(database)
        try await sql.raw("CREATE INDEX qualifications_system ON qualifications (system_code, nation)").run()
        try await sql.raw("CREATE INDEX fleets_system ON fleets (system_code)").run()
        try await sql.raw("INSERT INTO interchangeability_state (id, generation, cells) VALUES (1, 0, 0)").run()
    }

    func revert(on database: any Database) async throws {
        for table in [
            "interchangeability_state", "interchangeability_munitions", "interchangeability_cells", "recognitions", "qualifications",
            "fleets", "weapon_systems",
        ] {
            try await database.schema(table).delete()
        }
    }
}
