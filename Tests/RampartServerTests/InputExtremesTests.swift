import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// No number from outside stops the server: every operation of the OpenAPI document and every page route gets
/// each of its numbers at the extremes, and answers with a 4xx or a correct answer, never a 5xx.
@Suite struct InputExtremesTests {
    /// As JSON literals and as query or form text. "NaN" is not JSON at all; the last is 10,000 digits.
    static let extremes = [
        "0", "-1", "2147483648", "9223372036854775807", "18446744073709551616", "1e308", "NaN",
        String(repeating: "9", count: 10_000),
    ]

    @Test func everyOperationTakesEveryNumberAtItsExtremes() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let spec = try OpenAPISpec(OpenAPIDocument.json)
            var failures: [String] = []
            var sent = 0

            for operation in spec.operations {
                let body = operation.hasBody ? Self.requestSchema(of: operation, in: spec).map { Self.sample($0, in: spec) } : nil
                let numbersInBody =
                    body.map { Self.numericPaths(in: $0, schema: Self.requestSchema(of: operation, in: spec)!, spec: spec) } ?? []
                let queryNumbers = operation.parameters.filter { $0["in"] as? String == "query" && Self.isNumeric($0["schema"], in: spec) }
                    .compactMap { $0["name"] as? String }
                let pathNames = operation.parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String }

                func send(path: String, query: String, json: String?) async throws {
                    let url = path + (query.isEmpty ? "" : "?" + query)
                    let response = try await app.api(HTTPMethod(rawValue: operation.method), url, token: staff, json: json)
                    sent += 1
                    if response.status.code >= 500 {
                        failures.append(
                            "\(operation.key) \(url.prefix(120)) \(json?.prefix(200) ?? ""): \(response.status.code) \(response.body.string.prefix(200))"
                        )
                    }
                }
                let basePath = Self.fill(operation.path, with: pathNames.map { ($0, Self.validPathValue($0)) })
                let baseJSON = body.map(Self.json)

