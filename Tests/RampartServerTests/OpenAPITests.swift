import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The OpenAPI document (`GET /api/v1/openapi.json`) against the routes, the OpenAPI rules (ours and
/// openapi-spec-validator's) and the server's real answers, statuses and bodies.
@Suite struct OpenAPITests {
    @Test func documentMatchesRoutes() async throws {
        try await withTestApp { app in
            // setup
            let routes = Set(app.routes.all.compactMap(OpenAPISpec.key(of:)))

            // MUT
            let documented = Set(try OpenAPISpec(OpenAPIDocument.json).operations.map(\.key))

            // validate
            let undocumented = routes.subtracting(documented).sorted()
            let unrouted = documented.subtracting(routes).sorted()
            #expect(undocumented.isEmpty, "routes the OpenAPI document lacks: \(undocumented)")
            #expect(unrouted.isEmpty, "operations of the OpenAPI document without a route: \(unrouted)")
            #expect(routes.count >= 30, "\(routes.sorted())")
        }
    }

    @Test func servedDocumentIsValidOpenAPI() async throws {
        try await withTestApp { app in
            // MUT
            let response = try await app.api(.GET, "/api/v1/openapi.json", token: nil)

            // validate
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "json")
            let spec = try OpenAPISpec(Data(response.body.readableBytesView))
            #expect((spec.root["openapi"] as? String)?.hasPrefix("3.") == true)
            #expect((spec.root["info"] as? [String: Any])?["title"] as? String == "Rampart API")
            #expect(spec.resolve("#/components/securitySchemes/bearerAuth") != nil)

            let refs = OpenAPISpec.refs(in: spec.root)
            #expect(refs.count > 50)
            for ref in Set(refs).sorted() {
                #expect(ref.hasPrefix("#/components/") && spec.resolve(ref) != nil, "$ref \(ref) does not resolve")
            }
            let schemas = (spec.root["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
            let unused = Set(schemas.keys).subtracting(refs.map { $0.replacingOccurrences(of: "#/components/schemas/", with: "") })
            #expect(unused.isEmpty, "schemas nothing refers to: \(unused.sorted())")

            var operationIDs: [String: String] = [:]
            for operation in spec.operations {
                let id = operation.object["operationId"] as? String ?? ""
                #expect(!id.isEmpty, "\(operation.key) has no operationId")
                #expect(operationIDs[id] == nil, "operationId \(id) of both \(operationIDs[id] ?? "") and \(operation.key)")
                operationIDs[id] = operation.key
                #expect(!(operation.object["summary"] as? String ?? "").isEmpty, "\(operation.key) has no summary")
                #expect(!operation.responses.isEmpty, "\(operation.key) has no response")
                for (status, response) in operation.responses {
                    #expect(Int(status) != nil, "\(operation.key): response \(status)")
                    #expect((response as? [String: Any])?["description"] is String, "\(operation.key) \(status) has no description")
                }
                let template = Set(
                    operation.path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }
                        .map { String($0.dropFirst().dropLast()) })
                let declared = operation.parameters.filter { $0["in"] as? String == "path" }
                #expect(Set(declared.compactMap { $0["name"] as? String }) == template, "\(operation.key): path parameters")
                #expect(declared.allSatisfy { $0["required"] as? Bool == true }, "\(operation.key): path parameters are required")
                if !operation.isPublic {
                    #expect(operation.responses["401"] != nil, "\(operation.key) needs a token but lists no 401")
                }
            }
        }
    }

    /// openapi-spec-validator (PyPI) checks the served document against the OpenAPI 3.0 schema.
    /// scripts/test.sh installs it; without it this test fails.
    @Test func openapiSpecValidatorAcceptsServedDocument() async throws {
        try await withTestApp { app in
            // setup
            let response = try await app.api(.GET, "/api/v1/openapi.json", token: nil)
            #expect(response.status == .ok)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-openapi-\(UUID().uuidString).json")
            try Data(response.body.readableBytesView).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let script = """
                import json, sys
                try:
                    from openapi_spec_validator import validate
                except ImportError as error:
                    sys.exit("openapi-spec-validator is missing (python3 -m pip install openapi-spec-validator): %s" % error)
                with open(sys.argv[1]) as f:
                    validate(json.load(f))
                print("valid")
                """

            // MUT
            let (status, output) = try runPython(["-c", script, file.path])

            // validate
            #expect(status == 0, "openapi-spec-validator rejects the document:\n\(output)")
            #expect(output.contains("valid"), "\(output)")
        }
    }

    @Test func protectedOperationsAnswer401AndPublicOnesNeedNoToken() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.seed(app)
            let checker = try AnswerChecker(app)

            for operation in checker.spec.operations {
                let path = operation.path.replacingOccurrences(of: "{id}", with: UUID().uuidString)
                    .replacingOccurrences(of: "{code}", with: "FR")
                let body = operation.hasBody ? "{}" : nil
                if operation.isPublic {
                    // MUT / validate: an empty body is malformed (400), but no token is asked for
                    let response = try await checker.send(operation.method, path, token: nil, json: body)
                    #expect(response.status != .unauthorized, "\(operation.key) is public")
                } else {
                    // MUT / validate: no token, and a token that does not exist
                    try await checker.send(operation.method, path, token: nil, json: body, expect: .unauthorized)
                    try await checker.send(operation.method, path, token: "rmp_not-a-token", json: body, expect: .unauthorized)
                }
            }
        }
    }

    /// Every operation answered by the real server, with statuses and bodies the document describes.
    @Test func answersMatchTheDocument() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.seed(app)
            let c = try AnswerChecker(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            var observer = try await Fixtures.token(app, Fixtures.observer)
            let password = Fixtures.password

            // MUT / validate: operations
            try await c.send(.GET, "/api/v1/openapi.json", expect: .ok)
            try await c.send(.GET, "/health", expect: .ok)
            try await c.send(.GET, "/metrics", token: TestDatabase.metricsToken, expect: .ok)
            try await c.send(.GET, "/metrics", token: staff, expect: .unauthorized)

            // accounts and tokens
            let staffEmail = Fixtures.staff.email, observerEmail = Fixtures.observer.email, newEmail = "new@test.example"
            try await c.send(.POST, "/api/v1/auth/token", json: body(["email": staffEmail, "password": password]), expect: .created)
            try await c.send(.POST, "/api/v1/auth/token", json: body(["email": staffEmail, "password": "wrong"]), expect: .unauthorized)
            try await c.send(
                .POST, "/api/v1/auth/token", json: body(["email": "not an address", "password": ""]), expect: .unprocessableEntity)
            let registered = try await c.send(
                .POST, "/api/v1/accounts", json: body(["email": newEmail, "displayName": "New", "password": password]),
                expect: .accepted)
            let registration = try #require(registered.object["registration"] as? String)
            // an address with an account gets the same answer
            try await c.send(
                .POST, "/api/v1/accounts", json: body(["email": staffEmail, "displayName": "Again", "password": password]),
                expect: .accepted)
            try await c.send(
                .POST, "/api/v1/accounts", json: body(["email": "not an address", "displayName": "", "password": "short"]),
                expect: .unprocessableEntity)
            try await c.send(
                .POST, "/api/v1/accounts/verify", json: body(["email": newEmail, "code": "000000"]), expect: .unprocessableEntity)
            try await c.send(
                .POST, "/api/v1/accounts/verify/resend", json: body(["email": newEmail, "registration": registration]), expect: .accepted)
            let verification = try await latestCode(app, to: newEmail)
            try await c.send(.POST, "/api/v1/accounts/verify", json: body(["email": newEmail, "code": verification]), expect: .ok)
            try await c.send(.POST, "/api/v1/password-reset", json: body(["email": observerEmail]), expect: .accepted)
            try await c.send(
                .POST, "/api/v1/password-reset/confirm", json: body(["email": observerEmail, "code": "000000", "password": password]),
                expect: .unprocessableEntity)
            let reset = try await latestCode(app, to: observerEmail)
            try await c.send(
                .POST, "/api/v1/password-reset/confirm", json: body(["email": observerEmail, "code": reset, "password": password]),
                expect: .ok)
            // the reset revoked the account's API tokens
            try await c.send(.GET, "/api/v1/me", token: observer, expect: .unauthorized)
            observer = try await Fixtures.token(app, Fixtures.observer)
            try await c.send(.GET, "/api/v1/me", token: staff, expect: .ok)
            try await c.send(.PUT, "/api/v1/me/newsletter", token: staff, json: #"{"subscribed": true}"#, expect: .ok)
            try await c.send(.PUT, "/api/v1/me/name", token: staff, json: #"{"displayName": "Staff Renamed"}"#, expect: .ok)
            try await c.send(.PUT, "/api/v1/me/name", token: staff, json: #"{"displayName": ""}"#, expect: .unprocessableEntity)
            try await c.send(.PUT, "/api/v1/me/name", token: nil, json: #"{"displayName": "X"}"#, expect: .unauthorized)
            try await c.send(
                .PUT, "/api/v1/me/password", token: staff, json: body(["currentPassword": "wrong", "newPassword": "weak"]),
                expect: .unprocessableEntity)
            // the same password again: it follows the rules, and the fixtures' password stays what it was
            try await c.send(
                .PUT, "/api/v1/me/password", token: staff, json: body(["currentPassword": password, "newPassword": password]),
                expect: .ok)
            try await c.send(.POST, "/api/v1/tokens", token: staff, json: #"{"name": "to revoke"}"#, expect: .created)
            try await c.send(.POST, "/api/v1/tokens", token: staff, json: #"{"name": ""}"#, expect: .unprocessableEntity)
            let tokens = try await c.send(.GET, "/api/v1/tokens", token: staff, expect: .ok).json as? [[String: Any]] ?? []
            let revoked = try #require(tokens.first { $0["name"] as? String == "to revoke" }?["id"] as? String)
            try await c.send(.DELETE, "/api/v1/tokens/\(revoked)", token: staff, expect: .noContent)
            try await c.send(.DELETE, "/api/v1/tokens/\(revoked)", token: staff, expect: .notFound)

            // records
            let scenario = try await c.send(.GET, "/api/v1/scenario", token: staff, expect: .ok).body
            try await c.send(.PUT, "/api/v1/scenario", token: staff, json: scenario, expect: .ok)
            try await c.send(.PUT, "/api/v1/scenario", token: staff, json: "{}", expect: .unprocessableEntity)
            try await c.send(.PUT, "/api/v1/scenario", token: fr, json: scenario, expect: .forbidden)
            try await c.send(.GET, "/api/v1/dashboard", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/items?per=1&page=2", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/items?per=501", token: staff, expect: .unprocessableEntity)
            try await c.send(.GET, "/api/v1/nations", token: observer, expect: .ok)
            try await c.send(.GET, "/api/v1/nations/FR/demands", token: fr, expect: .ok)
            try await c.send(.GET, "/api/v1/nations/PL/demands", token: fr, expect: .forbidden)
            try await c.send(.GET, "/api/v1/demands?nation=FR", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/demands", token: observer, expect: .forbidden)
            let demand = try await c.send(.GET, "/api/v1/demands/FR-1", token: fr, expect: .ok).object
            try await c.send(.GET, "/api/v1/demands/PL-1", token: fr, expect: .notFound)
            let demandVersion = try #require(demand["version"] as? Int)
            try await c.send(.PATCH, "/api/v1/demands/FR-1", token: fr, json: body(["qty": 700, "version": demandVersion]), expect: .ok)
            try await c.send(
                .PATCH, "/api/v1/demands/FR-1", token: fr, json: body(["qty": 800, "version": demandVersion]), expect: .conflict)
            try await c.send(
                .PATCH, "/api/v1/demands/FR-1", token: fr, json: body(["priority": 9, "version": demandVersion + 1]),
                expect: .unprocessableEntity)
            try await c.send(.PATCH, "/api/v1/demands/FR-1", token: fr, json: body(["qty": "many"]), expect: .badRequest)
            try await c.send(
                .PATCH, "/api/v1/demands/FR-1", token: staff, json: body(["released": true, "version": demandVersion + 1]), expect: .ok)
            let pl = try await Fixtures.token(app, Fixtures.plDelegate)
            try await c.send(
                .PATCH, "/api/v1/demands/FR-1", token: pl, json: body(["qty": 1, "version": demandVersion + 2]), expect: .forbidden)
            try await c.send(
                .PATCH, "/api/v1/demands/FR-1", token: knds, json: body(["qty": 1, "version": demandVersion + 2]), expect: .notFound)
            let newDemand: [String: Any] = ["id": "D-FR-9", "item": "SHELL-155", "qty": 10, "dueMonth": 2, "priority": 3]
            try await c.send(.POST, "/api/v1/nations/FR/demands", token: fr, json: body(newDemand), expect: .created)
            try await c.send(.POST, "/api/v1/nations/FR/demands", token: fr, json: body(newDemand), expect: .conflict)
            try await c.send(
                .POST, "/api/v1/nations/FR/demands", token: fr, json: body(["id": "D-FR-10", "qty": 0, "dueMonth": 2, "priority": 3]),
                expect: .unprocessableEntity)
            try await c.send(.POST, "/api/v1/nations/FR/demands", token: knds, json: body(newDemand), expect: .forbidden)
            try await c.send(.DELETE, "/api/v1/demands/D-FR-9?version=5", token: fr, expect: .conflict)
            try await c.send(.DELETE, "/api/v1/demands/D-FR-9", token: fr, expect: .unprocessableEntity)
            try await c.send(.DELETE, "/api/v1/demands/D-FR-9?version=1", token: fr, expect: .noContent)
            try await c.send(.DELETE, "/api/v1/demands/D-FR-9?version=1", token: fr, expect: .notFound)
            try await c.send(.GET, "/api/v1/signals", token: observer, expect: .ok)
            try await c.send(.GET, "/api/v1/signals?table=cells&from=2026&to=2027&per=2", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/signals?nation=FR", token: knds, expect: .forbidden)
            try await c.send(.GET, "/api/v1/signals?table=rows", token: knds, expect: .unprocessableEntity)
            try await c.send(.GET, "/api/v1/sources", token: knds, expect: .ok)
            try await c.send(.GET, "/api/v1/sources", token: fr, expect: .forbidden)
            let source = try await c.send(.GET, "/api/v1/sources/L-NEXTER", token: knds, expect: .ok).object
            try await c.send(.GET, "/api/v1/sources/L-MESKO", token: knds, expect: .notFound)
            let sourceVersion = try #require(source["version"] as? Int)
            let capacity: [[String: Any]] = [["from": 0, "perMonth": 120], ["from": 9, "perMonth": 320.5]]
            try await c.send(
                .PATCH, "/api/v1/sources/L-NEXTER", token: knds,
                json: body(["leadTimeMonths": 2, "capacity": capacity, "version": sourceVersion]), expect: .ok)
            try await c.send(
                .PATCH, "/api/v1/sources/L-NEXTER", token: knds, json: body(["leadTimeMonths": 3, "version": sourceVersion]),
                expect: .conflict)
            try await c.send(
                .PATCH, "/api/v1/sources/L-NEXTER", token: knds, json: body(["leadTimeMonths": 1201, "version": sourceVersion + 1]),
                expect: .unprocessableEntity)

            // interoperability
            let system: [String: Any] = ["code": "CAESAR", "name": "CAESAR 6x6", "kind": "howitzer", "calibre": "155 mm"]
            try await c.send(.POST, "/api/v1/weapon-systems", token: staff, json: body(system), expect: .created)
            try await c.send(.POST, "/api/v1/weapon-systems", token: staff, json: body(system), expect: .conflict)
            try await c.send(.POST, "/api/v1/weapon-systems", token: fr, json: body(system), expect: .forbidden)
            try await c.send(
                .POST, "/api/v1/weapon-systems", token: staff, json: body(["code": "bad code", "name": "", "kind": "tank"]),
                expect: .unprocessableEntity)
            try await c.send(.GET, "/api/v1/weapon-systems", token: knds, expect: .ok)
            try await c.send(.GET, "/api/v1/weapon-systems/CAESAR", token: observer, expect: .ok)
            try await c.send(.GET, "/api/v1/weapon-systems/NONE", token: observer, expect: .notFound)
            try await c.send(
                .PATCH, "/api/v1/weapon-systems/CAESAR", token: staff, json: body(["name": "CAESAR Mk II", "version": 1]), expect: .ok)
            try await c.send(
                .PATCH, "/api/v1/weapon-systems/CAESAR", token: staff, json: body(["name": "CAESAR", "version": 1]), expect: .conflict)
            try await c.send(.PUT, "/api/v1/fleets/FR/CAESAR", token: fr, json: body(["count": 58]), expect: .ok)
            try await c.send(.PUT, "/api/v1/fleets/FR/CAESAR", token: fr, json: body(["count": 60, "version": 9]), expect: .conflict)
            try await c.send(
                .PUT, "/api/v1/fleets/FR/CAESAR", token: fr, json: body(["count": -1, "version": 1]), expect: .unprocessableEntity)
            try await c.send(.PUT, "/api/v1/fleets/PL/CAESAR", token: fr, json: body(["count": 1]), expect: .forbidden)
            try await c.send(.GET, "/api/v1/fleets", token: fr, expect: .ok)
            try await c.send(.GET, "/api/v1/fleets", token: knds, expect: .forbidden)
            try await c.send(.POST, "/api/v1/fleets/import", token: staff, csv: "nation,system,count\nPL,CAESAR,10\n", expect: .ok)
            try await c.send(
                .POST, "/api/v1/fleets/import", token: staff, csv: "nation,system,count\nPL,NONE,10\n", expect: .unprocessableEntity)
            let qualification: [String: Any] = ["item": "SHELL-155", "system": "CAESAR", "nation": "FR", "qualifiedOn": "2019-06-01"]
            let qualified = try await c.send(.POST, "/api/v1/qualifications", token: fr, json: body(qualification), expect: .created)
            try await c.send(.POST, "/api/v1/qualifications", token: knds, json: body(qualification), expect: .forbidden)
            try await c.send(
                .POST, "/api/v1/qualifications", token: fr,
                json: body(["item": "NONE", "system": "CAESAR", "nation": "FR", "qualifiedOn": "1900-01-01"]),
                expect: .unprocessableEntity)
            try await c.send(.GET, "/api/v1/qualifications?item=SHELL-155", token: fr, expect: .ok)
            try await c.send(.GET, "/api/v1/qualifications", token: knds, expect: .forbidden)
            try await c.send(
                .POST, "/api/v1/qualifications/import", token: staff,
                csv: "item,system,nation,qualified on\nSHELL-155,CAESAR,PL,2020-02-02\n",
                expect: .ok)
            try await c.send(.POST, "/api/v1/qualifications/import", token: staff, csv: "item\n", expect: .unprocessableEntity)

            // standards
            let standard: [String: Any] = [
                "code": "STANAG-4425", "edition": "2", "title": "Indirect fire ammunition", "domain": "indirect fire", "status": "in-force",
            ]
            try await c.send(.POST, "/api/v1/standards", token: staff, json: body(standard), expect: .created)
            try await c.send(.POST, "/api/v1/standards", token: staff, json: body(standard), expect: .conflict)
            try await c.send(.POST, "/api/v1/standards", token: fr, json: body(standard), expect: .forbidden)
            try await c.send(.POST, "/api/v1/standards", token: staff, json: body(["code": "bad code"]), expect: .unprocessableEntity)
            try await c.send(.GET, "/api/v1/standards?status=in-force", token: observer, expect: .ok)
            try await c.send(.GET, "/api/v1/standards?status=maybe", token: observer, expect: .unprocessableEntity)
            try await c.send(.GET, "/api/v1/standards/STANAG-4425", token: knds, expect: .ok)
            try await c.send(.GET, "/api/v1/standards/NONE", token: knds, expect: .notFound)
            try await c.send(
                .PATCH, "/api/v1/standards/STANAG-4425", token: staff, json: body(["edition": "3", "version": 1]), expect: .ok)
            try await c.send(
                .PATCH, "/api/v1/standards/STANAG-4425", token: staff, json: body(["edition": "4", "version": 1]), expect: .conflict)
            try await c.send(
                .PATCH, "/api/v1/standards/STANAG-4425", token: knds, json: body(["edition": "4", "version": 2]), expect: .forbidden)
            try await c.send(
                .PATCH, "/api/v1/standards/STANAG-4425", token: staff, json: body(["edition": "4"]), expect: .unprocessableEntity)
            let ratification = "/api/v1/standards/STANAG-4425/ratifications/FR"
            try await c.send(.PUT, ratification, token: fr, json: body(["status": "ratified", "implemented": "2020-01-01"]), expect: .ok)
            try await c.send(.PUT, ratification, token: fr, json: body(["status": "ratified", "version": 5]), expect: .conflict)
            try await c.send(.PUT, ratification, token: fr, json: body(["status": "often", "version": 1]), expect: .unprocessableEntity)
            try await c.send(
                .PUT, "/api/v1/standards/STANAG-4425/ratifications/PL", token: fr, json: body(["status": "ratified"]), expect: .forbidden)
            try await c.send(
                .PUT, "/api/v1/standards/NONE/ratifications/FR", token: fr, json: body(["status": "ratified"]), expect: .notFound)
            try await c.send(.GET, "/api/v1/ratifications?nation=FR", token: observer, expect: .ok)
            try await c.send(.GET, "/api/v1/ratifications?nation=XX", token: observer, expect: .unprocessableEntity)
            try await c.send(
                .POST, "/api/v1/ratifications/import", token: staff,
                csv: "standard,nation,status,planned implementation,implemented\nSTANAG-4425,PL,ratified,2027-06-30,\n", expect: .ok)
            try await c.send(.POST, "/api/v1/ratifications/import", token: staff, csv: "standard\n", expect: .unprocessableEntity)
            try await c.send(.POST, "/api/v1/ratifications/import", token: observer, csv: "standard\n", expect: .forbidden)
            try await c.send(.DELETE, ratification + "?version=9", token: fr, expect: .conflict)
            try await c.send(.DELETE, ratification, token: fr, expect: .unprocessableEntity)
            try await c.send(.DELETE, "/api/v1/standards/STANAG-4425/ratifications/PL?version=1", token: fr, expect: .forbidden)
            try await c.send(.DELETE, ratification + "?version=1", token: fr, expect: .noContent)
            try await c.send(.DELETE, ratification + "?version=1", token: fr, expect: .notFound)
            try await c.send(.PUT, "/api/v1/standards/STANAG-4425/items/SHELL-155", token: staff, expect: .noContent)
            try await c.send(.PUT, "/api/v1/standards/STANAG-4425/items/NONE", token: staff, expect: .unprocessableEntity)
            try await c.send(.PUT, "/api/v1/standards/NONE/items/SHELL-155", token: staff, expect: .notFound)
            try await c.send(.PUT, "/api/v1/standards/STANAG-4425/items/SHELL-155", token: fr, expect: .forbidden)
            try await c.send(.GET, "/api/v1/standardisation", token: fr, expect: .ok)
            try await c.send(.DELETE, "/api/v1/standards/STANAG-4425/items/SHELL-155", token: fr, expect: .forbidden)
            try await c.send(.DELETE, "/api/v1/standards/STANAG-4425/items/SHELL-155", token: staff, expect: .noContent)
            try await c.send(.DELETE, "/api/v1/standards/STANAG-4425/items/SHELL-155", token: staff, expect: .notFound)
            try await c.send(.PUT, "/api/v1/recognitions/DE/FR", token: staff, expect: .ok)
            try await c.send(.PUT, "/api/v1/recognitions/FR/FR", token: fr, expect: .unprocessableEntity)
            try await c.send(.PUT, "/api/v1/recognitions/PL/FR", token: fr, expect: .forbidden)
            try await c.send(.GET, "/api/v1/recognitions", token: fr, expect: .ok)
            try await c.send(.GET, "/api/v1/recognitions", token: observer, expect: .forbidden)
            try await c.send(.GET, "/api/v1/interchangeability?calibre=155%20mm", token: fr, expect: .ok)
            try await c.send(.GET, "/api/v1/interchangeability?sort=users&dir=desc", token: knds, expect: .ok)
            try await c.send(.GET, "/api/v1/interchangeability?class=NONE", token: knds, expect: .unprocessableEntity)
            try await c.send(.DELETE, "/api/v1/recognitions/DE/FR", token: staff, expect: .noContent)
            try await c.send(.DELETE, "/api/v1/recognitions/DE/FR", token: staff, expect: .notFound)
            let qualificationID = try #require(qualified.object["id"] as? String)
            try await c.send(.DELETE, "/api/v1/qualifications/\(qualificationID)", token: knds, expect: .notFound)
            try await c.send(.DELETE, "/api/v1/qualifications/\(qualificationID)", token: fr, expect: .noContent)

            // plans
            try await c.send(.POST, "/api/v1/plans", token: fr, expect: .forbidden)
            let started = try await c.send(.POST, "/api/v1/plans", token: staff, expect: .accepted)
            let runID = try #require(started.object["id"] as? String)
            #expect(started.response.headers.first(name: .location) == "/api/v1/plans/\(runID)")
            try await c.send(.GET, "/api/v1/plans/\(runID)/file", token: staff, expect: .conflict)
            try await Fixtures.runQueuedPlans(app)
            let run = try await c.send(.GET, "/api/v1/plans/\(runID)", token: staff, expect: .ok).object
            #expect(run["status"] as? String == "succeeded" && run["nations"] != nil && run["bottlenecks"] != nil, "\(run)")
            try await c.send(.GET, "/api/v1/plans/\(runID)", token: fr, expect: .ok)
            try await c.send(.GET, "/api/v1/plans/\(runID)", token: observer, expect: .ok)
            try await c.send(.GET, "/api/v1/plans/\(UUID().uuidString)", token: staff, expect: .notFound)
            try await c.send(.GET, "/api/v1/plans/not-a-uuid", token: staff, expect: .notFound)
            try await c.send(.GET, "/api/v1/plans/\(runID)/file", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/plans/\(runID)/file", token: fr, expect: .ok)
            try await c.send(.GET, "/api/v1/plans/\(runID)/file", token: knds, expect: .forbidden)
            try await c.send(.GET, "/api/v1/plans?per=10", token: observer, expect: .ok)
            try await c.send(.GET, "/api/v1/dashboard", token: fr, expect: .ok)
            let frDemands = try await c.send(.GET, "/api/v1/nations/FR/demands", token: fr, expect: .ok).object
            #expect((frDemands["items"] as? [[String: Any]])?.contains { $0["outcome"] != nil } == true, "\(frDemands)")

            // admin
            try await c.send(.GET, "/api/v1/users", token: fr, expect: .forbidden)
            let users = try await c.send(.GET, "/api/v1/users", token: staff, expect: .ok).object["items"] as? [[String: Any]] ?? []
            let account = try #require(users.first { $0["email"] as? String == Fixtures.observer.email })
            let accountID = try #require(account["id"] as? String)
            let accountVersion = try #require(account["version"] as? Int)
            try await c.send(
                .PATCH, "/api/v1/users/\(accountID)", token: staff,
                json: body(["role": "delegate", "nation": "PL", "version": accountVersion]), expect: .ok)
            try await c.send(
                .PATCH, "/api/v1/users/\(accountID)", token: staff, json: body(["role": "observer", "version": accountVersion]),
                expect: .conflict)
            try await c.send(
                .PATCH, "/api/v1/users/\(accountID)", token: staff, json: body(["role": "delegate", "version": accountVersion + 1]),
                expect: .unprocessableEntity)
            try await c.send(
                .PATCH, "/api/v1/users/\(UUID().uuidString)", token: staff, json: body(["role": "observer", "version": 1]),
                expect: .notFound)
            try await c.send(.GET, "/api/v1/audit?entity=demand", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/audit", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/audit", token: knds, expect: .forbidden)
            let jobs =
                try await c.send(.GET, "/api/v1/jobs?kind=plan-run", token: staff, expect: .ok).object["items"] as? [[String: Any]] ?? []
            let jobID = try #require(jobs.first?["id"] as? String)
            try await c.send(.GET, "/api/v1/jobs/\(jobID)", token: staff, expect: .ok)
            try await c.send(.GET, "/api/v1/jobs?status=done", token: staff, expect: .unprocessableEntity)
            try await c.send(.GET, "/api/v1/jobs/\(jobID)", token: fr, expect: .forbidden)
            try await c.send(.GET, "/api/v1/jobs/\(UUID().uuidString)", token: staff, expect: .notFound)

            // validate: every operation answered successfully at least once
            let unanswered = Set(c.spec.operations.map(\.key)).subtracting(c.answered).sorted()
            #expect(unanswered.isEmpty, "operations never exercised with a success: \(unanswered)")
        }
    }
}

// MARK: - The document, parsed

/// The OpenAPI document as JSON objects, with the look-ups and the schema check the tests need.
struct OpenAPISpec {
    struct Operation {
        /// Upper case, as `HTTPMethod` spells it.
        var method: String
        var path: String
        var object: [String: Any]
        var pathItem: [String: Any]

        var key: String { "\(method) \(path)" }
        var responses: [String: Any] { object["responses"] as? [String: Any] ?? [:] }
        var parameters: [[String: Any]] {
            (pathItem["parameters"] as? [[String: Any]] ?? []) + (object["parameters"] as? [[String: Any]] ?? [])
        }
        var isPublic: Bool { (object["security"] as? [Any])?.isEmpty == true }
        var hasBody: Bool { object["requestBody"] != nil }

        /// Whether a concrete path (without its query) fills this operation's template.
        func matches(_ concrete: String) -> Bool {
            let template = path.split(separator: "/", omittingEmptySubsequences: false)
            let parts = concrete.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == parts.count else { return false }
            return zip(template, parts).allSatisfy { t, p in (t.hasPrefix("{") && t.hasSuffix("}") && !p.isEmpty) || t == p }
        }
    }

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    let root: [String: Any]
    let operations: [Operation]

    init(_ data: Data) throws {
        root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(root["paths"] as? [String: Any])
        var operations: [Operation] = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any], "\(path)")
            for method in Self.methods {
                guard let object = item[method] as? [String: Any] else { continue }
                operations.append(Operation(method: method.uppercased(), path: path, object: object, pathItem: item))
            }
        }
        self.operations = operations.sorted { $0.key < $1.key }
    }

    /// `GET /api/v1/demands/{code}` for an API, health or metrics route; nil for the pages.
    static func key(of route: Route) -> String? {
        let parts = route.path.map { component -> String in
            switch component {
            case .constant(let text): text
            case .parameter(let name): "{\(name)}"
            case .anything: "*"
            case .catchall: "**"
            }
        }
        guard parts.starts(with: ["api", "v1"]) || parts == ["health"] || parts == ["metrics"] else { return nil }
        return "\(route.method.rawValue) /" + parts.joined(separator: "/")
    }

    func operation(_ method: String, _ path: String) -> Operation? {
        let bare = String(path.prefix { $0 != "?" })
        let candidates = operations.filter { $0.method == method && $0.matches(bare) }
        // a constant segment wins over a parameter
        return candidates.min { $0.path.filter { $0 == "{" }.count < $1.path.filter { $0 == "{" }.count }
    }

    /// A JSON pointer within the document (`#/components/schemas/User`).
    func resolve(_ ref: String) -> Any? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = root
        for token in ref.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = node as? [String: Any], let next = object[key] else { return nil }
            node = next
        }
        return node
    }

    /// Every `$ref` in `node`, in order, repeated as often as it occurs.
    static func refs(in node: Any) -> [String] {
        if let object = node as? [String: Any] {
            let own = (object["$ref"] as? String).map { [$0] } ?? []
            return own + object.filter { $0.key != "$ref" }.flatMap { refs(in: $0.value) }
        }
        if let array = node as? [Any] { return array.flatMap { refs(in: $0) } }
        return []
    }

    // MARK: schema check

    /// What in `value` the schema does not allow, each with its JSON path. Strict about objects: a property the
    /// schema does not name is a problem unless it has `additionalProperties` or names no property at all.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) as? [String: Any] else { return ["\(path): $ref \(ref) does not resolve"] }
            return problems(value, target, at: path)
        }
        if let all = schema["allOf"] as? [[String: Any]] {
            return all.flatMap { problems(value, $0, at: path) }
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { Self.same($0, value) }) {
            return ["\(path): \(value) is none of \(values)"]
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            var found = (schema["required"] as? [String] ?? []).filter { object[$0] == nil }.map { "\(path): \($0) is missing" }
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] as? [String: Any] {
                    found += problems(item, property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    found += problems(item, additional, at: "\(path).\(key)")
                } else if !properties.isEmpty, schema["additionalProperties"] == nil {
                    found.append("\(path).\(key): not in the schema")
                }
            }
            return found
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { problems($0.element, items, at: "\(path)[\($0.offset)]") }
        case "string":
            guard let text = value as? String else { return ["\(path): not a string"] }
            switch schema["format"] as? String {
            case "uuid" where UUID(uuidString: text) == nil: return ["\(path): \(text) is not a UUID"]
            case "date-time" where ISO8601DateFormatter().date(from: text) == nil: return ["\(path): \(text) is not an ISO 8601 date-time"]
            default: break
            }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                return ["\(path): \(text) does not match \(pattern)"]
            }
            return []
        case "integer", "number":
            guard let number = value as? NSNumber, !Self.isBool(value) else { return ["\(path): not a number"] }
            var found: [String] = []
            if schema["type"] as? String == "integer", number.doubleValue.rounded() != number.doubleValue {
                found.append("\(path): \(number) is not whole")
            }
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number.doubleValue < minimum {
                found.append("\(path): \(number) below \(minimum)")
            }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number.doubleValue > maximum {
                found.append("\(path): \(number) above \(maximum)")
            }
            return found
        case "boolean":
            return Self.isBool(value) ? [] : ["\(path): not a boolean"]
        default:
            return []
        }
    }

    /// JSONSerialization's true and false, told apart from the numbers 1 and 0.
    static func isBool(_ value: Any) -> Bool {
        ObjectIdentifier(type(of: value)) == boolType
    }

    private static let boolType: ObjectIdentifier = {
        let parsed = try? JSONSerialization.jsonObject(with: Data("[true]".utf8)) as? [Any]
        return ObjectIdentifier(type(of: parsed?.first ?? true))
    }()

    static func same(_ a: Any, _ b: Any) -> Bool {
        if isBool(a) || isBool(b) { return isBool(a) && isBool(b) && (a as? Bool) == (b as? Bool) }
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return false
    }
}

