import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Addresses and forms with thousands of parameters are refused before they are parsed (parsing a repeated name
/// takes time that grows faster than the count); nations that do not exist have no pages and take no demands.
@Suite struct ParameterLimitsTests {
    @Test func anAddressOrAFormWithTooManyParametersIsRefusedAtOnce() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let repeated = Array(repeating: "q=a", count: 20_000).joined(separator: "&")

            // MUT
            let query = try await app.testing().sendRequest(.GET, "/signin?" + repeated)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let form = try await app.testing().sendRequest(
                .POST, "/signin", headers: headers,
                body: ByteBuffer(string: Array(repeating: "email=a", count: 5_000).joined(separator: "&")))
            let api = try await app.api(.GET, "/api/v1/plans?" + repeated, token: try await Fixtures.token(app, Fixtures.staff))

            // validate: 400 naming the limit; a list's own parameters still pass
            #expect(query.status == .badRequest)
            #expect(query.body.string.contains("at most \(ParameterLimits.query) query parameters"))
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains("at most \(ParameterLimits.formFields) fields"))
            #expect(api.status == .badRequest)
            #expect(try api.error().field == "url")
            #expect(try await app.testing().sendRequest(.GET, "/signin?next=/dashboard").status == .ok)
        }
    }

    @Test func aNationThatDoesNotExistHasNoPageAndTakesNoDemand() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)

            // MUT
            let created = try await app.api(
                .POST, "/api/v1/nations/ZZ/demands", token: staff,
                json: #"{"id":"D-ZZ-0001","item":"SHELL-155","qty":100,"dueMonth":12,"priority":3}"#)
            let lower = try await app.api(
                .POST, "/api/v1/nations/fr/demands", token: staff,
                json: #"{"id":"D-fr-0001","item":"SHELL-155","qty":100,"dueMonth":12,"priority":3}"#)

            // validate: refused, nothing stored, no nation recorded
            #expect(created.status == .notFound)
            #expect(lower.status == .notFound)
            #expect(try await DemandRecord.query(on: app.db).filter(\.$nation ~~ ["ZZ", "fr"]).count() == 0)
            #expect(try await NationRecord.query(on: app.db).filter(\.$code ~~ ["ZZ", "fr"]).count() == 0)
            #expect(try await browser.get("/nations/ZZ").status == .notFound)
            #expect(try await browser.get("/nations/ZZ/demands.csv").status == .notFound)
            #expect(try await browser.get("/nations/ZZ/demands/new").status == .notFound)
            // an Ally with no demand yet still has its page
            #expect(try await browser.get("/nations/IS").status == .ok)
        }
    }
}