                // MUT: each query number, each body number and each path parameter at each extreme
                for extreme in Self.extremes {
                    for name in queryNumbers {
                        try await send(path: basePath, query: "\(name)=\(extreme)", json: baseJSON)
                    }
                    for path in numbersInBody {
                        try await send(path: basePath, query: "", json: Self.json(body!, replacing: path, with: extreme))
                    }
                    for name in pathNames {
                        let others = pathNames.map { ($0, $0 == name ? extreme : Self.validPathValue($0)) }
                        try await send(path: Self.fill(operation.path, with: others), query: "", json: baseJSON)
                    }
                }
            }

            // validate
            #expect(failures.isEmpty, "\(failures.count) answers of \(sent) were 5xx:\n\(failures.prefix(20).joined(separator: "\n"))")
            #expect(sent > 300)
            #expect(try await app.api(.GET, "/health", token: nil).status == .ok)
        }
    }

    @Test func everyPageRouteTakesEveryNumberAtItsExtremes() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)
            let formNumbers = [
                "qty", "due_month", "priority", "version", "lead_time_months", "step_from_0", "step_per_month_0", "expires_in_days", "page",
                "code",
            ]
            let routes = app.routes.all.filter { route in
                guard let first = route.path.first, case .constant(let head) = first else { return true }
                return !["api", "health", "metrics"].contains(head)
            }.filter { !($0.method == .POST && $0.path.map(\.description) == ["signout"]) }
            var failures: [String] = []
            var sent = 0

            for route in routes {
                let parameters = route.path.compactMap { component -> String? in
                    if case .parameter(let name) = component { return name }
                    return nil
                }
                func path(_ values: [String: String]) -> String {
                    "/"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component {
                                return Href.percentEncoded(values[name] ?? Self.validPathValue(name))
                            }
                            return component.description
                        }.joined(separator: "/")
                }
                func check(_ response: TestingHTTPResponse, _ what: String) {
                    sent += 1
                    if response.status.code >= 500 {
                        failures.append("\(route.method) \(what.prefix(150)): \(response.status.code) \(response.body.string.prefix(200))")
                    }
                }

                // MUT
                for extreme in Self.extremes {
                    for name in parameters {
                        let target = path([name: extreme])
                        check(route.method == .GET ? try await browser.get(target) : try await browser.post(target, [:]), target)
                    }
                    if route.method == .GET {
                        let target = path([:]) + "?page=\(extreme)"
                        check(try await browser.get(target), target)
                    } else {
                        for field in formNumbers {
                            var form = ["version": "1", "role": "observer"]
                            form[field] = extreme
                            check(try await browser.post(path([:]), form), "\(path([:])) \(field)")
                        }
                    }
                }
            }

            // validate
            #expect(failures.isEmpty, "\(failures.count) answers of \(sent) were 5xx:\n\(failures.prefix(20).joined(separator: "\n"))")
            #expect(sent > 200)
            #expect(try await browser.get("/dashboard").status == .ok)
        }
    }

    @Test func hugeNumbersAreRefusedNamingTheField() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)

            // MUT
            let api = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: staff, json: #"{"qty": 1e308, "version": 1}"#)
            let capacity = try await app.api(
                .PATCH, "/api/v1/sources/L-NEXTER", token: staff,
                json: #"{"capacity": [{"from": 0, "perMonth": 1e13}], "version": 1}"#)
            let page = try await app.api(.GET, "/api/v1/audit?page=9223372036854775807", token: staff)
            let form = try await browser.post("/demands/FR-1", ["qty": "0x10", "due_month": "2026-04", "priority": "1", "version": "1"])
            let audit = try await browser.get("/audit?page=99999999999999999999")

            // validate: a 4xx naming the field; nothing stored changed
            #expect(api.status == .unprocessableEntity)
            #expect(try api.error().allProblems == ["qty: 1e+308 is too large (at most 1e12)"])
            #expect(capacity.status == .unprocessableEntity)
            #expect(try capacity.error().allProblems.contains { $0.hasPrefix("capacity[0].perMonth") })
            #expect(page.status == .unprocessableEntity)
            #expect(try page.error().field == "page")
            #expect(form.status == .unprocessableEntity && form.body.string.contains("Quantity: must be a number"))
            #expect(audit.status == .unprocessableEntity)
            let demand = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "FR-1").first())
            #expect(demand.qty == 600 && demand.version == 1)
        }
    }

    @Test func aPlanOfDataThatBreaksTheRulesFailsWithAReasonForPeople() async throws {
        try await withTestApp { app in
            // setup: a quantity stored around the editors, as before the rule existed
            try await Fixtures.seed(app)
            try await DemandRecord.query(on: app.db).filter(\.$code == "PL-1").set(\.$qty, to: 1e308).update()
            try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)

            // MUT
            try await Fixtures.runQueuedPlans(app)

            // validate
            let run = try #require(try await PlanRunRecord.query(on: app.db).first())
            #expect(run.status == .failed)
            let error = try #require(run.error)
            #expect(error.contains("demand PL-1, qty: 1e+308 is too large (at most 1e12)"), "\(error)")
            let observer = try await Fixtures.token(app, Fixtures.observer)
            let seen = try await app.api(.GET, "/api/v1/plans/\(run.id!.uuidString)", token: observer)
            let seenRun = try seen.decoded(API.PlanRunDTO.self)
            #expect(seenRun.error?.contains("too large") == true && seenRun.error?.contains("EncodingError") == false)
        }
    }

    /// PostgreSQL cannot store NUL in text: every way in refuses it with a 400, on both databases, before a query.
    @Test func theNULCharacterIsRefusedWhereverItComes() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let us = try await Fixtures.token(app, Fixtures.frDelegate)
            let requests: [(HTTPMethod, String, String?, String?)] = [
                (.POST, "/api/v1/auth/token", nil, #"{"email": "a\u0000b@example.org", "password": "x"}"#),
                (.POST, "/api/v1/accounts", nil, #"{"email": "a@example.org", "displayName": "a\u0000b", "password": "Abcdefgh1234!"}"#),
                (.POST, "/api/v1/password-reset", nil, #"{"email": "a\U0000c@example.org"}"#),
                (.GET, "/api/v1/demands?nation=%00", staff, nil),
                (.GET, "/api/v1/demands/FR-%00", us, nil),
                (.GET, "/api/v1/nations/%00/demands", staff, nil),
                (.GET, "/api/v1/sources/%00", staff, nil),
                (.GET, "/api/v1/audit?entity=%00", staff, nil),
                (.POST, "/api/v1/nations/FR/demands", us, #"{"id": "D-FR-1", "item": "a\u0000", "qty": 1, "dueMonth": 1, "priority": 1}"#),
                (.POST, "/api/v1/tokens", staff, #"{"name": "a\u0000"}"#),
            ]

            // MUT / validate
            for (method, path, token, json) in requests {
                let answer = try await app.api(method, path, token: token, json: json)
                #expect(answer.status == .badRequest, "\(method) \(path): \(answer.status)")
                #expect((try? answer.error().reason.contains("NUL")) == true, "\(method) \(path): \(answer.body.string)")
            }
            let browser = Browser(app)
            let form = try await browser.post("/signin", ["email": "a\u{0}b@example.org", "password": "x"])
            #expect(form.status == .badRequest)
            #expect(try await browser.get("/unsubscribe/%00").status == .badRequest)
            let scenario = try await app.api(
                .PUT, "/api/v1/scenario", token: staff,
                json: String(decoding: try JSONEncoder().encode(Fixtures.scenario()), as: UTF8.self)
                    .replacingOccurrences(of: "\"FR-1\"", with: #""FR-\u0000""#))
            #expect(scenario.status == .unprocessableEntity)
            #expect(try scenario.error().allProblems.contains { $0.contains("NUL") })
            #expect(try await UserRecord.query(on: app.db).count() == Fixtures.everyone.count)
            #expect(try await DemandRecord.query(on: app.db).filter(\.$code == "FR-1").count() == 1)
        }
    }

    @Test func aHalfSentRequestIsClosedWhenIdle() async throws {
        try await withTestApp(adjust: { $0.connectionIdleTimeoutSeconds = 1 }) { app in
            try await withRunningServer(app, planJobs: false) { server in
                // MUT
                let closedAfter = try await RawHTTP.secondsUntilClosed(
                    port: server.port, sending: Array("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8), patience: 20)

                // validate
                #expect(closedAfter != nil, "the server kept the half-sent request open")
            }
        }
    }

    // MARK: - Building requests from the document

    static func requestSchema(of operation: OpenAPISpec.Operation, in spec: OpenAPISpec) -> Any? {
        let body = operation.object["requestBody"] as? [String: Any]
        let content = (body?["content"] as? [String: Any])?["application/json"] as? [String: Any]
        return content?["schema"].map { resolved($0, in: spec) }
    }

    static func resolved(_ schema: Any, in spec: OpenAPISpec) -> Any {
        guard let object = schema as? [String: Any] else { return schema }
        if let ref = object["$ref"] as? String, let target = spec.resolve(ref) { return resolved(target, in: spec) }
        if let all = object["allOf"] as? [Any], let first = all.first { return resolved(first, in: spec) }
        return object
    }

    static func isNumeric(_ schema: Any?, in spec: OpenAPISpec) -> Bool {
        guard let schema, let type = (resolved(schema, in: spec) as? [String: Any])?["type"] as? String else { return false }
        return type == "integer" || type == "number"
    }

    /// A value of the schema: every property present, numbers 1, strings "x".
    static func sample(_ schema: Any, in spec: OpenAPISpec) -> Any {
        let object = resolved(schema, in: spec) as? [String: Any] ?? [:]
        if let values = object["enum"] as? [Any], let first = values.first { return first }
        switch object["type"] as? String {
        case "object":
            var result: [String: Any] = [:]
            for (name, property) in object["properties"] as? [String: Any] ?? [:] { result[name] = sample(property, in: spec) }
            return result
        case "array": return [sample(object["items"] ?? [:], in: spec)]
        case "integer", "number": return 1
        case "boolean": return false
        default: return (object["format"] as? String) == "uuid" ? UUID().uuidString : "x"
        }
    }

    /// The paths (keys and array indexes) of the numbers in `value`.
    static func numericPaths(in value: Any, schema: Any, spec: OpenAPISpec) -> [[String]] {
        let object = resolved(schema, in: spec) as? [String: Any] ?? [:]
        switch object["type"] as? String {
        case "object":
            let properties = object["properties"] as? [String: Any] ?? [:]
            return properties.keys.sorted().flatMap { name in
                numericPaths(in: (value as? [String: Any])?[name] ?? 0, schema: properties[name]!, spec: spec).map { [name] + $0 }
            }
        case "array":
            return numericPaths(in: 0, schema: object["items"] ?? [:], spec: spec).map { ["0"] + $0 }
        case "integer", "number": return [[]]
        default: return []
        }
    }

    static func json(_ value: Any) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The JSON of `value` with the number at `path` written as `literal` (which need not be valid JSON).
    static func json(_ value: Any, replacing path: [String], with literal: String) -> String {
        let marker = "__extreme__"
        func replace(_ value: Any, _ path: ArraySlice<String>) -> Any {
            guard let key = path.first else { return marker }
            if var object = value as? [String: Any] { object[key] = replace(object[key] ?? 0, path.dropFirst()); return object }
            if var array = value as? [Any], let index = Int(key), array.indices.contains(index) {
                array[index] = replace(array[index], path.dropFirst())
                return array
            }
            return value
        }
        return json(replace(value, path[...])).replacingOccurrences(of: "\"\(marker)\"", with: literal)
    }

    static func fill(_ template: String, with values: [(String, String)]) -> String {
        var path = template
        for (name, value) in values { path = path.replacingOccurrences(of: "{\(name)}", with: Href.percentEncoded(value)) }
        return path
    }

    static func validPathValue(_ name: String) -> String {
        switch name {
        case "code": "FR"
        case "id": UUID().uuidString
        default: "x"
        }
    }
}
