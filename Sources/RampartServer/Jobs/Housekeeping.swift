import Fluent
import Foundation

/// Removes what has stopped mattering: expired sessions, spent or expired codes, old rate-limit counts.
enum Housekeeping {
    static let interval: TimeInterval = 10 * 60

    static func run(on db: any Database, now: Date) async throws {
        try await WebSessionRecord.query(on: db).filter(\.$expiresAt < now).delete()
        try await OneTimeCodeRecord.query(on: db).filter(\.$expiresAt < now.addingTimeInterval(-24 * 3600)).delete()
        try await RateLimiter.prune(before: now.addingTimeInterval(-2 * 3600), on: db)
    }
}
