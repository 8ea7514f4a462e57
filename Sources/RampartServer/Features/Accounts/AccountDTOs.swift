import Fluent
import Foundation
import RampartCore
import Vapor

/// Accounts and API tokens as `/api/v1` sends them.
extension API {
    struct UserDTO: Content {
        var id: UUID?
        var email: String
        var displayName: String
        var role: Role
        var nation: String?
        var company: String?
        var verified: Bool
        var newsletter: Bool
        var version: Int

        init(_ u: UserRecord) {
            id = u.id; email = u.email; displayName = u.displayName; role = Role(rawValue: u.role) ?? .observer
            nation = u.nation; company = u.company; verified = u.verified; newsletter = u.newsletter; version = u.version
        }
    }

    struct TokenDTO: Content {
        var id: UUID?
        var name: String
        var createdAt: Date?
        var expiresAt: Date?
        var scope: TokenScope
        /// Only in the answer that creates it.
        var token: String?

        init(_ record: APITokenRecord, token: String?) {
            id = record.id; name = record.name; createdAt = record.createdAt; expiresAt = record.expiresAt
            scope = record.tokenScope; self.token = token
        }
    }
}
