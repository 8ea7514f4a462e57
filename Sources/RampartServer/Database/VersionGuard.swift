import Fluent
import SQLKit
import Vapor

/// Optimistic locking: moves a record from `expected` to the next version in one statement, so of two
/// people saving the same version only the first succeeds; the second gets a conflict.
enum VersionGuard {
    static func bump(_ table: String, keyColumn: String, key: String, expected: Int, on db: any Database) async throws -> Bool {
        let sql = try SQLAccess.sql(db)
        struct Row: Decodable { var version: Int }
        let row = try await sql.raw(
            """
            UPDATE \(ident: table) SET version = version + 1 WHERE \(ident: keyColumn) = \(bind: key) AND version = \(bind: expected) RETURNING version
            """
        ).first(decoding: Row.self)
        return row != nil
    }

    /// Deletes the record if it is still at `expected`; false when someone changed (or deleted) it first.
    static func delete(_ table: String, keyColumn: String, key: String, expected: Int, on db: any Database) async throws -> Bool {
        let sql = try SQLAccess.sql(db)
        struct Row: Decodable { var version: Int }
        let row = try await sql.raw(
            """
            DELETE FROM \(ident: table) WHERE \(ident: keyColumn) = \(bind: key) AND version = \(bind: expected) RETURNING version
            """
        ).first(decoding: Row.self)
        return row != nil
    }
}
