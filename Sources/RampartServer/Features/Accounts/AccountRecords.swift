import Fluent
import Foundation
import RampartCore

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
    @OptionalField(key: "created_at") var createdAt: Date?
    /// Set when the account passed the daily limit of failed sign-ins; cleared by the link mailed to its owner.
    @OptionalField(key: "locked_at") var lockedAt: Date?

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [
            $id, $email, $displayName, $passwordHash, $role, $nation, $company, $verified, $newsletter, $unsubscribeToken,
            $version, $createdAt, $lockedAt,
        ]
    }

    init() {}

    init(
        email: String, displayName: String, passwordHash: String, role: Role, nation: String?, company: String?,
        verified: Bool, unsubscribeToken: String, createdAt: Date
    ) {
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
        self.createdAt = createdAt
    }
}

/// A single-use code sent by mail: `purpose` is "reset" or "unlock" ("verify" before migration 009). Only its hash
/// is stored.
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
    case verify, reset, unlock
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
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "expires_at") var expiresAt: Date?
    /// `TokenScope`'s raw value.
    @OptionalField(key: "scope") var scope: String?

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $tokenHash, $userID, $name, $createdAt, $expiresAt, $scope] }

    init() {}

    init(tokenHash: String, userID: UUID, name: String, scope: TokenScope, expiresAt: Date, createdAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.name = name
        self.scope = scope.rawValue
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }

    var tokenScope: TokenScope { scope.flatMap(TokenScope.init(rawValue:)) ?? .read }
}

/// What a bearer token may do: read only, or read and write.
enum TokenScope: String, Sendable, Codable, CaseIterable {
    case read
    case readWrite = "read-write"
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

/// A registration of an address not yet verified: its own password and its own code. Proving the code creates
/// the account with this password and ends every other pending registration of the address.
final class PendingRegistrationRecord: Model, @unchecked Sendable {
    static let schema = "pending_registrations"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [$id, $email, $displayName, $passwordHash, $codeHash, $attempts, $expiresAt, $usedAt, $createdAt]
    }

    init() {}

    init(id: UUID, email: String, displayName: String, passwordHash: String, codeHash: String, expiresAt: Date, createdAt: Date) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.codeHash = codeHash
        self.attempts = 0
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }
}
