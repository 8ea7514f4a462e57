import Fluent

/// 003: accounts, codes, sessions, tokens, rate limits.
struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("nation", .string)
            .field("company", .string)
            .field("verified", .bool, .required)
            .field("newsletter", .bool, .required)
            .field("unsubscribe_token", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .unique(on: "unsubscribe_token")
            .create()
        try await database.schema("one_time_codes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("code_hash", .string, .required)
            .field("attempts", .int, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("web_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("api_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("rate_limit_hits")
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["rate_limit_hits", "api_tokens", "web_sessions", "one_time_codes", "users"] {
            try await database.schema(table).delete()
        }
    }
}
