import Foundation
import RampartCore

/// The scenario part of the OpenAPI document: its operations and the schemas they name.
extension OpenAPIDocument {
    static var scenarioOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/items", id: "listItems", tag: "records",
                summary: "Items with their bills of materials, by id",
                query: pageQuery,
                responses: ok(ref("ItemPage"), "A page of items."),
                errors: [400: malformedQuery, 401: signedOut, 422: badPage]),
            Operation(
                method: "get", path: "/api/v1/scenario", id: "exportScenario", tag: "records",
                summary: "The scenario file the database holds",
                description: "Staff only. The file as `planning-model.md` defines it.",
                responses: ok(ref("ScenarioFile"), "The scenario file."),
                errors: [401: signedOut, 403: staffOnly, 404: "The database holds no scenario yet."]),
            Operation(
                method: "put", path: "/api/v1/scenario", id: "importScenario", tag: "records",
                summary: "Replace the scenario with a scenario file",
                description: """
                    Staff only. Validates the whole file first (every problem with its JSON path), then replaces the \
                    planning scenario (items, lines, supplies, stocks and demands) and nothing else; audited. Nations and \
                    companies are master data: those the file names are added, none is removed. The body may be up to \
                    200 MB.
                    """,
                body: body("ScenarioFile", "A scenario file (`planning-model.md`)."),
                responses: ok(ref("ImportSummary"), "The scenario is replaced; what it holds."),
                errors: [
                    401: signedOut,
                    403: staffOnly,
                    409: "Records kept beside the scenario name items or sources the file drops; `problems` names each. Nothing changed.",
                    413: "The body is over 200 MB.",
                    422: "No body, or a file that is not a valid scenario; `problems` lists every problem.",
                ]),
        ]
    }

    static var scenarioSchemas: [String: Object] {
        [
            "BOMEntry": object("Units of a component consumed per unit of the item.", [field("item", text), field("qty", number)]),
            "Item": object(
                "An item.",
                [
                    field("id", text),
                    field("name", text),
                    field("kind", enumeration(["end", "component", "material"])),
                    optional("class", text, "The interchangeability class."),
                    field("bom", array(ref("BOMEntry")), "The bill of materials (empty for bought items)."),
                ]),
            "ImportSummary": object(
                "What an imported scenario holds.",
                [
                    field("scenario", text),
                    field("items", integer(minimum: 0)),
                    field("lines", integer(minimum: 0)),
                    field("supplies", integer(minimum: 0)),
                    field("stocks", integer(minimum: 0)),
                    field("demands", integer(minimum: 0)),
                ]),
            "ScenarioFile": [
                "type": "object",
                "description": """
                A scenario file as `planning-model.md` (version 1) defines it: `version`, `name`, `startMonth` \
                (YYYY-MM), `horizonMonths`, `items`, `lines`, `supplies`, `stocks` and `demands`.
                """,
                "properties": [
                    "version": integer(minimum: 1),
                    "name": text,
                    "startMonth": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"] as Object,
                    "horizonMonths": integer(minimum: 1),
                    "items": array(["type": "object"]),
                    "lines": array(["type": "object"]),
                    "supplies": array(["type": "object"]),
                    "stocks": array(["type": "object"]),
                    "demands": array(["type": "object"]),
                ] as Object,
            ],
        ]
    }
}
