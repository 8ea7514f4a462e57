import Fluent
import Foundation

/// Removes what has stopped mattering: expired sessions, spent or expired codes and registrations, rate-limit
/// counts older than the longest window (a day, for the daily sign-in failures), and jobs that succeeded more than
/// `finishedJobsKept` ago (what they made stays: a plan run keeps its results; failed jobs stay, for their errors).
enum Housekeeping {
    static let interval: TimeInterval = 10 * 60
    static let finishedJobsKept: TimeInterval = 30 * 86_400

    static func run(on db: any Database, now: Date) async throws {
        try await WebSessionRecord.query(on: db).filter(\.$expiresAt < now).delete()
        try await OneTimeCodeRecord.query(on: db).filter(\.$expiresAt < now.addingTimeInterval(-24 * 3600)).delete()
        try await PendingRegistrationRecord.query(on: db)
            .filter(\.$createdAt < now.addingTimeInterval(-AccountService.registrationLifetime - 24 * 3600)).delete()
        try await RateLimiter.prune(before: now.addingTimeInterval(-RateLimiter.longestWindow - 3600), on: db)
        try await JobRecord.query(on: db).filter(\.$status == .succeeded)
            .filter(\.$finishedAt < now.addingTimeInterval(-finishedJobsKept)).delete()
    }
}
