import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Who may read and change what, through the API and the pages, with the cases that must be refused.
@Suite struct AccessRulesTests {
    @Test func signedOutRequestsAreRefused() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            for path in [
                "/api/v1/me", "/api/v1/demands", "/api/v1/sources", "/api/v1/plans", "/api/v1/users", "/api/v1/audit",
                "/api/v1/dashboard", "/api/v1/nations/FR/demands", "/api/v1/signals", "/api/v1/items",
            ] {
                let response = try await app.api(.GET, path, token: nil)
                #expect(response.status == .unauthorized, "\(path)")
                #expect(try response.decoded(ErrorAnswer.self).error, "\(path) answers a JSON error")
            }
            let wrongToken = try await app.api(.GET, "/api/v1/me", token: "rmp_not-a-token")
            #expect(wrongToken.status == .unauthorized)
            // pages send a signed-out person to the sign-in page
            let browser = Browser(app)
            for path in ["/dashboard", "/nations/FR", "/plans", "/lines", "/admin/users", "/audit", "/account/tokens"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.headers.first(name: .location)?.hasPrefix("/signin?next=") == true, "\(path)")
            }
        }
    }

    @Test func aNationReadsOnlyItsOwnDemandsUntilReleased() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            // MUT: another nation's demand and demand view
            #expect(try await app.api(.GET, "/api/v1/demands/PL-1", token: fr).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/nations/PL/demands", token: fr).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/nations/FR/demands", token: fr).status == .ok)
            let list = try await app.api(.GET, "/api/v1/demands", token: fr)
            let ids = try list.decoded(PageDTO<API.DemandDTO>.self).items.map(\.id)
            #expect(ids.contains("FR-1") && !ids.contains("PL-1"))
            // PL releases PL-1: FR may now read it; industry and observers still may not (they read signals only)
            let pl = try await Fixtures.token(app, Fixtures.plDelegate)
            let release = try await app.api(.PATCH, "/api/v1/demands/PL-1", token: pl, json: #"{"released": true, "version": 1}"#)
            #expect(release.status == .ok)
            #expect(try await app.api(.GET, "/api/v1/demands/PL-1", token: fr).status == .ok)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            #expect(try await app.api(.GET, "/api/v1/demands/PL-1", token: knds).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/demands/FR-1", token: knds).status == .notFound)
            let observer = try await Fixtures.token(app, Fixtures.observer)
            #expect(try await app.api(.GET, "/api/v1/demands/PL-1", token: observer).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/demands", token: observer).status == .forbidden)
            // the released signal is one nation's: observers see that it exists, hidden, and not its 900
            let signals = try await app.api(.GET, "/api/v1/signals", token: observer)
            #expect(signals.status == .ok)
            let figures = try signals.decoded(API.SignalPageDTO.self).items
            #expect(!figures.isEmpty && figures.allSatisfy { $0.total == nil && $0.hidden?.reason == "few-nations" })
            #expect(!signals.body.string.contains("900"))
        }
    }

    @Test func observersAndIndustrySeeReleasedDemandSummedOnTheirDashboard() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let pl = try await Fixtures.token(app, Fixtures.plDelegate)
            _ = try await app.api(.PATCH, "/api/v1/demands/PL-1", token: pl, json: #"{"released": true, "version": 1}"#)
            for person in [Fixtures.observer, Fixtures.knds] {
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)

                // MUT
                let page = try await browser.get("/dashboard").body.string

                // validate: PL-1's 900 shells released, but one nation's: listed as hidden, its figure nowhere;
                // FR's unreleased 600 and 1,000 nowhere either
                let section = try #require(page.range(of: "Released demand by year due").map { String(page[$0.lowerBound...]) })
                #expect(section.contains("SHELL-155") && section.contains("hidden: fewer than 3 nations"), "\(person.email)")
                #expect(
                    !section.contains("900") && !section.contains("600") && !section.contains("1,000") && !section.contains("FR-"),
                    "\(person.email)")
            }
            let staff = Browser(app)
            _ = try await staff.signIn(Fixtures.staff.email)
            #expect(!(try await staff.get("/dashboard").body.string.contains("Released demand")))
        }
    }

    @Test func eachRoleSeesOnItsDashboardWhatItMayReadOfTheLatestPlan() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            _ = try await app.api(.POST, "/api/v1/plans", token: try await Fixtures.token(app, Fixtures.staff))
            try await Fixtures.runQueuedPlans(app)
            func dashboard(_ person: Fixtures.Person) async throws -> String {
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)
                return try await browser.get("/dashboard").body.string
            }

            // MUT
            let observer = try await dashboard(Fixtures.observer)
            let industry = try await dashboard(Fixtures.knds)
            let delegate = try await dashboard(Fixtures.frDelegate)

            // validate: observers the status only; industry the totals, not the nations; a delegate their own nation
            #expect(
                observer.contains("succeeded") && !observer.contains("Wholly on time") && !observer.contains("Deliveries against demand"))
            #expect(observer.contains("observers see its status") && !observer.contains("<code>FR</code></td>"))
            #expect(industry.contains("Wholly on time") && industry.contains("Deliveries against demand"))
            #expect(industry.contains("shown to Alliance staff and to that nation") && !industry.contains("<code>FR</code></td>"))
            #expect(delegate.contains("<td>France <code>FR</code></td>") && !delegate.contains("<code>PL</code></td>"))
        }
    }

    @Test func observersReadAPlansStatusButNotItsTotals() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            _ = try await app.api(.POST, "/api/v1/plans", token: staff)
            try await Fixtures.runQueuedPlans(app)
            let run = try #require(try await PlanRunRecord.query(on: app.db).first())
            let observer = try await Fixtures.token(app, Fixtures.observer)
            let lateness = Format.units(try #require(run.weightedLateness))

            // MUT
            let reads = [
                try await app.api(.GET, "/api/v1/plans", token: observer).body.string,
                try await app.api(.GET, "/api/v1/plans/\(run.id!.uuidString)", token: observer).body.string,
                try await app.api(.GET, "/api/v1/dashboard", token: observer).body.string,
            ]
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.observer.email)
            let pages = [try await browser.get("/plans").body.string, try await browser.get("/plans/\(run.id!.uuidString)").body.string]

            // validate: the status, never the objective's figures (the objective a run aimed at, `objectiveAimedAt`, is no
            // figure); staff still get them
            for body in reads {
                #expect(
                    body.contains("\"status\":\"succeeded\"") && !body.contains("\"objective\":") && !body.contains("weightedLateness"))
            }
            for page in pages {
                #expect(page.contains("succeeded") && !page.contains(lateness))
            }
            let runs = try await app.api(.GET, "/api/v1/plans", token: staff).decoded(PageDTO<API.PlanRunDTO>.self).items
            #expect(!runs.isEmpty && runs.allSatisfy { $0.objective != nil })
        }
    }

    @Test func theTabIconIsServedToAnyone() async throws {
        try await withTestApp { app in
            for path in ["/favicon.ico", "/favicon.svg"] {
                // MUT
                let response = try await Browser(app).get(path)

                // validate
                #expect(response.status == .ok && response.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
                #expect(response.body.string.hasPrefix("<svg") && response.headers.first(name: .cacheControl)?.contains("max-age") == true)
            }
        }
    }

    @Test func aNationCannotChangeAnotherNationsDemand() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let pl = try await Fixtures.token(app, Fixtures.plDelegate)
            let response = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: pl, json: #"{"qty": 1, "version": 1}"#)
            #expect(response.status == .notFound)
            // released, PL may read it but still not change it
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            _ = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: fr, json: #"{"released": true, "version": 1}"#)
            let again = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: pl, json: #"{"qty": 1, "version": 2}"#)
            #expect(again.status == .forbidden)
            let demand = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "FR-1").first())
            #expect(demand.qty == 600)
            // and through the page, with a valid CSRF token
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.plDelegate.email)
            #expect(try await browser.get("/nations/FR").status == .forbidden)
            let post = try await browser.post("/demands/FR-1", ["qty": "1", "due_month": "2026-04", "priority": "1", "version": "2"])
            #expect(post.status == .forbidden)
        }
    }

    @Test func aCompanyEditsOnlyItsOwnLines() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let mesko = try await Fixtures.token(app, Fixtures.mesko)
            #expect(try await app.api(.GET, "/api/v1/sources/L-NEXTER", token: mesko).status == .notFound)
            let refused = try await app.api(.PATCH, "/api/v1/sources/L-NEXTER", token: mesko, json: #"{"leadTimeMonths": 9, "version": 1}"#)
            #expect(refused.status == .notFound)
            let own = try await app.api(
                .PATCH, "/api/v1/sources/L-MESKO", token: mesko,
                json: #"{"capacity": [{"from": 0, "perMonth": 80}], "version": 1}"#)
            #expect(own.status == .ok)
            let list = try await app.api(.GET, "/api/v1/sources", token: mesko)
            #expect(try list.decoded(PageDTO<API.SourceDTO>.self).items.map(\.id) == ["L-MESKO"])
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            #expect(try await app.api(.GET, "/api/v1/sources", token: fr).status == .forbidden)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.mesko.email)
            #expect(try await browser.get("/sources/L-NEXTER").status == .notFound)
            let post = try await browser.post(
                "/sources/L-NEXTER", ["lead_time_months": "9", "step_from_0": "2026-01", "step_per_month_0": "1", "version": "1"])
            #expect(post.status == .notFound)
            let line = try #require(try await SourceRecord.query(on: app.db).filter(\.$code == "L-NEXTER").first())
            #expect(line.leadTimeMonths == 1)
        }
    }

    @Test func anObserverCannotWrite() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let observer = try await Fixtures.token(app, Fixtures.observer)
            #expect(
                try await app.api(.PATCH, "/api/v1/demands/FR-1", token: observer, json: #"{"qty": 1, "version": 1}"#).status == .notFound)
            #expect(
                try await app.api(.PATCH, "/api/v1/sources/L-MESKO", token: observer, json: #"{"leadTimeMonths": 1, "version": 1}"#).status
                    == .notFound)
            #expect(try await app.api(.POST, "/api/v1/plans", token: observer).status == .forbidden)
            #expect(try await app.api(.PUT, "/api/v1/scenario", token: observer, json: "{}").status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/users", token: observer).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/audit", token: observer).status == .forbidden)
            let me = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Fixtures.observer.email).first())
            let selfPromotion = try await app.api(
                .PATCH, "/api/v1/users/\(me.id!.uuidString)", token: observer,
                json: #"{"role": "staff", "version": 1}"#)
            #expect(selfPromotion.status == .forbidden)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.observer.email)
            #expect(try await browser.post("/plans", [:]).status == .forbidden)
            #expect(try await browser.get("/admin/users").status == .forbidden)
            #expect(try await PlanRunRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func onlyStaffAssignRolesAndReadTheAudit() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            #expect(try await app.api(.GET, "/api/v1/audit", token: fr).status == .forbidden)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let observer = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Fixtures.observer.email).first())
            let assign = try await app.api(
                .PATCH, "/api/v1/users/\(observer.id!.uuidString)", token: staff,
                json: #"{"role": "delegate", "nation": "PL", "version": 1}"#)
            #expect(assign.status == .ok)
            let missingNation = try await app.api(
                .PATCH, "/api/v1/users/\(observer.id!.uuidString)", token: staff,
                json: #"{"role": "delegate", "version": 2}"#)
            #expect(missingNation.status == .unprocessableEntity)
            #expect(try missingNation.decoded(ErrorAnswer.self).reason.contains("nation"))
            let audit = try await app.api(.GET, "/api/v1/audit?entity=user", token: staff)
            let entries = try audit.decoded(PageDTO<API.AuditDTO>.self).items
            #expect(audit.status == .ok && entries.first?.action == "assign role")
            #expect(entries.first?.changes.contains { $0.field == "role" && $0.new == "delegate" } == true, "\(entries)")
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)
            let forged = try await browser.post("/plans", [:], csrf: "")
            #expect(forged.status == .forbidden)
            let wrong = try await browser.post("/plans", [:], csrf: "forged-token")
            #expect(wrong.status == .forbidden)
            #expect(try await PlanRunRecord.query(on: app.db).count() == 0)
            let signIn = try await Browser(app).post("/signin", ["email": Fixtures.staff.email, "password": Fixtures.password], csrf: "")
            #expect(signIn.status == .forbidden)
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSite() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            let response = try await browser.signIn(Fixtures.staff.email)
            #expect(response.status == .seeOther)
            let header = response.headers[.setCookie].first { $0.hasPrefix(AuthenticationMiddleware.sessionCookie) } ?? ""
            #expect(header.contains("HttpOnly"))
            #expect(header.contains("SameSite=Lax"))
            #expect(try await browser.get("/dashboard").status == .ok)
            _ = try await browser.post("/signout", [:])
            #expect(try await browser.get("/dashboard").status == .seeOther)
        }
    }
}

@Suite struct SecurityHeadersTests {
    @Test func pagesForbidScriptsAndFraming() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/signin")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
        }
    }

    @Test func oneClickUnsubscribeIsPostedWithoutAForm() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Fixtures.observer.email).first())
            user.newsletter = true
            try await user.save(on: app.db)
            // MUT: what a mail program sends for List-Unsubscribe-Post
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let response = try await app.testing().sendRequest(
                .POST, "/unsubscribe/\(user.unsubscribeToken)", headers: headers,
                body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(response.status == .ok)
            let after = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Fixtures.observer.email).first())
            #expect(!after.newsletter)
            // a wrong token changes nothing and says so
            let wrong = try await app.testing().sendRequest(
                .POST, "/unsubscribe/not-a-token", headers: headers, body: ByteBuffer(string: ""))
            #expect(wrong.status == .notFound)
        }
    }
}
