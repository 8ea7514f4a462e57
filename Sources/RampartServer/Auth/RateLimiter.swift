import Fluent
import Foundation

/// Counts attempts per key in a sliding window, in the database, so every server instance shares the count.
struct RateLimiter: Sendable {
    struct Rule: Sendable {
        var name: String
        var limit: Int
        var window: TimeInterval
    }

    static let signInPerAccount = Rule(name: "signin:account", limit: 5, window: 15 * 60)
    static let signInPerAddress = Rule(name: "signin:address", limit: 30, window: 15 * 60)
    static let codePerAccount = Rule(name: "code:account", limit: 10, window: 15 * 60)
    static let codePerAddress = Rule(name: "code:address", limit: 30, window: 15 * 60)
    static let resetPerAccount = Rule(name: "reset:account", limit: 3, window: 60 * 60)
    static let resetPerAddress = Rule(name: "reset:address", limit: 10, window: 60 * 60)
    static let mailPerAccount = Rule(name: "mail:account", limit: 5, window: 60 * 60)

    /// Records one attempt and reports whether it is over the limit. Over-limit attempts count too.
    static func hit(_ rule: Rule, key: String, now: Date, on db: any Database) async throws -> Bool {
        let fullKey = "\(rule.name):\(key.lowercased())"
        let since = now.addingTimeInterval(-rule.window)
        let recent = try await RateLimitHitRecord.query(on: db).filter(\.$key == fullKey).filter(\.$at > since).count()
        try await RateLimitHitRecord(key: fullKey, at: now).create(on: db)
        return recent >= rule.limit
    }

    /// Forgets the attempts of `key` (after a successful sign-in, failures no longer count).
    static func clear(_ rule: Rule, key: String, on db: any Database) async throws {
        try await RateLimitHitRecord.query(on: db).filter(\.$key == "\(rule.name):\(key.lowercased())").delete()
    }

    static func prune(before: Date, on db: any Database) async throws {
        try await RateLimitHitRecord.query(on: db).filter(\.$at < before).delete()
    }
}
