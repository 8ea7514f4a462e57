import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The account flow as an attacker meets it: no takeover of an unverified address, the same answers for known and
/// unknown addresses, failures that delay only their own address, lock-outs, tokens that expire and are scoped.
@Suite struct AccountSafeguardsTests {
    static let email = "owner@test.example"
    static let ownerPassword = "Owner-Str0ng-pw!"
    static let attackerPassword = "Attacker-Str0ng-pw!"

    static func register(_ app: Application, password: String, name: String) async throws -> (registration: String, code: String) {
        let answer = try await app.api(
            .POST, "/api/v1/accounts", token: nil,
            json: #"{"email": "\#(email)", "displayName": "\#(name)", "password": "\#(password)"}"#)
        #expect(answer.status == .accepted)
        let body = try JSONDecoder().decode(APIAccounts.RegistrationAccepted.self, from: Data(answer.body.readableBytesView))
        return (body.registration.uuidString, try await Outbox.latestCode(to: email, on: app.db))
    }

    static func signIn(_ app: Application, _ email: String, _ password: String) async throws -> HTTPResponseStatus {
        try await app.api(.POST, "/api/v1/auth/token", token: nil, json: #"{"email": "\#(email)", "password": "\#(password)"}"#).status
    }

    static func verify(_ app: Application, code: String) async throws -> HTTPResponseStatus {
        try await app.api(.POST, "/api/v1/accounts/verify", token: nil, json: #"{"email": "\#(email)", "code": "\#(code)"}"#).status
    }

    @Test(arguments: [true, false])
    func anUnverifiedAddressCannotBeTakenOverInEitherOrder(ownerFirst: Bool) async throws {
        try await withTestApp { app in
            // setup: both register the owner's address, in either order; each gets a code mailed to the owner
            var owner: (registration: String, code: String)
            if ownerFirst {
                owner = try await Self.register(app, password: Self.ownerPassword, name: "Owner")
                app.rampart.clock.advance(by: 1)
                _ = try await Self.register(app, password: Self.attackerPassword, name: "Attacker")
            } else {
                _ = try await Self.register(app, password: Self.attackerPassword, name: "Attacker")
                app.rampart.clock.advance(by: 1)
                owner = try await Self.register(app, password: Self.ownerPassword, name: "Owner")
            }
            let mails = try await Outbox.mails(to: Self.email, on: app.db)
            #expect(mails.count == 2)
            let attackerCode = try #require(mails.first { $0.body.contains("\"Attacker\"") }?.body.firstMatch(of: /\b(\d{6})\b/)).1

            // MUT: the owner proves the code of their own registration
            #expect(try await Self.verify(app, code: owner.code) == .ok)

            // validate: the owner's password works, the attacker's does not, and the attacker's code is dead
            #expect(try await Self.signIn(app, Self.email, Self.ownerPassword) == .created)
            #expect(try await Self.signIn(app, Self.email, Self.attackerPassword) == .unauthorized)
            #expect(try await Self.verify(app, code: String(attackerCode)) == .unprocessableEntity)
            #expect(try await PendingRegistrationRecord.query(on: app.db).count() == 0)
            let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Self.email).first())
            #expect(user.displayName == "Owner")
        }
    }

    @Test func registeringAVerifiedAddressChangesNothingAndTellsItsOwner() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let before = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Fixtures.frDelegate.email).first())

            // MUT
            let answer = try await app.api(
                .POST, "/api/v1/accounts", token: nil,
                json: #"{"email": "\#(Fixtures.frDelegate.email)", "displayName": "X", "password": "\#(Self.attackerPassword)"}"#)

            // validate
            #expect(answer.status == .accepted)
            let after = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Fixtures.frDelegate.email).first())
            #expect(after.passwordHash == before.passwordHash && after.displayName == before.displayName)
            let mail = try #require(try await Outbox.mails(to: Fixtures.frDelegate.email, on: app.db).last)
            #expect(mail.subject == "Someone tried to register your address on Rampart")
            #expect(try await Self.signIn(app, Fixtures.frDelegate.email, Fixtures.password) == .created)
        }
    }

    /// Every answer of the account flow for an address with an account equals the one for an address without.
    @Test func knownAndUnknownAddressesGetTheSameAnswers() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            struct Exchange: Equatable { var status: UInt; var body: String }
            func answers(for email: String) async throws -> [Exchange] {
                var answers: [Exchange] = []
                func call(_ method: HTTPMethod, _ path: String, _ json: String) async throws {
                    let response = try await app.api(method, path, token: nil, json: json)
                    // registration ids differ by nature; everything else must not
                    let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
                    let sorted = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
                    let body = sorted.replacing(/[0-9A-F]{8}-[0-9A-F-]{27}/, with: "<id>")
                    answers.append(Exchange(status: response.status.code, body: body))
                }
                let password = "Some-Str0ng-pw!"
                try await call(.POST, "/api/v1/accounts", #"{"email": "\#(email)", "displayName": "Z", "password": "\#(password)"}"#)
                for _ in 0..<6 { try await call(.POST, "/api/v1/accounts/verify", #"{"email": "\#(email)", "code": "999999"}"#) }
                for _ in 0..<6 { try await call(.POST, "/api/v1/accounts/verify/resend", #"{"email": "\#(email)"}"#) }
                for _ in 0..<4 { try await call(.POST, "/api/v1/password-reset", #"{"email": "\#(email)"}"#) }
                for _ in 0..<6 {
                    try await call(
                        .POST, "/api/v1/password-reset/confirm", #"{"email": "\#(email)", "code": "999999", "password": "\#(password)"}"#)
                }
                try await call(.POST, "/api/v1/auth/token", #"{"email": "\#(email)", "password": "\#(password)"}"#)
                return answers
            }

            // MUT
            let known = try await answers(for: Fixtures.observer.email)
            let unknown = try await answers(for: "nobody@test.example")

            // validate: the same, step by step, and the limits (429) at the same steps
            #expect(known == unknown)
            #expect(known.contains { $0.status == 429 })
        }
    }

    @Test func failuresDelayOnlyTheirAddressWithADoublingDelayAndAreAudited() async throws {
        try await LiveServer.run { server in
            let app = server.app
            try await Fixtures.seed(app)
            let wrong = #"{"email": "\#(Fixtures.staff.email)", "password": "Wrong-Password-1!"}"#
            let right = #"{"email": "\#(Fixtures.staff.email)", "password": "\#(Fixtures.password)"}"#
            let stranger = "192.0.2.99"

            // successful sign-ins do not count: a delegation behind one proxy signs in as often as it likes
            for _ in 0..<40 {
                #expect(try await server.send(.POST, "/api/v1/auth/token", json: right, client: stranger).status == .created)
            }
            for _ in 0..<SignInGuard.freeFailures {
                #expect(try await server.send(.POST, "/api/v1/auth/token", json: wrong, client: stranger).status == .unauthorized)
            }

            // MUT / validate: then each attempt from there waits 1 s, 2 s, 4 s after the latest failure
            for delay in [1, 2, 4] {
                let refused = try await server.send(.POST, "/api/v1/auth/token", json: right, client: stranger)
                #expect(refused.status == .tooManyRequests)
                #expect(refused.headers.first(name: .retryAfter) == String(delay))
                app.rampart.clock.advance(by: TimeInterval(delay))
                #expect(try await server.send(.POST, "/api/v1/auth/token", json: wrong, client: stranger).status == .unauthorized)
            }
            // the owner from their own address is not delayed
            #expect(try await server.send(.POST, "/api/v1/auth/token", json: right, client: "198.51.100.5").status == .created)
            // IPv6 clients count by /64: another address of the same /64 shares the delay
            for _ in 0..<SignInGuard.freeFailures {
                _ = try await server.send(.POST, "/api/v1/auth/token", json: wrong, client: "2001:db8:1:2::10")
            }
            #expect(
                try await server.send(.POST, "/api/v1/auth/token", json: right, client: "2001:db8:1:2:ffff::1").status == .tooManyRequests)
            #expect(try await server.send(.POST, "/api/v1/auth/token", json: right, client: "2001:db8:1:3::10").status == .created)

            let audit = try await AuditRecord.query(on: app.db).filter(\.$entity == "sign-in").all()
            #expect(audit.contains { $0.action.contains("192.0.2.99") })
            #expect(audit.contains { $0.action.contains("2001:db8:1:2::/64") })
        }
    }

    @Test func aHundredFailuresADayLockTheAccountUntilItsOwnerFollowsTheMailedLink() async throws {
        try await LiveServer.run { server in
            let app = server.app
            try await Fixtures.seed(app)
            let email = Fixtures.knds.email
            let wrong = #"{"email": "\#(email)", "password": "Wrong-Password-1!"}"#
            let right = #"{"email": "\#(email)", "password": "\#(Fixtures.password)"}"#

            // MUT: 100 failures from 20 addresses, 5 each
            for address in 1...20 {
                for _ in 0..<SignInGuard.freeFailures {
                    #expect(
                        try await server.send(.POST, "/api/v1/auth/token", json: wrong, client: "198.51.100.\(address)").status
                            == .unauthorized)
                }
            }

            // validate: locked, even with the right password from a fresh address; the owner got one mail
            let locked = try await server.send(.POST, "/api/v1/auth/token", json: right, client: "203.0.113.1")
            #expect(locked.status == .tooManyRequests && locked.body.contains("locked"))
            let mails = try await Outbox.mails(to: email, on: app.db).filter { $0.subject == "Your Rampart account is locked" }
            #expect(mails.count == 1)
            let link = try #require(mails.first?.body.firstMatch(of: /\/unlock\/([A-Za-z0-9_-]+)/))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entityKey == email).all().contains { $0.action.hasPrefix("locked") })

            // the link shows a button (fetching it changes nothing); the button unlocks
            let browser = Browser(app)
            let page = try await browser.get("/unlock/\(link.1)")
            #expect(page.status == .ok && page.body.string.contains("Unlock my account"))
            #expect(try await server.send(.POST, "/api/v1/auth/token", json: right, client: "203.0.113.1").status == .tooManyRequests)
            #expect(try await browser.post("/unlock/\(link.1)", [:]).status == .ok)
            #expect(try await server.send(.POST, "/api/v1/auth/token", json: right, client: "203.0.113.1").status == .created)
            // the link works once
            #expect(try await Browser(app).post("/unlock/\(link.1)", [:]).status == .notFound)
        }
    }

    @Test func tokensExpireAndReadOnlyTokensCannotWrite() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let created = try await app.api(
                .POST, "/api/v1/tokens", token: staff, json: #"{"name": "reader", "scope": "read", "expiresInDays": 7}"#)
            #expect(created.status == .created)
            #expect(created.headers.first(name: .cacheControl) == "no-store")
            let dto = try JSONDecoder.iso8601.decode(API.TokenDTO.self, from: Data(created.body.readableBytesView))
            let reader = try #require(dto.token)
            #expect(dto.scope == .read)
            let days = try #require(dto.expiresAt).timeIntervalSince(app.rampart.clock.now()) / 86_400
            #expect(days > 6.9 && days <= 7)

            // MUT / validate
            #expect(try await app.api(.GET, "/api/v1/demands/FR-1", token: reader).status == .ok)
            let write = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: reader, json: #"{"qty": 5, "version": 1}"#)
            #expect(write.status == .forbidden)
            #expect(try write.error().reason.contains("may only read"))
            #expect(
                try await app.api(.POST, "/api/v1/tokens", token: staff, json: #"{"name": "x", "expiresInDays": 366}"#).status
                    == .unprocessableEntity)
            #expect(
                try await app.api(.POST, "/api/v1/tokens", token: staff, json: #"{"name": "x", "scope": "admin"}"#).status == .badRequest)
            app.rampart.clock.advance(by: 8 * 86_400)
            let expired = try await app.api(.GET, "/api/v1/demands/FR-1", token: reader)
            #expect(expired.status == .unauthorized)
            #expect(try expired.error().reason.contains("expired"))
            #expect(try await app.api(.GET, "/api/v1/me", token: staff).status == .ok)
            app.rampart.clock.advance(by: 90 * 86_400)
            #expect(try await app.api(.GET, "/api/v1/me", token: staff).status == .unauthorized)
            let audit = try await AuditRecord.query(on: app.db).filter(\.$entity == "api token").all()
            #expect(audit.contains { $0.action == "create" && $0.changes.contains("read") })
        }
    }

    @Test func httpsServersSendHSTSAndSecretsAreNotCached() async throws {
        try await withTestApp(adjust: { $0.publicURL = "https://rampart.example" }) { app in
            let tester = try app.testing()
            let signIn = try await tester.sendRequest(.GET, "/signin")
            #expect(signIn.headers.first(name: .strictTransportSecurity)?.hasPrefix("max-age=") == true)
            #expect(signIn.headers.first(name: .cacheControl) == "no-store")
        }
        try await withTestApp { app in
            let tester = try app.testing()
            let signIn = try await tester.sendRequest(.GET, "/signin")
            #expect(signIn.headers.first(name: .strictTransportSecurity) == nil)
        }
    }

    @Test func observersCountReleasedDemandsOnly() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            try await DemandRecord.query(on: app.db).filter(\.$code == "FR-2").set(\.$released, to: true).update()
            struct Dashboard: Decodable { var counts: [String: Int] }
            func counts(_ person: Fixtures.Person) async throws -> [String: Int] {
                let token = try await Fixtures.token(app, person)
                let response = try await app.api(.GET, "/api/v1/dashboard", token: token)
                return try JSONDecoder().decode(Dashboard.self, from: Data(response.body.readableBytesView)).counts
            }

            // MUT / validate
            #expect(try await counts(Fixtures.observer)["Released demands"] == 1)
            #expect(try await counts(Fixtures.observer)["Demands"] == nil)
            #expect(try await counts(Fixtures.knds)["Released demands"] == 1)
            #expect(try await counts(Fixtures.staff)["Demands"] == 3)
            let page = try await { () async throws -> String in
                let browser = Browser(app)
                _ = try await browser.signIn(Fixtures.observer.email)
                return try await browser.get("/dashboard").body.string
            }()
            #expect(page.contains("Released demands"))
            // nor does a plan run say how many demands it planned
            try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            for person in [Fixtures.observer, Fixtures.knds] {
                let plans = try await app.api(.GET, "/api/v1/plans", token: try await Fixtures.token(app, person)).body.string
                #expect(plans.contains("\"status\"") && !plans.contains("demandCount"), "\(person.role)")
            }
            let staffPlans = try await app.api(.GET, "/api/v1/plans", token: try await Fixtures.token(app, Fixtures.staff)).body.string
            #expect(staffPlans.contains("\"demandCount\":3"))
        }
    }

    @Test func aDisplayNameStaysOnOneLine() async throws {
        try await withTestApp { app in
            // MUT
            let forged = try await app.api(
                .POST, "/api/v1/accounts", token: nil,
                json: #"{"email": "v@test.example", "displayName": "IT Desk\n\n    999999\n", "password": "Str0ng&Secure!pw"}"#)

            // validate
            #expect(forged.status == .unprocessableEntity)
            #expect(try forged.error().field == "displayName")
            #expect(try forged.error().reason.contains("one line"))
            #expect(try await OutboxMailRecord.query(on: app.db).count() == 0)
            #expect(TextRules.displayNameProblem("Jeanne d’Arc-Müller") == nil)
            #expect(TextRules.displayNameProblem("a\u{2028}b") != nil)
        }
    }

    @Test func oneClientCannotUseUpARecipientsResets() async throws {
        try await LiveServer.run { server in
            try await Fixtures.seed(server.app)
            let email = #"{"email": "\#(Fixtures.mesko.email)"}"#
            // MUT: a stranger asks, over and over, from one address
            var stranger: [HTTPResponseStatus] = []
            for _ in 0..<6 {
                stranger.append(try await server.send(.POST, "/api/v1/password-reset", json: email, client: "192.0.2.77").status)
            }
            let owner = try await server.send(.POST, "/api/v1/password-reset", json: email, client: "198.51.100.77")

            // validate: the stranger's address is limited, the owner's request goes through
            #expect(stranger.filter { $0 == .accepted }.count == RateLimiter.resetPerRecipientAndAddress.limit)
            #expect(stranger.last == .tooManyRequests)
            #expect(owner.status == .accepted)
        }
    }

    @Test func addressesAreBucketedByIPv4AddressAndIPv6Slash64() {
        #expect(ClientAddress.bucket("203.0.113.7") == "203.0.113.7")
        #expect(ClientAddress.bucket("::ffff:203.0.113.7") == "203.0.113.7")
        #expect(ClientAddress.bucket("2001:db8:1:2::10") == "2001:db8:1:2::/64")
        #expect(ClientAddress.bucket("2001:0db8:0001:0002:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64")
        #expect(ClientAddress.bucket("unknown") == "unknown")
        #expect(SignInGuard.delay(afterFailures: 4) == 0)
        #expect(SignInGuard.delay(afterFailures: 5) == 1)
        #expect(SignInGuard.delay(afterFailures: 8) == 8)
        #expect(SignInGuard.delay(afterFailures: 500) == 900)
    }
}
