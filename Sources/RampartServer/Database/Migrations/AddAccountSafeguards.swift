import Fluent
import Foundation
import SQLKit

/// 009: pending registrations (each with its own code and password, so registering an address that is not yet
/// verified cannot change a password someone else chose); account lock-outs; API tokens' expiry and scope.
/// Accounts never verified move to pending registrations, with their
/// code, and API tokens that exist expire 90 days after this migration.
struct AddAccountSafeguards: AsyncMigration {
    static let legacyTokenLifetime: TimeInterval = 90 * 24 * 3600

    func prepare(on database: any Database) async throws {
        try await database.schema("pending_registrations")
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("code_hash", .string, .required)
            .field("attempts", .int, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("users").field("locked_at", .datetime).update()
        // One column per statement: SQLite adds one at a time.
        try await database.schema("api_tokens").field("expires_at", .datetime).update()
        try await database.schema("api_tokens").field("scope", .string).update()

        let sql = try SQLAccess.sql(database)
        try await sql.raw("CREATE INDEX pending_registrations_email ON pending_registrations (email)").run()
        try await sql.raw(
            """
            UPDATE api_tokens SET expires_at = \(bind: Date().addingTimeInterval(Self.legacyTokenLifetime)), scope = 'read-write'
            """
        ).run()
        try await moveUnverifiedAccounts(sql)
    }

    /// Each account never verified becomes a pending registration with the same id, so its latest verification
    /// code (whose digest is salted with that id) still works until it expires.
    private func moveUnverifiedAccounts(_ sql: any SQLDatabase) async throws {
        struct Account: Decodable {
            var id: UUID; var email: String; var display_name: String; var password_hash: String; var created_at: Date?
        }
        struct Code: Decodable { var code_hash: String; var attempts: Int; var expires_at: Date; var created_at: Date }
        let accounts = try await sql.raw(
            "SELECT id, email, display_name, password_hash, created_at FROM users WHERE verified = \(bind: false)"
        )
        .all(decoding: Account.self)
        for account in accounts {
            let code = try await sql.raw(
                """
                SELECT code_hash, attempts, expires_at, created_at FROM one_time_codes
                WHERE user_id = \(bind: account.id) AND purpose = 'verify' AND used_at IS NULL ORDER BY created_at DESC LIMIT 1
                """
            ).first(decoding: Code.self)
            let createdAt = code?.created_at ?? account.created_at ?? Date()
            try await sql.raw(
                """
                INSERT INTO pending_registrations (id, email, display_name, password_hash, code_hash, attempts, expires_at, created_at)
                VALUES (\(bind: account.id), \(bind: account.email), \(bind: account.display_name), \(bind: account.password_hash),
                        \(bind: code?.code_hash ?? "-"), \(bind: code?.attempts ?? AccountService.codeAttempts),
                        \(bind: code?.expires_at ?? createdAt), \(bind: createdAt))
                """
            ).run()
            try await sql.raw("DELETE FROM one_time_codes WHERE user_id = \(bind: account.id)").run()
            try await sql.raw("DELETE FROM users WHERE id = \(bind: account.id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").deleteField("scope").update()
        try await database.schema("api_tokens").deleteField("expires_at").update()
        try await database.schema("users").deleteField("locked_at").update()
        try await database.schema("pending_registrations").delete()
    }
}
