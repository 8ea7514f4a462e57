import Foundation

/// The sign-in failure policy (docs/server.md, "Limits"). Only failures count, and per account *and* client
/// address: after 5 failures in 15 minutes from one address, each further attempt from there waits a delay that
/// doubles (1 s, 2 s, 4 s, … up to 15 minutes) after the latest failure; the owner signing in from another address
/// is not delayed. Per account, 100 failures a day lock it until the owner follows the link mailed to them.
enum SignInGuard {
    static let freeFailures = 5
    static let maxDelay: TimeInterval = 15 * 60
    static let dailyFailures = 100

    /// Failures per account and client address bucket, in 15 minutes.
    static let perAddress = RateLimiter.Rule(name: "signin:failure", limit: freeFailures, window: 15 * 60)
    /// Failures per account, from anywhere, in a day.
    static let perDay = RateLimiter.Rule(name: "signin:daily", limit: dailyFailures, window: 24 * 3600)
    static let unlockLifetime: TimeInterval = 24 * 3600

    /// How long after the latest failure the next attempt waits, given `failures` recent ones.
    static func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        return min(pow(2, Double(min(failures - freeFailures, 20))), maxDelay)
    }

    /// The key of an account and an address bucket; an e-mail address that does not read is keyed by its digest.
    static func pairKey(email: String, bucket: String) -> String { "\(email)|\(bucket)" }
}
