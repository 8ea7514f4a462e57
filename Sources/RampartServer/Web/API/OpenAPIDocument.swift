import Foundation
import RampartCore

/// The OpenAPI 3.0.3 description of the JSON API (`/api/v1`), `/health` and `/metrics`, served at
/// `GET /api/v1/openapi.json`. Written by hand beside the handlers: each feature's operations and schemas are in
/// `Features/<Feature>/<Feature>+OpenAPI.swift`, gathered by `OpenAPIPaths.swift` and `OpenAPISchemas.swift`; `OpenAPITests` checks the
/// document against the routes and against real answers.
enum OpenAPIDocument {
    typealias Object = [String: Any]

    /// The document as pretty-printed JSON with sorted keys (the same bytes on every start).
    static let json: Data = {
        do {
            return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            preconditionFailure("the OpenAPI document does not serialise: \(error)")
        }
    }()

    static var document: Object {
        var paths: [String: Object] = [:]
        for operation in operations {
            precondition(paths[operation.path]?[operation.method] == nil, "\(operation.method) \(operation.path) described twice")
            paths[operation.path, default: [:]][operation.method] = operation.object
        }
        let info: Object = [
            "title": "Rampart API",
            "version": "1",
            "description": """
            The Alliance production planning server's JSON API. Sign in with `POST /api/v1/auth/token` (or create a \
            token on the Tokens page) and send the token as `Authorization: Bearer <token>`. What a person may read \
            and change follows their role (staff, delegate, industry, observer): records another role may not see \
            answer 404, actions it may not take 403. Errors are JSON (`Error`). Dates are ISO 8601; months are \
            numbered from the scenario's `startMonth` (0 is the first month of the horizon). Scenario and plan \
            files follow `planning-model.md` (version 1).
            """,
        ]
        let bearer: Object = [
            "type": "http",
            "scheme": "bearer",
            "description": "An API token (`rmp_...`) from `POST /api/v1/auth/token`, `POST /api/v1/tokens` or the Tokens page.",
        ]
        let components: Object = ["securitySchemes": ["bearerAuth": bearer] as Object, "schemas": schemas]
        return [
            "openapi": "3.0.3",
            "info": info,
            "servers": [["url": "/"] as Object],
            "security": [["bearerAuth": [String]()] as Object],
            "tags": tags,
            "paths": paths,
            "components": components,
        ]
    }

    static var tags: [Object] {
        [
            [
                "name": "accounts",
                "description": "Sign-in, registration, verification, password reset, the newsletter, the signed-in account.",
            ],
            ["name": "tokens", "description": "The signed-in person's API tokens."],
            ["name": "records", "description": "Items, nations, demands, signals, lines and supplies, the scenario file."],
            [
                "name": "interoperability",
                "description": "Weapon systems, fleets, qualifications, recognitions and the interchangeability matrix.",
            ],
            [
                "name": "standards",
                "description": "The standards registry, the nations' ratifications, conforming items, standardisation metrics.",
            ],
            ["name": "plans", "description": "Plan runs: start one, follow it, read its outcome and plan file."],
            ["name": "admin", "description": "Accounts administration and the audit trail (staff)."],
            ["name": "operations", "description": "Health, metrics and this document."],
        ]
    }
}

// MARK: - Operations

extension OpenAPIDocument {
    /// One method on one path.
    struct Operation {
        /// Lower case, as the document spells it: `get`, `post`, ...
        var method: String
        /// The template, e.g. `/api/v1/demands/{code}`.
        var path: String
        var id: String
        var tag: String
        var summary: String
        var description: String? = nil
        /// No token needed (`security: []`).
        var isPublic = false
        var query: [Object] = []
        var body: Object? = nil
        /// The successful answers by status.
        var responses: [String: Object]
        /// The error answers (`Error` body) by status, with when they happen.
        var errors: [Int: String] = [:]

        var object: Object {
            var result: Object = ["operationId": id, "summary": summary, "tags": [tag]]
            if let description { result["description"] = description }
            if isPublic { result["security"] = [Object]() }
            let parameters = pathParameters + query
            if !parameters.isEmpty { result["parameters"] = parameters }
            if let body { result["requestBody"] = body }
            var all: Object = [:]
            for (status, response) in responses { all[status] = response }
            for (status, text) in errors { all[String(status)] = OpenAPIDocument.response(text, OpenAPIDocument.ref("Error")) }
            result["responses"] = all
            return result
        }

        /// The template's `{name}` parts: `{id}` is a UUID, anything else a code from the scenario.
        var pathParameters: [Object] {
            let segments = path.split(separator: "/").map(String.init)
            return segments.indices.compactMap { index -> Object? in
                let segment = segments[index]
                guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
                let name = String(segment.dropFirst().dropLast())
                let owner = index > 0 ? segments[index - 1] : ""
                let schema = name == "id" ? OpenAPIDocument.uuid : OpenAPIDocument.text
                return [
                    "name": name, "in": "path", "required": true, "schema": schema,
                    "description": OpenAPIDocument.pathParameterDescriptions[owner] ?? "The \(name).",
                ]
            }
        }
    }

