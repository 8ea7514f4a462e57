import NIOPosix
import Vapor

/// bcrypt, run off the event loop.
struct PasswordHasher: Sendable {
    var cost: Int
    var threadPool: NIOThreadPool
    /// Checked against when an account does not exist, so that a wrong address costs as long as a wrong password.
    let dummyHash: String

    init(cost: Int, threadPool: NIOThreadPool) throws {
        self.cost = cost
        self.threadPool = threadPool
        self.dummyHash = try Bcrypt.hash("rampart-timing-equaliser", cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
