import Fluent
import Foundation
import Testing
import Vapor

@testable import RampartServer

/// Limits that must hold with many requests at once, over real HTTP connections, on SQLite and PostgreSQL
/// (the test script runs this suite on both).
@Suite(.serialized) struct ConcurrentLimitsTests {
    static let email = "racer@test.example"
    static let password = "Str0ng&Secure!pw"
    static let registrationJSON = #"{"email": "racer@test.example", "displayName": "Racer", "password": "Str0ng&Secure!pw"}"#

    @Test func fiftyGuessesAtOnceAreCheckedAtMostFiveTimesAndTheRightCodeIsThenRefused() async throws {
        try await LiveServer.run { server in
            #expect(try await server.send(.POST, "/api/v1/accounts", json: Self.registrationJSON).status == .accepted)
            let code = try await Outbox.latestCode(to: Self.email, on: server.app.db)
            let wrong = code == "000000" ? "111111" : "000000"

            // MUT
            let answers = try await server.concurrently(50) { index in
                try await server.send(
                    .POST, "/api/v1/accounts/verify", json: #"{"email": "\#(Self.email)", "code": "\#(wrong)"}"#,
                    client: "198.51.100.\(index + 1)")
            }
            let evaluated = answers.filter { $0.status == .unprocessableEntity }.count
            let refused = answers.filter { $0.status == .tooManyRequests }.count
            // what is left of the five, one at a time; then the right code
            var later: [HTTPResponseStatus] = []
            for _ in 0..<max(0, AccountService.codeAttempts - evaluated) {
                later.append(
                    try await server.send(
                        .POST, "/api/v1/accounts/verify",
                        json: #"{"email": "\#(Self.email)", "code": "\#(wrong)"}"#
                    ).status)
            }
            let afterwards = try await server.send(
                .POST, "/api/v1/accounts/verify", json: #"{"email": "\#(Self.email)", "code": "\#(code)"}"#)

            // validate
            // a burst may be refused whole (each request counts the others): never more than the limit are checked
            #expect(evaluated <= AccountService.codeAttempts, "\(evaluated) guesses were checked")
            #expect(evaluated + refused == 50, "\(answers.map(\.status.code))")
            #expect(later.allSatisfy { $0 == .unprocessableEntity })
            let pending = try #require(try await PendingRegistrationRecord.query(on: server.app.db).first())
            #expect(pending.attempts == AccountService.codeAttempts)
            #expect(afterwards.status == .tooManyRequests)
            #expect(try await UserRecord.query(on: server.app.db).count() == 0)
        }
    }

    /// As many requests as the limit lets through, all at once with the right code: one spends it.
    @Test func aCodeSentByManyRequestsAtOnceWorksOnce() async throws {
        try await LiveServer.run { server in
            _ = try await server.send(.POST, "/api/v1/accounts", json: Self.registrationJSON)
            let code = try await Outbox.latestCode(to: Self.email, on: server.app.db)

            // MUT
            let answers = try await server.concurrently(RateLimiter.verifyCodePerRecipient.limit) { index in
                try await server.send(
                    .POST, "/api/v1/accounts/verify", json: #"{"email": "\#(Self.email)", "code": "\#(code)"}"#,
                    client: "203.0.113.\(index + 1)")
            }

            // validate
            #expect(answers.filter { $0.status == .ok }.count == 1, "\(answers.map(\.status.code))")
            #expect(answers.allSatisfy { [.ok, .unprocessableEntity, .tooManyRequests].contains($0.status) })
            #expect(try await UserRecord.query(on: server.app.db).filter(\.$email == Self.email).count() == 1)
            #expect(try await PendingRegistrationRecord.query(on: server.app.db).count() == 0)
        }
    }

    @Test func fiftySignInsAtOnceCheckAtMostFivePasswordsAndTheOwnerElsewhereIsNotDelayed() async throws {
        try await LiveServer.run { server in
            try await Fixtures.seed(server.app)
            let wrong = #"{"email": "\#(Fixtures.staff.email)", "password": "Wrong-Password-1!"}"#
            let right = #"{"email": "\#(Fixtures.staff.email)", "password": "\#(Fixtures.password)"}"#

            // MUT
            let answers = try await server.concurrently(50) { _ in
                try await server.send(.POST, "/api/v1/auth/token", json: wrong, client: "192.0.2.66")
            }
            let checked = answers.filter { $0.status == .unauthorized }.count
            // what is left of the five, one at a time, then even the right password waits
            var later: [HTTPResponseStatus] = []
            for _ in 0..<max(0, SignInGuard.freeFailures - checked) {
                later.append(try await server.send(.POST, "/api/v1/auth/token", json: wrong, client: "192.0.2.66").status)
            }
            let sameAddress = try await server.send(.POST, "/api/v1/auth/token", json: right, client: "192.0.2.66")
            let owner = try await server.send(.POST, "/api/v1/auth/token", json: right, client: "198.51.100.200")

            // validate: a burst may be refused whole (each request counts the others in flight), never more than five checked
            #expect(checked <= SignInGuard.freeFailures, "\(checked) passwords were checked")
            #expect(answers.filter { $0.status == .tooManyRequests }.count == 50 - checked)
            #expect(later.allSatisfy { $0 == .unauthorized })
            #expect(sameAddress.status == .tooManyRequests)
            #expect(Int(sameAddress.headers.first(name: .retryAfter) ?? "") ?? 0 >= 1)
            #expect(owner.status == .created)
            #expect(owner.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func thirtyPasswordChangesAtOnceCheckAtMostFiveCurrentPasswordsAndChangeNothing() async throws {
        try await LiveServer.run { server in
            try await Fixtures.seed(server.app)
            let token = try await Fixtures.token(server.app, Fixtures.frDelegate)
            let before = try #require(try await UserRecord.query(on: server.app.db).filter(\.$email == Fixtures.frDelegate.email).first())
            let wrong = #"{"currentPassword": "Wrong-Password-1!", "newPassword": "Another-Str0ng-pw!"}"#
            let right = #"{"currentPassword": "\#(Fixtures.password)", "newPassword": "Another-Str0ng-pw!"}"#

            // MUT
            let answers = try await server.concurrently(30) { _ in
                try await server.send(.PUT, "/api/v1/me/password", json: wrong, token: token)
            }
            let afterBurst = try await server.send(.PUT, "/api/v1/me/password", json: right, token: token)

            // validate: no more than five wrong passwords checked; the rest, and then the right one, wait
            let checked = answers.filter { $0.status == .unprocessableEntity }.count
            #expect(checked <= AccountService.passwordChecks.limit, "\(checked) passwords were checked")
            #expect(answers.filter { $0.status == .tooManyRequests }.count == 30 - checked)
            // refused attempts are taken back: the right password is checked only while fewer than five wrong ones were
            let full = checked == AccountService.passwordChecks.limit
            #expect(afterBurst.status == (full ? .tooManyRequests : .ok), "\(checked) checked, then \(afterBurst.status)")
            let after = try #require(try await UserRecord.query(on: server.app.db).filter(\.$email == Fixtures.frDelegate.email).first())
            #expect((after.passwordHash == before.passwordHash) == full)
        }
    }

    @Test func aResetCodeSentByManyRequestsAtOnceWorksOnce() async throws {
        try await LiveServer.run { server in
            try await Fixtures.seed(server.app)
            let email = Fixtures.plDelegate.email
            #expect(try await server.send(.POST, "/api/v1/password-reset", json: #"{"email": "\#(email)"}"#).status == .accepted)
            let code = try await Outbox.latestCode(to: email, on: server.app.db)

            // MUT
            let answers = try await server.concurrently(RateLimiter.resetCodePerRecipient.limit) { index in
                try await server.send(
                    .POST, "/api/v1/password-reset/confirm",
                    json: #"{"email": "\#(email)", "code": "\#(code)", "password": "Another-Str0ng-pw!"}"#,
                    client: "203.0.113.\(index + 1)")
            }

            // validate
            #expect(answers.filter { $0.status == .ok }.count == 1, "\(answers.map(\.status.code))")
            #expect(answers.allSatisfy { [.ok, .unprocessableEntity, .tooManyRequests].contains($0.status) })
        }
    }

    @Test func registrationsAreThrottledPerClientAddressAtOnce() async throws {
        try await LiveServer.run { server in
            // MUT: 30 registrations of different addresses from one client address, at once
            let answers = try await server.concurrently(30) { index in
                try await server.send(
                    .POST, "/api/v1/accounts",
                    json: #"{"email": "person\#(index)@test.example", "displayName": "P", "password": "Str0ng&Secure!pw"}"#,
                    client: "192.0.2.10")
            }

            // validate
            let accepted = answers.filter { $0.status == .accepted }.count
            #expect(accepted <= RateLimiter.registrationPerAddress.limit, "\(accepted) accepted")
            #expect(answers.allSatisfy { [.accepted, .tooManyRequests].contains($0.status) })
            #expect(try await PendingRegistrationRecord.query(on: server.app.db).count() == accepted)
            #expect(try await OutboxMailRecord.query(on: server.app.db).count() == accepted)
        }
    }

    /// Staff start a run from twenty requests at once: one run is queued, the others are refused with 409.
    @Test func twentyStartsAtOnceQueueOneRun() async throws {
        try await LiveServer.run { server in
            try await Fixtures.seed(server.app)
            let staff = try await Fixtures.token(server.app, Fixtures.staff)

            // MUT
            let answers = try await server.concurrently(20) { _ in
                try await server.send(.POST, "/api/v1/plans", token: staff)
            }

            // validate
            let started = answers.filter { $0.status == .accepted || $0.status == .created }.count
            let refused = answers.filter { $0.status == .conflict }.count
            #expect(started == 1 && refused == 19, "\(answers.map(\.status.code))")
            #expect(try await PlanRunRecord.query(on: server.app.db).count() == 1)
            #expect(try await JobRecord.query(on: server.app.db).count() == 1)
        }
    }
}
