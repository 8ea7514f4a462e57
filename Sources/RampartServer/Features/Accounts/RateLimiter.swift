import Fluent
import Foundation
import SQLKit

/// Counts attempts per key in a sliding window, in the database, so every server instance shares the count.
///
/// An attempt is first recorded and only then counted, each in a statement of its own outside any transaction:
/// of many requests at once, the one counted last sees every row the others wrote before their own count, so no
/// more than `limit` of them can find themselves within it, on SQLite and PostgreSQL alike. An attempt refused
/// is taken back, so that refused requests (a burst, an attacker's) do not keep the limit full for its owner.
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
    /// Mails asked for one recipient are limited per client address asking, and in all: one client cannot
    /// use up a recipient's allowance for everyone, nor can many clients flood a mailbox.
    static let resetPerRecipientAndAddress = Rule(name: "reset:recipient+address", limit: 3, window: 60 * 60)
    static let resetPerRecipient = Rule(name: "reset:recipient", limit: 10, window: 60 * 60)
    static let resetPerAddress = Rule(name: "reset:address", limit: 10, window: 60 * 60)
    /// Registration and verification mails, per recipient (and client address) and per client address.
    static let mailPerRecipientAndAddress = Rule(name: "mail:recipient+address", limit: 5, window: 60 * 60)
    static let mailPerRecipient = Rule(name: "mail:recipient", limit: 20, window: 60 * 60)
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

    /// Records one attempt under each rule and key; when any is over its limit, takes them all back and answers
    /// false: a request is admitted by every limit or counted by none.
    static func admit(_ checks: [(rule: Rule, key: String)], now: Date, on db: any Database) async throws -> Bool {
        var attempts: [Attempt] = []
        for check in checks { attempts.append(try await record(check.rule, key: check.key, now: now, on: db)) }
        guard attempts.contains(where: \.over) else { return true }
        for attempt in attempts { try await withdraw(attempt, on: db) }
        return false
    }

    /// Takes back one recorded attempt (it was refused before it was tried, or it succeeded).
    static func withdraw(_ attempt: Attempt, on db: any Database) async throws {
        try await RateLimitHitRecord.query(on: db).filter(\.$id == attempt.id).delete()
    }

    /// The attempts of `key` in the window, other than `excluding`: how many, and when the latest was.
    static func recent(
        _ rule: Rule, key: String, now: Date, excluding: UUID?, on db: any Database
    ) async throws -> (count: Int, latest: Date?) {
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
