import Fluent
import Foundation
import RampartCore
import Vapor

/// Staff assign a role, and the nation or company it acts for.
struct RolePatch: Content, Sendable {
    var role: Role
    var nation: String?
    var company: String?
    var version: Int
}

enum UserRoleEditor {
    static func update(_ id: UUID, with patch: RolePatch, by person: SignedIn, now: Date, on db: any Database) async throws -> UserRecord {
        guard AccessPolicy.canAdministerAccounts(person.principal) else {
            throw Abort(.forbidden, reason: "only Alliance staff assign roles")
        }
        guard let user = try await UserRecord.find(id, on: db) else { throw Abort(.notFound, reason: "no such account") }
        let nation = patch.nation?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        let company = patch.company?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        switch patch.role {
        case .delegate:
            guard let nation else { throw InputError("nation", "a national delegate acts for one nation: choose it") }
            guard try await NationRecord.query(on: db).filter(\.$code == nation).first() != nil else {
                throw InputError("nation", "no nation with code \"\(nation)\"")
            }
        case .industry:
            guard let company else { throw InputError("company", "an industry representative acts for one company: choose it") }
            guard try await CompanyRecord.query(on: db).filter(\.$name == company).first() != nil else {
                throw InputError("company", "no company named \"\(company)\"")
            }
        case .staff, .observer: break
        }
        if user.id == person.user.id, patch.role != .staff {
            throw InputError("role", "you cannot take the staff role from yourself; ask another staff member")
        }
        return try await db.transaction { tx in
            guard try await VersionGuard.bump("users", keyColumn: "email", key: user.email, expected: patch.version, on: tx) else {
                throw InputError.conflict("account", current: user.version)
            }
            let before = fields(user)
            user.role = patch.role.rawValue
            user.nation = patch.role == .delegate ? nation : nil
            user.company = patch.role == .industry ? company : nil
            user.version = patch.version + 1
            try await user.save(on: tx)
            try await Audit.record(
                person.actor, entity: "user", key: user.email, action: "assign role",
                changes: Audit.diff(before, fields(user)), at: now, on: tx)
            return user
        }
    }

    private static func fields(_ u: UserRecord) -> [(String, String)] {
        [("role", u.role), ("nation", u.nation ?? ""), ("company", u.company ?? "")]
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
