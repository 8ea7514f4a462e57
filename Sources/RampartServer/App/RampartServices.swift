import Fluent
import Vapor

/// What every handler needs besides the request: the settings, the clock, the password hasher.
struct RampartServices: Sendable {
    var config: AppConfig
    var clock: AppClock
    var hasher: PasswordHasher
    /// The records beside the planning scenario that name its items or sources; an import that would orphan one is
    /// refused. Each feature that keeps such records adds its check here in `configure`.
    var scenarioReferences: [ScenarioReferenceCheck] = []
    /// This server's snapshot of the stored interchangeability matrix.
    let interchangeability = InterchangeabilityReads.Cache()
    /// This server's demand signals, per reader basis.
    let signals = SignalReads.Cache()
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = RampartServices
    }

    var rampart: RampartServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:config:) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var rampart: RampartServices { application.rampart }
    var now: Date { application.rampart.clock.now() }

    /// The account rules, on the application's database (the service opens its own transactions).
    var accounts: AccountService {
        AccountService(db: db, hasher: rampart.hasher, now: now, publicURL: rampart.config.publicURL)
    }

    /// The client's address, for rate limits: the socket peer, or behind a trusted proxy the address it forwarded.
    var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            trustedProxies: rampart.config.trustedProxies)
    }

    /// What the client's address counts in for rate limits: the address, or an IPv6 address's /64.
    var clientBucket: String { ClientAddress.bucket(clientAddress) }
}
