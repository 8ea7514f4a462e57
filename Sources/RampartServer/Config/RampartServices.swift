import Fluent
import Vapor

/// What every handler needs besides the request: the settings, the clock, the password hasher.
struct RampartServices: Sendable {
    var config: AppConfig
    var clock: AppClock
    var hasher: PasswordHasher
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

    var accounts: AccountService { accounts(on: db) }

    /// The account rules on `database` (a transaction, when the caller needs all of a change or none).
    func accounts(on database: any Database) -> AccountService {
        AccountService(db: database, hasher: rampart.hasher, now: now, publicURL: rampart.config.publicURL)
    }

    /// The client's address, for rate limits: the socket peer, or behind a trusted proxy the address it forwarded.
    var clientAddress: String {
        ClientAddress.resolve(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
                              trustedProxies: rampart.config.trustedProxies)
    }
}