    static let pathParameterDescriptions: [String: String] = [
        "nations": "The nation's code, as in the scenario (e.g. `PL`).",
        "demands": "The demand's id, as in the scenario.",
        "sources": "The line's or supply's id, as in the scenario.",
        "tokens": "The token's id (from `GET /api/v1/tokens`).",
        "plans": "The plan run's id.",
        "users": "The account's id.",
        "standards": "The standard's code (e.g. `STANAG-4425`).",
        "ratifications": "The nation's code (e.g. `PL`).",
        "items": "The item's id, as in the scenario.",
    ]

    static func query(_ name: String, _ schema: Object, _ description: String) -> Object {
        ["name": name, "in": "query", "required": false, "schema": schema, "description": description]
    }

    /// `?page=` and `?per=` of the paginated lists (`PageDTO`).
    static var pageQuery: [Object] {
        [
            query("page", integer(minimum: 1, maximum: PageRules.pages.upperBound, default: 1), "The page, from 1."),
            query("per", integer(minimum: 1, maximum: 500, default: 50), "Items per page, 1 to 500."),
        ]
    }

    /// A JSON request body.
    static func body(_ schemaName: String, _ description: String) -> Object {
        ["required": true, "description": description, "content": ["application/json": ["schema": ref(schemaName)] as Object] as Object]
    }

    /// An answer with a JSON body (or none when `schema` is nil).
    static func response(
        _ description: String, _ schema: Object? = nil, mediaType: String = "application/json", headers: Object? = nil
    ) -> Object {
        var result: Object = ["description": description]
        if let schema { result["content"] = [mediaType: ["schema": schema] as Object] as Object }
        if let headers { result["headers"] = headers }
        return result
    }

    static func ok(_ schema: Object, _ description: String) -> [String: Object] { ["200": response(description, schema)] }
    static func created(_ schema: Object, _ description: String) -> [String: Object] { ["201": response(description, schema)] }
}

// MARK: - Error texts shared by many operations

extension OpenAPIDocument {
    static let signedOut = "Not signed in: no bearer token, or an unknown or revoked one."
    static let staffOnly = "Only Alliance staff may do this."
    static let malformedBody = "The body is not JSON, or a field is missing or of the wrong type (Vapor's decoding error)."
    static let malformedQuery = "`page` or `per` is not a whole number."
    static let badPage = "`page` is below 1 or `per` outside 1 to 500 (`field` names which)."
}

// MARK: - Schema building blocks

extension OpenAPIDocument {
    /// One property of an object schema; `required` when the Swift property is not optional (nil ones are left out).
    struct Field {
        var name: String
        var schema: Object
        var required: Bool
    }

    static func field(_ name: String, _ schema: Object, _ description: String? = nil) -> Field {
        Field(name: name, schema: described(schema, description), required: true)
    }

    static func optional(_ name: String, _ schema: Object, _ description: String? = nil) -> Field {
        Field(name: name, schema: described(schema, description), required: false)
    }

    static func object(_ description: String, _ fields: [Field]) -> Object {
        var properties: Object = [:]
        for field in fields { properties[field.name] = field.schema }
        var result: Object = ["type": "object", "description": description, "properties": properties]
        let required = fields.filter(\.required).map(\.name)
        if !required.isEmpty { result["required"] = required }
        return result
    }

    /// Adds a description; a `$ref` cannot carry one beside it in OpenAPI 3.0, so it goes into `allOf`.
    static func described(_ schema: Object, _ description: String?) -> Object {
        guard let description else { return schema }
        if schema["$ref"] != nil { return ["allOf": [schema], "description": description] }
        var result = schema
        result["description"] = description
        return result
    }

    static func ref(_ name: String) -> Object { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ items: Object) -> Object { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> Object { ["type": "string", "enum": values] }

    static var text: Object { ["type": "string"] }
    static var uuid: Object { ["type": "string", "format": "uuid"] }
    static var dateTime: Object { ["type": "string", "format": "date-time"] }
    static var boolean: Object { ["type": "boolean"] }
    static var number: Object { ["type": "number", "format": "double"] }
    /// A quantity of the planning contract: at most 1e12 (FieldRules).
    static var quantity: Object { ["type": "number", "format": "double", "maximum": FieldRules.maxQuantity] }

    static func integer(minimum: Int? = nil, maximum: Int? = nil, default value: Int? = nil) -> Object {
        var result: Object = ["type": "integer"]
        if let minimum { result["minimum"] = minimum }
        if let maximum { result["maximum"] = maximum }
        if let value { result["default"] = value }
        return result
    }
}