// MARK: - Requests checked against the document

/// Sends API requests and checks each answer against the document: its status is one the operation lists, its
/// body and headers are the ones described. Remembers which operations answered with a success.
final class AnswerChecker: @unchecked Sendable {
    struct Answer {
        var response: TestingHTTPResponse
        var status: HTTPStatus { response.status }
        var body: String { response.body.string }
        /// The body parsed as JSON (nil when it is not).
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView), options: .fragmentsAllowed) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
    }

    let app: Application
    let spec: OpenAPISpec
    private(set) var answered: Set<String> = []

    init(_ app: Application) throws {
        self.app = app
        spec = try OpenAPISpec(OpenAPIDocument.json)
    }

    @discardableResult
    func send(
        _ method: String, _ path: String, token: String?, json: String? = nil, csv: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        let answer = Answer(response: try await app.api(HTTPMethod(rawValue: method), path, token: token, json: json, csv: csv))
        check(answer, method, path, sourceLocation)
        return answer
    }

    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil, csv: String? = nil, expect status: HTTPStatus,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        let answer = try await send(method.rawValue, path, token: token, json: json, csv: csv, sourceLocation: sourceLocation)
        #expect(
            answer.status == status, "\(method) \(path): \(answer.status.code) \(answer.body.prefix(500))", sourceLocation: sourceLocation)
        return answer
    }

    @discardableResult
    func send(
        _ method: String, _ path: String, token: String?, json: String? = nil, expect status: HTTPStatus,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        try await send(HTTPMethod(rawValue: method), path, token: token, json: json, expect: status, sourceLocation: sourceLocation)
    }

    private func check(_ answer: Answer, _ method: String, _ path: String, _ sourceLocation: SourceLocation) {
        let request = "\(method) \(path)"
        guard let operation = spec.operation(method, path) else {
            Issue.record("\(request): no operation of the document matches", sourceLocation: sourceLocation)
            return
        }
        let code = Int(answer.status.code)
        guard let documented = operation.responses[String(code)] as? [String: Any] else {
            Issue.record(
                "\(request) answered \(code), which the document does not list for \(operation.key): \(answer.body.prefix(300))",
                sourceLocation: sourceLocation)
            return
        }
        if (200..<300).contains(code) { answered.insert(operation.key) }
        for name in (documented["headers"] as? [String: Any] ?? [:]).keys {
            #expect(answer.response.headers.first(name: name) != nil, "\(request): header \(name) missing", sourceLocation: sourceLocation)
        }
        guard let content = documented["content"] as? [String: Any] else {
            #expect(
                answer.response.body.readableBytes == 0, "\(request): \(code) has a body the document does not describe",
                sourceLocation: sourceLocation)
            return
        }
        let contentType = answer.response.headers.first(name: .contentType) ?? ""
        if let media = content["application/json"] as? [String: Any] {
            #expect(contentType.hasPrefix("application/json"), "\(request): Content-Type \(contentType)", sourceLocation: sourceLocation)
            guard let value = answer.json else {
                Issue.record("\(request): the body is not JSON: \(answer.body.prefix(300))", sourceLocation: sourceLocation)
                return
            }
            let problems = spec.problems(value, media["schema"] as? [String: Any] ?? [:])
            #expect(
                problems.isEmpty, "\(request) \(code): the body does not match the document: \(problems.prefix(20))",
                sourceLocation: sourceLocation)
        } else if content["text/plain"] != nil {
            #expect(contentType.hasPrefix("text/plain"), "\(request): Content-Type \(contentType)", sourceLocation: sourceLocation)
        } else {
            Issue.record("\(request): the test knows none of the media types \(content.keys.sorted())", sourceLocation: sourceLocation)
        }
    }
}

/// A JSON request body.
private func body(_ object: [String: Any]) -> String {
    String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data(), as: UTF8.self)
}

/// The code in the newest mail of the outbox to `recipient` (verification or reset).
private func latestCode(_ app: Application, to recipient: String) async throws -> String {
    let mail = try #require(
        try await OutboxMailRecord.query(on: app.db).filter(\.$recipient == recipient)
            .sort(\.$createdAt, .descending).first())
    let match = try #require(mail.body.firstMatch(of: /\b(\d{6})\b/))
    return String(match.1)
}

/// Runs python3; its exit status and its output and error text together.
private func runPython(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
