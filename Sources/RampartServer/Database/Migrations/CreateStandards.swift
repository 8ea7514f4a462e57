import Fluent
import FluentSQL
import SQLKit

/// 021: the standards registry: standards (code, edition, title, domain, status, the one that superseded it), each
/// nation's ratification and implementation of a standard, and the items that conform to one.
struct CreateStandards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("standards")
            .id()
            .field("code", .string, .required)
            .field("edition", .string, .required)
            .field("title", .string, .required)
            .field("domain", .string, .required)
            .field("status", .string, .required)
            .field("superseded_by", .string)
            .field("version", .int, .required)
            .unique(on: "code")
            .create()
        try await database.schema("ratifications")
            .id()
            .field("standard_code", .string, .required)
            .field("nation", .string, .required)
            .field("status", .string, .required)
            .field("planned_on", .string)
            .field("implemented_on", .string)
            .field("version", .int, .required)
            .unique(on: "standard_code", "nation")
            .create()
        try await database.schema("standard_items")
            .id()
            .field("standard_code", .string, .required)
            .field("item_code", .string, .required)
            .unique(on: "standard_code", "item_code")
            .create()
        try await SQLAccess.sql(database).raw("CREATE INDEX standard_items_item ON standard_items (item_code)").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["standard_items", "ratifications", "standards"] { try await database.schema(table).delete() }
    }
}
