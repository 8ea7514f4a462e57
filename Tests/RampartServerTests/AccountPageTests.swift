import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The signed-in account page (`/account`) and its API twins: name, password and newsletter, each change audited and
/// confirmed once, each refusal naming its field and changing nothing.
@Suite struct AccountPageTests {
    static let newPassword = "Fresh-Str0ng-pw!"

    static func user(_ app: Application, _ email: String) async throws -> UserRecord {
        try #require(try await UserRecord.query(on: app.db).filter(\.$email == email).first())
    }

    static func audits(_ app: Application, _ action: String) async throws -> [AuditRecord] {
        try await AuditRecord.query(on: app.db).filter(\.$entity == "user").filter(\.$action == action).all()
    }

    /// The problem of field `name` shown beside it and attached to it (`aria-describedby` may name its hint too).
    static func expectBeside(_ html: String, field name: String, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            html.contains(#"<p class="field-error" id="field-\#(name)-error">\#(words)"#), "\(name): \(words)",
            sourceLocation: sourceLocation)
        #expect(html.contains(#"aria-describedby="field-\#(name)-error"#), "\(name) attached", sourceLocation: sourceLocation)
        #expect(
            html.contains(#"id="field-\#(name)" name="\#(name)""#) && html.contains(#"aria-invalid="true""#), "\(name) marked invalid",
            sourceLocation: sourceLocation)
    }

    @Test func signedOutPeopleAreSentToSignInAndTheirChangesRefused() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            let before = try await Self.user(app, Fixtures.frDelegate.email)

            // MUT
            let page = try await browser.get("/account")
            let posts = [
                try await browser.post("/account/name", ["display_name": "Someone"]),
                try await browser.post("/account/password", ["current_password": Fixtures.password, "new_password": Self.newPassword]),
                try await browser.post("/account/newsletter", ["subscribe": "yes"]),
            ]
            let api = [
                try await app.api(.PUT, "/api/v1/me/name", token: nil, json: #"{"displayName": "Someone"}"#),
                try await app.api(
                    .PUT, "/api/v1/me/password", token: nil,
                    json: #"{"currentPassword": "\#(Fixtures.password)", "newPassword": "\#(Self.newPassword)"}"#),
            ]

            // validate
            #expect(page.status == .seeOther && page.headers.first(name: .location) == "/signin?next=%2Faccount")
            for answer in posts { #expect(answer.status == .unauthorized) }
            for answer in api {
                #expect(answer.status == .unauthorized)
                #expect(try answer.error().error && answer.headers.contentType == .json)
            }
            let after = try await Self.user(app, Fixtures.frDelegate.email)
            #expect(after.displayName == before.displayName && after.passwordHash == before.passwordHash && !after.newsletter)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "user").count() == 0)
        }
    }

    @Test func everyRoleSeesWhoTheyAreAndTheWayToTheirTokens() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            for person in Fixtures.everyone {
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)

                // MUT
                let page = try await browser.get("/account")

                // validate
                let html = page.body.string
                #expect(page.status == .ok, "\(person.email)")
                #expect(html.contains("<dd>\(person.email)</dd>") && html.contains("<dd>\(person.role.label)</dd>"), "\(person.email)")
                #expect(html.contains("<dd>Test \(person.role.rawValue)</dd>"))
                #expect(html.contains(#"<a href="/account" aria-current="page">Your account</a>"#), "the header links here")
                #expect(html.contains(#"href="/account/tokens""#))
                for action in ["/account/name", "/account/password", "/account/newsletter"] {
                    #expect(html.contains(#"action="\#(action)""#))
                }
                if let nation = person.nation { #expect(html.contains("<dd>\(Alliance.name(of: nation)) (\(nation))</dd>")) }
                if let company = person.company { #expect(html.contains("<dd>\(company)</dd>")) }
                #expect(html.contains("ask Alliance staff for a role") == (person.role == .observer), "\(person.email)")
            }
        }
    }

    @Test func aNameChangeIsAuditedAndConfirmedOnce() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT
            let saved = try await browser.post("/account/name", ["display_name": "  Françoise d’Arc  "])
            let first = try await browser.get("/account").body.string
            let again = try await browser.get("/account").body.string
            let same = try await browser.post("/account/name", ["display_name": "Françoise d’Arc"])
            let unchanged = try await browser.get("/account").body.string

