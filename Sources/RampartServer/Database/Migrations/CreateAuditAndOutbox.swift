import Fluent

/// 004: the audit trail and the mail outbox.
struct CreateAuditAndOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .id()
            .field("actor_id", .uuid)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .field("entity", .string, .required)
            .field("entity_key", .string, .required)
            .field("action", .string, .required)
            .field("changes", .string, .required)
            .create()
        try await database.schema("outbox_mails")
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("unsubscribe_url", .string)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("sent_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_mails").delete()
        try await database.schema("audit_entries").delete()
    }
}
