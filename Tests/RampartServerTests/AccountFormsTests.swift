import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The account forms signed out (sign-in, registration, verification, reset, its confirmation) name every problem at
/// once beside its field, in words; and the messages around them say what happened: after a reset, after signing
/// out, on a verification page opened without an address, and to a new observer.
@Suite struct AccountFormsTests {
    static let goodPassword = "Str0ng&Secure!pw"

    @Test func everyAccountFormNamesEveryProblemAtOnceBesideItsField() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)

            // MUT
            let register = try await browser.post("/register", ["email": "not an address", "display_name": "", "password": "short"])
            let signIn = try await browser.post("/signin", ["email": "", "password": "", "next": "/"])
            let verify = try await browser.post("/verify", ["email": "x@", "code": "12"])
            let reset = try await browser.post("/reset", ["email": "nobody", "return_to": "/"])
            let confirm = try await browser.post("/reset/confirm", ["email": "", "code": "", "password": "weak", "return_to": "/"])

            // validate
            let expected: [(TestingHTTPResponse, [(String, String)])] = [
                (
                    register,
                    [
                        ("email", "E-mail address: not a valid e-mail address"),
                        ("display_name", "Your name: give a name of 1 to 100 characters"),
                        ("password", "Password: needs at least 12 characters; needs at least one upper-case letter"),
                    ]
                ),
                (signIn, [("email", "E-mail address: give your e-mail address"), ("password", "Password: give your password")]),
                (verify, [("email", "E-mail address: not a valid e-mail address"), ("code", "Code: must be the 6 digits from the mail")]),
                (reset, [("email", "E-mail address: not a valid e-mail address")]),
                (
                    confirm,
                    [
                        ("email", "E-mail address: give your e-mail address"), ("code", "Code: give the 6-digit code from the mail"),
                        ("password", "New password: needs at least 12 characters"),
                    ]
                ),
            ]
            for (answer, fields) in expected {
                #expect(answer.status == .unprocessableEntity)
                let html = answer.body.string
                for (field, words) in fields {
                    AccountPageTests.expectBeside(html, field: field, words.replacingOccurrences(of: "&", with: "&amp;"))
                }
                #expect(!html.contains("displayName:") && !html.contains("email:") && !html.contains("code:"), "internal names")
            }
            #expect(
                register.body.string.contains(#"aria-describedby="field-password-error password-rules""#), "the rules stay attached")
            #expect(try await PendingRegistrationRecord.query(on: app.db).count() == 0)
            #expect(try await OutboxMailRecord.query(on: app.db).count() == 0)
            // nothing was counted against anyone: no sign-in failure, no code check
            #expect(try await RateLimitHitRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func theTokenFormNamesEveryProblemAtOnceAndKeepsWhatWasTyped() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.knds.email)

            // MUT
            let refused = try await browser.post(
                "/account/tokens", ["name": String(repeating: "t", count: 81), "scope": "read", "expires_in_days": "400"])
            let notANumber = try await browser.post("/account/tokens", ["name": "nightly", "expires_in_days": "ninety"])

            // validate
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            AccountPageTests.expectBeside(html, field: "name", "Name: give the token a name of 1 to 80 characters")
            AccountPageTests.expectBeside(html, field: "expires_in_days", "Expires after: must be a whole number of days from 1 to 365")
            #expect(html.contains(#"value="400""#) && html.contains(#"<option value="read" selected>"#), "what was typed is kept")
            #expect(!html.contains("expiresInDays:"), "the API's name for the field on the page")
            #expect(notANumber.status == .unprocessableEntity)
            AccountPageTests.expectBeside(
                notANumber.body.string, field: "expires_in_days", "Expires after: must be a whole number of days from 1 to 365")
            #expect(notANumber.body.string.contains(#"value="nightly""#))
            #expect(try await APITokenRecord.query(on: app.db).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "api token").count() == 0)
        }
    }

    @Test func aWrongPasswordIsSaidOnceForTheWholeForm() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)

            // MUT
            let wrong = try await Browser(app).signIn(Fixtures.frDelegate.email, password: "Not-the-Passw0rd!")

            // validate: it must not say which of the two was wrong, so it is beside neither
            #expect(wrong.status == .unauthorized)
            let html = wrong.body.string
            #expect(html.contains(#"<ul class="errors" role="alert"><li>wrong e-mail address or password</li></ul>"#))
            #expect(!html.contains("aria-invalid"))
            #expect(html.contains(#"value="\#(Fixtures.frDelegate.email)""#), "the address is kept")
        }
    }

    @Test func afterAResetTheWayBackGoesThroughSignInWhichSaysWhy() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            let email = Fixtures.frDelegate.email
            let back = "/nations/FR?page=2"
            _ = try await browser.post("/reset", ["email": email, "return_to": back])
            let code = try await Outbox.latestCode(to: email, on: app.db)

            // MUT
            let weak = try await browser.post("/reset/confirm", ["email": email, "code": code, "password": "weak", "return_to": back])
            let done = try await browser.post(
                "/reset/confirm", ["email": email, "code": code, "password": Self.goodPassword, "return_to": back])
            let location = try #require(done.headers.first(name: .location))
            let signInPage = try await browser.get(location)
            let signedIn = try await browser.post("/signin", ["email": email, "password": Self.goodPassword, "next": back])

            // validate
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains(#"id="field-code" name="code" type="text" value="\#(code)""#), "the code is kept")
            #expect(done.status == .seeOther && location == "/signin?next=%2Fnations%2FFR%3Fpage%3D2")
            #expect(signInPage.body.string.contains("Your password was changed; sign in with the new one."))
            #expect(signInPage.body.string.contains(#"name="next" value="/nations/FR?page=2""#))
            #expect(signedIn.headers.first(name: .location) == back)
            let entry = try #require(
                try await AuditRecord.query(on: app.db).filter(\.$entity == "user").filter(\.$action == "password reset").first())
            #expect(entry.entityKey == email)
        }
    }

    @Test func pagesOpenedWithoutAnAddressAskForIt() async throws {
        try await withTestApp { app in
            // MUT
            let verify = try await Browser(app).get("/verify").body.string
            let confirm = try await Browser(app).get("/reset/confirm").body.string
            let known = try await Browser(app).get("/verify?email=a%40test.example&registration=\(UUID().uuidString)").body.string

            // validate
            for html in [verify, confirm] {
                #expect(html.contains(#"id="field-email" name="email" type="email""#), "a field for the address")
                #expect(!html.contains("<strong></strong>") && !html.contains("sent to ."), "no empty address")
                #expect(!html.contains("is on its way"), "no code was sent to no address")
            }
            #expect(verify.contains(#"href="/register""#) && !verify.contains(#"action="/verify/resend""#))
            #expect(known.contains("<strong>a@test.example</strong>") && known.contains(#"type="hidden" name="email""#))
            #expect(known.contains(#"action="/verify/resend""#))
        }
    }

    @Test func signingOutSaysSoEvenAfterTheSessionEnded() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let late = Browser(app)
            _ = try await late.signIn(Fixtures.plDelegate.email)

            // MUT
            let out = try await browser.post("/signout", [:])
            let page = try await browser.get("/signin").body.string
            app.rampart.clock.advance(by: 13 * 3600)
            let expired = try await late.post("/signout", [:])  // the session's own CSRF token, as its page had it
            let expiredPage = try await late.get("/signin").body.string
            let forged = try await Browser(app).post("/signin", ["email": "a@test.example", "password": "x"], csrf: "")

            // validate
            #expect(out.status == .seeOther && page.contains("You are signed out. Sign in again to continue."))
            #expect(expired.status == .seeOther, "not \"the form has expired\"")
            #expect(expiredPage.contains("You were already signed out: your session had ended."))
            #expect(forged.status == .forbidden, "other signed-out forms still need the token")
        }
    }

    @Test func anObserverIsToldHowToGetARole() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let observer = Browser(app)
            _ = try await observer.signIn(Fixtures.observer.email)
            let delegate = Browser(app)
            _ = try await delegate.signIn(Fixtures.frDelegate.email)

            // MUT
            let observerHome = try await observer.get("/dashboard").body.string
            let delegateHome = try await delegate.get("/dashboard").body.string

            // validate
            #expect(observerHome.contains("You are an observer") && observerHome.contains("ask Alliance staff for a role"))
            #expect(!delegateHome.contains("ask Alliance staff for a role"))
        }
    }
}
