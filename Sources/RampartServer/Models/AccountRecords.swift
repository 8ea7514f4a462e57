import RampartCore
import Fluent
import Foundation

final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @OptionalField(key: "nation") var nation: String?
    @OptionalField(key: "company") var company: String?
    @Field(key: "verified") var verified: Bool
    @Field(key: "newsletter") var newsletter: Bool
    @Field(key: "unsubscribe_token") var unsubscribeToken: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [$id, $email, $displayName, $passwordHash, $role, $nation, $company, $verified, $newsletter, $unsubscribeToken,
         $version, $createdAt]
    }

    init() {}

    init(email: String, displayName: String, passwordHash: String, role: Role, nation: String?, company: String?,
         verified: Bool, unsubscribeToken: String) {
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.nation = nation
        self.company = company
        self.verified = verified
        self.newsletter = false
        self.unsubscribeToken = unsubscribeToken
        self.version = 1
    }
}

/// A single-use code sent by mail: `purpose` is "verify" or "reset". Only its hash is stored.
final class OneTimeCodeRecord: Model, @unchecked Sendable {
    static let schema = "one_time_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [$id, $userID, $purpose, $codeHash, $attempts, $expiresAt, $usedAt, $createdAt]
    }

    init() {}

    init(userID: UUID, purpose: CodePurpose, codeHash: String, expiresAt: Date, createdAt: Date) {
        self.userID = userID
        self.purpose = purpose.rawValue
        self.codeHash = codeHash
        self.attempts = 0
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }
}

enum CodePurpose: String, Sendable {
    case verify, reset
}

/// A signed-in browser: the cookie holds the token, the table its SHA-256.
final class WebSessionRecord: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "expires_at") var expiresAt: Date

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $tokenHash, $userID, $csrfToken, $expiresAt] }

    init() {}

    init(tokenHash: String, userID: UUID, csrfToken: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// A bearer token for machine clients; only its SHA-256 is stored.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $tokenHash, $userID, $name, $createdAt] }

    init() {}

    init(tokenHash: String, userID: UUID, name: String) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.name = name
    }
}

/// One counted attempt for rate limiting; `key` is e.g. "signin:account:<email>" or "signin:ip:<address>".
final class RateLimitHitRecord: Model, @unchecked Sendable {
    static let schema = "rate_limit_hits"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "at") var at: Date

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $key, $at] }

    init() {}

    init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}