            // validate
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/account")
            #expect(first.contains("Your name is now Françoise d’Arc."))
            #expect(!again.contains("Your name is now"), "shown once")
            #expect(again.contains(#"<span class="who">Françoise d’Arc</span>"#), "the header shows the new name")
            #expect(same.status == .seeOther && unchanged.contains("Your name was already Françoise d’Arc."))
            // a long name (100 characters of 4 bytes each) is not cut inside the one-time notice
            let long = String(repeating: "𝔄", count: 100)
            _ = try await browser.post("/account/name", ["display_name": long])
            let longNotice = try await browser.get("/account").body.string
            #expect(longNotice.contains("Your name is changed.") && !longNotice.contains("\u{FFFD}"))
            #expect(try await Self.user(app, Fixtures.frDelegate.email).displayName == long)
            let entries = try await Self.audits(app, "change name")
            #expect(entries.count == 2, "an unchanged name is no change")
            let entry = try #require(entries.first { Audit.decodeChanges($0.changes).first?.new == "Françoise d’Arc" })
            #expect(entry.actor == Fixtures.frDelegate.email && entry.entityKey == Fixtures.frDelegate.email)
            let changes = Audit.decodeChanges(entry.changes)
            #expect(changes.map(\.field) == ["displayName"])
            #expect(changes.first?.old == "Test delegate" && changes.first?.new == "Françoise d’Arc")
        }
    }

    @Test(arguments: [
        ("", "Name: give a name of 1 to 100 characters"),
        ("Two\nlines", "Name: a name stays on one line, without control characters"),
        (String(repeating: "n", count: 101), "Name: give a name of 1 to 100 characters"),
    ])
    func aRefusedNameIsNamedBesideItsFieldAndChangesNothing(_ typed: String, _ words: String) async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT
            let refused = try await browser.post("/account/name", ["display_name": typed])

            // validate
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            Self.expectBeside(html, field: "display_name", words)
            #expect(!html.contains("displayName:"), "the API's name for the field on the page")
            if !typed.isEmpty { #expect(html.contains(#"value="\#(typed.prefix(3))"#), "what was typed is kept") }
            #expect(try await Self.user(app, Fixtures.frDelegate.email).displayName == "Test delegate")
            #expect(try await Self.audits(app, "change name").isEmpty)
        }
    }

    @Test func aPasswordChangeNamesEveryProblemAtOnceAndChangesNothingUntilAllAreGone() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let other = Browser(app)
            _ = try await other.signIn(Fixtures.frDelegate.email)
            let before = try await Self.user(app, Fixtures.frDelegate.email)

            // MUT
            let wrong = try await browser.post("/account/password", ["current_password": "Not-the-Passw0rd!", "new_password": "short"])
            let missing = try await browser.post("/account/password", ["current_password": "", "new_password": Self.newPassword])

            // validate: each problem beside its field, the other forms as they were, nothing changed
            #expect(wrong.status == .unprocessableEntity)
            let html = wrong.body.string
            Self.expectBeside(html, field: "current_password", "Current password: does not match the password of your account")
            Self.expectBeside(html, field: "new_password", "New password: needs at least 12 characters")
            #expect(html.contains("needs at least one digit") && html.contains("needs at least one upper-case letter"))
            #expect(html.contains(#"aria-describedby="field-new_password-error password-rules""#), "the rules stay attached")
            #expect(
                html.contains(#"id="field-display_name" name="display_name" type="text" value="Test delegate""#), "the name form is kept")
            #expect(missing.status == .unprocessableEntity)
            Self.expectBeside(missing.body.string, field: "current_password", "Current password: give your current password")
            #expect(!missing.body.string.contains("field-new_password-error"), "a good new password has no problem")
            #expect(try await Self.user(app, Fixtures.frDelegate.email).passwordHash == before.passwordHash)
            #expect(try await Self.audits(app, "change password").isEmpty)
            #expect(try await other.get("/dashboard").status == .ok, "no session ended")
            #expect(try await Outbox.mails(to: Fixtures.frDelegate.email, on: app.db).isEmpty)
        }
    }

    @Test func aPasswordChangeEndsTheOtherSessionsKeepsThisOneAndTheTokensAndIsAudited() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let other = Browser(app)
            _ = try await other.signIn(Fixtures.frDelegate.email)
            let token = try await Fixtures.token(app, Fixtures.frDelegate)

            // MUT
            let changed = try await browser.post(
                "/account/password", ["current_password": Fixtures.password, "new_password": Self.newPassword])
            let page = try await browser.get("/account")

            // validate
            #expect(changed.status == .seeOther && changed.headers.first(name: .location) == "/account")
            #expect(page.status == .ok && page.body.string.contains("Your password is changed."))
            #expect(try await other.get("/dashboard").status == .seeOther, "the other browser is signed out")
            #expect(try await app.api(.GET, "/api/v1/me", token: token).status == .ok, "tokens keep working")
            #expect(try await Browser(app).signIn(Fixtures.frDelegate.email).status == .unauthorized)
            #expect(try await Browser(app).signIn(Fixtures.frDelegate.email, password: Self.newPassword).status == .seeOther)
            let entry = try #require(try await Self.audits(app, "change password").first)
            #expect(entry.actor == Fixtures.frDelegate.email)
            #expect(!entry.changes.contains(Self.newPassword) && !entry.changes.contains(Fixtures.password))
            let mail = try #require(try await Outbox.mails(to: Fixtures.frDelegate.email, on: app.db).last)
            #expect(mail.subject == "Your Rampart password was changed" && !mail.body.contains(Self.newPassword))
        }
    }

    @Test func wrongCurrentPasswordsPastTheLimitWait() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let good = ["current_password": Fixtures.password, "new_password": Self.newPassword]

            // MUT
            var statuses: [HTTPResponseStatus] = []
            for _ in 1...SignInGuard.freeFailures {
                statuses.append(
                    try await browser.post("/account/password", ["current_password": "Guess-N0-1!abc", "new_password": Self.newPassword])
                        .status)
            }
            let limited = try await browser.post("/account/password", good)
            let unchanged = try await Self.user(app, Fixtures.frDelegate.email).passwordHash
            app.rampart.clock.advance(by: 15 * 60 + 1)
            let later = try await browser.post("/account/password", good)

            // validate
            #expect(statuses == Array(repeating: .unprocessableEntity, count: SignInGuard.freeFailures))
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: .retryAfter) != nil)
            #expect(limited.body.string.contains("Current password: too many wrong passwords"))
            #expect(try await app.rampart.hasher.verify(Fixtures.password, hash: unchanged))
            #expect(later.status == .seeOther)
        }
    }

    @Test func formsWithoutTheCSRFTokenChangeNothing() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let before = try await Self.user(app, Fixtures.frDelegate.email)

            // MUT
            let answers = [
                try await browser.post("/account/name", ["display_name": "Forged"], csrf: ""),
                try await browser.post(
                    "/account/password", ["current_password": Fixtures.password, "new_password": Self.newPassword], csrf: "forged"),
                try await browser.post("/account/newsletter", ["subscribe": "yes"], csrf: ""),
            ]

            // validate
            for answer in answers { #expect(answer.status == .forbidden) }
            let after = try await Self.user(app, Fixtures.frDelegate.email)
            #expect(after.displayName == before.displayName && after.passwordHash == before.passwordHash && !after.newsletter)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "user").count() == 0)
        }
    }

    @Test func theNewsletterChoiceIsAuditedAndConfirmed() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.knds.email)

            // MUT
            let on = try await browser.post("/account/newsletter", ["subscribe": "yes"])
            let subscribed = try await browser.get("/account").body.string
            let off = try await browser.post("/account/newsletter", ["subscribe": "no"])
            let unsubscribed = try await browser.get("/account").body.string

            // validate
            #expect(on.status == .seeOther && on.headers.first(name: .location) == "/account")
            #expect(subscribed.contains("You are subscribed to the Rampart newsletter."))
            #expect(subscribed.contains("Unsubscribe from the newsletter") && subscribed.contains(#"name="subscribe" value="no""#))
            #expect(off.status == .seeOther && unsubscribed.contains("You are unsubscribed"))
            #expect(unsubscribed.contains(#"name="subscribe" value="yes""#))
            #expect(try await Self.user(app, Fixtures.knds.email).newsletter == false)
            #expect(try await Self.audits(app, "subscribe").count == 1)
            #expect(try await Self.audits(app, "unsubscribe").count == 1)
        }
    }

    @Test func theAPIChangesTheNameAndThePassword() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let token = try await Fixtures.token(app, Fixtures.frDelegate)
            let user = try await Self.user(app, Fixtures.frDelegate.email)
            let readOnly = try await APITokens.issueRecord(
                for: user, try APITokens.Request(name: "read", scope: .read, expiresInDays: nil), actor: .system,
                now: app.rampart.clock.now(), on: app.db
            ).token
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT
            let named = try await app.api(.PUT, "/api/v1/me/name", token: token, json: #"{"displayName": "API Name"}"#)
            let badName = try await app.api(.PUT, "/api/v1/me/name", token: token, json: #"{"displayName": "a\nb"}"#)
            let reading = try await app.api(.PUT, "/api/v1/me/name", token: readOnly, json: #"{"displayName": "Read Only"}"#)
            let bad = try await app.api(
                .PUT, "/api/v1/me/password", token: token, json: #"{"currentPassword": "wrong", "newPassword": "weak"}"#)
            let hashAfterBad = try await Self.user(app, Fixtures.frDelegate.email).passwordHash
            let changed = try await app.api(
                .PUT, "/api/v1/me/password", token: token,
                json: #"{"currentPassword": "\#(Fixtures.password)", "newPassword": "\#(Self.newPassword)"}"#)

            // validate
            #expect(named.status == .ok)
            #expect(try named.decoded(API.UserDTO.self).displayName == "API Name")
            #expect(badName.status == .unprocessableEntity)
            #expect(try badName.error().field == "displayName")
            #expect(reading.status == .forbidden)
            #expect(bad.status == .unprocessableEntity)
            let problems = try bad.error().allProblems
            #expect(try bad.error().field == "currentPassword")
            #expect(problems.contains("currentPassword: does not match the password of your account"))
            #expect(problems.contains("newPassword: needs at least 12 characters"))
            #expect(hashAfterBad == user.passwordHash)
            #expect(changed.status == .ok)
            #expect(try await Self.user(app, Fixtures.frDelegate.email).displayName == "API Name")
            #expect(try await browser.get("/dashboard").status == .seeOther, "the browser session ended")
            #expect(try await app.api(.GET, "/api/v1/me", token: token).status == .ok, "the token still works")
            #expect(try await Browser(app).signIn(Fixtures.frDelegate.email, password: Self.newPassword).status == .seeOther)
            #expect(try await Self.audits(app, "change name").count == 1)
            #expect(try await Self.audits(app, "change password").count == 1)
        }
    }
}
