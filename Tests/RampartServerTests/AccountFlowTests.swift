import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The whole account flow through the pages, with mail delivered over SMTP to a real server (aiosmtpd).
@Suite struct AccountFlowTests {
    static let email = "new.person@test.example"
    static let goodPassword = "Str0ng&Secure!pw"

    /// Sends what is in the outbox through SMTP and returns the newest mail to `to`.
    static func deliver(_ app: Application, sink: SMTPSink, to: String) async throws -> SinkMessage {
        let settings = SMTPSettings(
            host: "127.0.0.1", port: sink.port, username: nil, password: nil, security: .none, from: "Rampart <no-reply@test.example>")
        let worker = OutboxWorker(transport: SMTPTransport(settings: settings, logger: app.logger), logger: app.logger)
        let delivery = try await worker.deliverDue(on: app.db, now: app.rampart.clock.now())
        #expect(delivery.failed == 0)
        return try #require(try sink.messages().last { $0.rcpt_tos.contains(to) })
    }

    static func code(in mail: SinkMessage) throws -> String {
        let match = try #require(mail.body.firstMatch(of: /\b(\d{6})\b/))
        return String(match.1)
    }

    @Test func registerVerifySubscribeAndUnsubscribe() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await withTestApp { app in
            let browser = Browser(app)
            // register
            let registered = try await browser.post(
                "/register", ["email": Self.email, "display_name": "New Person", "password": Self.goodPassword])
            #expect(registered.status == .seeOther)
            #expect(registered.headers.first(name: .location)?.hasPrefix("/verify?email=") == true)
            let mail = try await Self.deliver(app, sink: sink, to: Self.email)
            #expect(mail.subject.contains("verification code"))
            #expect(mail.body.contains("under the name \"New Person\""))
            // no account yet, so nothing to unsubscribe from
            #expect(mail.headers["List-Unsubscribe"] == nil)
            let code = try Self.code(in: mail)
            // not verified yet: sign-in is refused
            let early = try await browser.signIn(Self.email, password: Self.goodPassword)
            #expect(early.status == .unauthorized)
            // verify: opens a session and offers the newsletter
            let verified = try await browser.post("/verify", ["email": Self.email, "code": code])
            #expect(verified.status == .seeOther && verified.headers.first(name: .location) == "/newsletter")
            #expect(try await browser.get("/newsletter").body.string.contains("newsletter"))
            // the code is single-use
            let reused = try await Browser(app).post("/verify", ["email": Self.email, "code": code])
            #expect(reused.status == .unprocessableEntity)
            #expect(reused.body.string.contains("wrong or expired code"))
            // the account's mails carry the one-click unsubscribe link
            _ = try await Browser(app).post("/reset", ["email": Self.email, "return_to": "/"])
            let resetMail = try await Self.deliver(app, sink: sink, to: Self.email)
            let unsubscribe = try #require(resetMail.headers["List-Unsubscribe"])
            #expect(unsubscribe.contains("/unsubscribe/"))
            #expect(resetMail.body.contains("/unsubscribe/"))
            // subscribe, then unsubscribe in one click from the mail's link
            #expect(try await browser.post("/newsletter", ["subscribe": "yes"]).status == .seeOther)
            var user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Self.email).first())
            #expect(user.newsletter && user.verified && user.role == Role.observer.rawValue)
            let link = try #require(unsubscribe.range(of: "/unsubscribe/"))
            let path = String(unsubscribe[link.lowerBound...].dropLast())
            let unsubscribed = try await Browser(app).get(path)
            #expect(unsubscribed.status == .ok, "\(unsubscribe) -> \(path): \(unsubscribed.body.string.prefix(300))")
            user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Self.email).first())
            #expect(!user.newsletter)
        }
    }

    @Test func wrongCodesPastTheLimitThenANewCode() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await withTestApp { app in
            let browser = Browser(app)
            let registered = try await browser.post("/register", ["email": Self.email, "display_name": "N", "password": Self.goodPassword])
            let registration = try Self.registration(in: registered)
            let first = try Self.code(in: try await Self.deliver(app, sink: sink, to: Self.email))
            let wrong = first == "000000" ? "111111" : "000000"
            for _ in 1...AccountService.codeAttempts {
                let response = try await browser.post("/verify", ["email": Self.email, "code": wrong, "registration": registration])
                #expect(response.status == .unprocessableEntity)
            }
            // past the limit even the right code is refused
            let locked = try await browser.post("/verify", ["email": Self.email, "code": first])
            #expect(locked.status == .tooManyRequests)
            // "send a new code" for this registration: the old one stops working, the new one works
            #expect(try await browser.post("/verify/resend", ["email": Self.email, "registration": registration]).status == .ok)
            let second = try Self.code(in: try await Self.deliver(app, sink: sink, to: Self.email))
            if second != first {
                #expect(try await browser.post("/verify", ["email": Self.email, "code": first]).status != .seeOther)
            }
            #expect(try await browser.post("/verify", ["email": Self.email, "code": second]).status == .seeOther)
        }
    }

    @Test func anExpiredCodeIsRefused() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.post("/reset", ["email": Fixtures.frDelegate.email, "return_to": "/nations/FR"])
            let code = try Self.code(in: try await Self.deliver(app, sink: sink, to: Fixtures.frDelegate.email))
            app.rampart.clock.advance(by: 31 * 60)
            let response = try await browser.post(
                "/reset/confirm",
                [
                    "email": Fixtures.frDelegate.email, "code": code,
                    "password": Self.goodPassword, "return_to": "/nations/FR",
                ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("wrong or expired code"))
            #expect(try await browser.signIn(Fixtures.frDelegate.email).status == .seeOther)
        }
    }

    @Test func passwordResetThenBackToThePage() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let old = Browser(app)
            _ = try await old.signIn(Fixtures.frDelegate.email)
            let browser = Browser(app)
            let request = try await browser.post("/reset", ["email": Fixtures.frDelegate.email, "return_to": "/nations/FR?page=2"])
            #expect(request.status == .seeOther)
            let code = try Self.code(in: try await Self.deliver(app, sink: sink, to: Fixtures.frDelegate.email))
            let weak = try await browser.post(
                "/reset/confirm", ["email": Fixtures.frDelegate.email, "code": code, "password": "weak", "return_to": "/nations/FR?page=2"])
            #expect(weak.status == .unprocessableEntity)
            let done = try await browser.post(
                "/reset/confirm",
                [
                    "email": Fixtures.frDelegate.email, "code": code,
                    "password": Self.goodPassword, "return_to": "/nations/FR?page=2",
                ])
            // every session ended: the way back goes through signing in, which then returns to the page
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == "/signin?next=%2Fnations%2FFR%3Fpage%3D2")
            // the other browser's session ended with the reset; the old password no longer works
            #expect(try await old.get("/dashboard").status == .seeOther)
            #expect(try await Browser(app).signIn(Fixtures.frDelegate.email).status == .unauthorized)
            #expect(try await Browser(app).signIn(Fixtures.frDelegate.email, password: Self.goodPassword).status == .seeOther)
        }
    }

    @Test(arguments: ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "http:/evil.example"])
    func theReturnButtonStaysOnRampart(_ target: String) async throws {
        #expect(Href.local(target) == "/")
        try await withTestApp { app in
            let page = try await Browser(app).get("/reset?return_to=\(Href.percentEncoded(target))")
            #expect(page.body.string.contains("evil") == false)
        }
    }

    /// Each password breaks exactly one rule; the form names that rule and no other.
    @Test(arguments: [
        ("Sh0rt!pass", PasswordRule.minimumLength),
        ("Has Space 123!x", PasswordRule.noSpaces),
        ("no-upper-case-12!", PasswordRule.uppercase),
        ("NO-LOWER-CASE-12!", PasswordRule.lowercase),
        ("No-Digits-Here-at-all!", PasswordRule.digit),
        ("NoSymbols12345abc", PasswordRule.symbol),
        (String(repeating: "Aa1!", count: 19), PasswordRule.maximumLength),
    ])
    func aPasswordBreakingEachRule(_ password: String, _ rule: PasswordRule) async throws {
        #expect(PasswordPolicy.violations(of: password) == [rule])
        try await withTestApp { app in
            let response = try await Browser(app).post("/register", ["email": Self.email, "display_name": "N", "password": password])
            #expect(response.status == .unprocessableEntity)
            let text = response.body.string
            #expect(text.contains("needs \(rule.text)".replacingOccurrences(of: "&", with: "&amp;")))
            for other in PasswordRule.allCases where other != rule {
                #expect(!text.contains("needs \(other.text)".replacingOccurrences(of: "&", with: "&amp;")))
            }
            #expect(try await UserRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func passwordsAreStoredAsBcrypt() async throws {
        try await withTestApp { app in
            _ = try await Browser(app).post("/register", ["email": Self.email, "display_name": "N", "password": Self.goodPassword])
            let pending = try #require(try await PendingRegistrationRecord.query(on: app.db).first())
            #expect(pending.passwordHash.hasPrefix("$2"))
            #expect(!pending.passwordHash.contains(Self.goodPassword))
            #expect(pending.codeHash.count == 64)
            #expect(try await UserRecord.query(on: app.db).count() == 0)
        }
    }

    /// The registration id the registration's redirect carries (for "send a new code").
    static func registration(in response: TestingHTTPResponse) throws -> String {
        let location = try #require(response.headers.first(name: .location))
        let match = try #require(location.firstMatch(of: /registration=([0-9A-Fa-f-]{36})/))
        return String(match.1)
    }
}
