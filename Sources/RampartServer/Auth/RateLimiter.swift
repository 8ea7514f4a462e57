import Fluent
import Foundation
import SQLKit

/// Counts attempts per key in a sliding window, in the database, so every server instance shares the count.
///
/// An attempt is first recorded and only then counted, each in a statement of its own outside any transaction:
/// of many requests at once, the one counted last sees every row the others wrote before their own count, so no
/// more than `limit` of them can find themselves within it, on SQLite and PostgreSQL alike.
struct RateLimiter: Sendable {
    struct Rule: Sendable {
        var name: String
        var limit: Int
        var window: TimeInterval
    }

    /// Checks of e-mailed codes, per address they were sent to: the code's 30 minutes allow 5 wrong tries, known
    /// address or not; a new code clears the count.
    static let verifyCodePerRecipient = Rule(name: "code:verify", limit: 5, window: 30 * 60)
    static let resetCodePerRecipient = Rule(name: "code:reset", limit: 5, window: 30 * 60)
    static let codePerAddress = Rule(name: "code:address", limit: 30, window: 15 * 60)
    static let resetPerRecipient = Rule(name: "reset:recipient", limit: 3, window: 60 * 60)
    static let resetPerAddress = Rule(name: "reset:address", limit: 10, window: 60 * 60)
    /// Registration and verification mails, per recipient and per client address (whoever the recipient is).
    static let mailPerRecipient = Rule(name: "mail:recipient", limit: 5, window: 60 * 60)
    static let registrationPerAddress = Rule(name: "register:address", limit: 10, window: 60 * 60)
    static let resendPerAddress = Rule(name: "resend:address", limit: 20, window: 60 * 60)

    /// Housekeeping keeps counts this long: the daily sign-in failures' window.
    static let longestWindow: TimeInterval = SignInGuard.perDay.window

    /// One recorded attempt: `count` is how many the window holds with it.
    struct Attempt: Sendable {
        var id: UUID
        var count: Int
        var limit: Int
        var over: Bool { count > limit }
    }

    /// Records one attempt and counts the window with it.
    static func record(_ rule: Rule, key: String, now: Date, on db: any Database) async throws -> Attempt {
        let fullKey = fullKey(rule, key)
        let id = UUID()
        let hit = RateLimitHitRecord(key: fullKey, at: now)
        hit.id = id
        try await hit.create(on: db)
        let count = try await RateLimitHitRecord.query(on: db).filter(\.$key == fullKey)
            .filter(\.$at > now.addingTimeInterval(-rule.window)).count()
        return Attempt(id: id, count: count, limit: rule.limit)
    }

    /// Records one attempt and reports whether it is over the limit. Over-limit attempts count too.
    static func hit(_ rule: Rule, key: String, now: Date, on db: any Database) async throws -> Bool {
        try await record(rule, key: key, now: now, on: db).over
    }

    /// Takes back one recorded attempt (it was refused before it was tried, or it succeeded).
    static func withdraw(_ attempt: Attempt, on db: any Database) async throws {
        try await RateLimitHitRecord.query(on: db).filter(\.$id == attempt.id).delete()
    }

    /// The attempts of `key` in the window, other than `excluding`: how many, and when the latest was.
    static func recent(_ rule: Rule, key: String, now: Date, excluding: UUID?, on db: any Database) async throws -> (count: Int, latest: Date?) {
        var query = RateLimitHitRecord.query(on: db).filter(\.$key == fullKey(rule, key))
            .filter(\.$at > now.addingTimeInterval(-rule.window))
        if let excluding { query = query.filter(\.$id != excluding) }
        let count = try await query.count()
        let latest = count == 0 ? nil : try await query.copy().max(\.$at)
        return (count, latest)
    }

    /// Forgets the attempts of `key`.
    static func clear(_ rule: Rule, key: String, on db: any Database) async throws {
        try await RateLimitHitRecord.query(on: db).filter(\.$key == fullKey(rule, key)).delete()
    }

    static func prune(before: Date, on db: any Database) async throws {
        try await RateLimitHitRecord.query(on: db).filter(\.$at < before).delete()
    }

    private static func fullKey(_ rule: Rule, _ key: String) -> String { "\(rule.name):\(key.lowercased())" }
}
