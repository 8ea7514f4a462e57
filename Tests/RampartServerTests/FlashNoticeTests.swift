import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// A confirmation after every save and sign-out, shown once on the page the change leads to.
@Suite struct FlashNoticeTests {
    @Test func aSaveIsConfirmedOnceOnThePageItLeadsTo() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT
            let saved = try await browser.post("/demands/FR-1", ["qty": "650", "due_month": "2026-04", "priority": "1", "version": "1"])
            let first = try await browser.get("/nations/FR")
            let again = try await browser.get("/nations/FR")
            let out = try await browser.post("/signout", [:])
            let signInPage = try await browser.get("/signin")

            // validate
            #expect(saved.status == .seeOther)
            #expect(first.body.string.contains("Demand FR-1 saved."))
            #expect(!again.body.string.contains("Demand FR-1 saved."), "shown once")
            #expect(out.status == .seeOther && signInPage.body.string.contains("You are signed out."))
        }
    }

    @Test func aForgedNoticeIsTextAndALongOneIsCut() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            browser.cookies[FlashNotice.cookie] = Data("<script>alert(1)</script>".utf8).base64EncodedString()
            let page = try await browser.get("/signin").body.string
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert"))
            browser.cookies[FlashNotice.cookie] = String(repeating: "QUFB", count: 400)
            #expect(!(try await browser.get("/signin").body.string.contains("AAAA")))
        }
    }
}

/// The audit trail as the pages write values: "Due month: 2026-04 → 2026-06", not "dueMonth: 3 → 5".
@Suite struct AuditValuesTests {
    @Test func storedValuesAreShownAsThePagesWriteThem() throws {
        let calendar = try #require(MonthCalendar(startMonth: "2026-01"))
        #expect(AuditValues.label("dueMonth") == "Due month")
        #expect(AuditValues.value("dueMonth", "29", calendar: calendar) == "2028-06")
        #expect(AuditValues.value("qty", "1200000.0", calendar: calendar) == "1,200,000")
        #expect(AuditValues.value("released", "true", calendar: calendar) == "yes")
        #expect(AuditValues.value("nation", "FR", calendar: calendar) == "France (FR)")
        #expect(
            AuditValues.value("capacity", "0:11667, 12:29167", calendar: calendar)
                == "11,667 a month from 2026-01; 29,167 a month from 2027-01")
        #expect(AuditValues.value("dueMonth", "", calendar: calendar) == "")
        #expect(AuditValues.value("note", "as typed", calendar: calendar) == "as typed")
    }
}
