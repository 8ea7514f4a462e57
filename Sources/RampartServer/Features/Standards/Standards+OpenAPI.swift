import Foundation
import RampartCore

/// The standards part of the OpenAPI document: the registry, ratifications, conforming items, the metrics.
extension OpenAPIDocument {
    static var standardOperations: [Operation] {
        let csvBody: Object = [
            "required": true,
            "description": "The CSV file as the body (`text/csv`), laid out as its export; at most 256 KiB.",
            "content": ["text/csv": ["schema": text] as Object] as Object,
        ]
        let staff = "Not staff: only Alliance staff maintain the registry."
        return [
            Operation(
                method: "get", path: "/api/v1/standards", id: "listStandards", tag: "standards",
                summary: "The standards registry", description: "Every signed-in account reads it; with each standard's conforming items.",
                query: pageQuery + [
                    query("status", enumeration(Standard.Status.allCases.map(\.rawValue)), "Only standards of this status.")
                ],
                responses: ok(ref("StandardPage"), "A page of standards, by code."),
                errors: [400: malformedQuery, 401: signedOut, 422: "A bad `status` or page."]),
            Operation(
                method: "post", path: "/api/v1/standards", id: "createStandard", tag: "standards",
                summary: "Add a standard", description: "Staff only; audited.",
                body: body("StandardInput", "`code`, `edition`, `title`, `domain`, `status` and, when superseded, `supersededBy`."),
                responses: created(ref("Standard"), "The standard as added; `Location` is its address."),
                errors: [
                    400: malformedBody, 401: signedOut, 403: staff, 409: "A standard of that code exists (`field` is `code`).",
                    422: "A field breaks its rule; `problems` lists each.",
                ]),
            Operation(
                method: "get", path: "/api/v1/standards/{code}", id: "getStandard", tag: "standards",
                summary: "One standard, with every nation's ratification and its conforming items",
                responses: ok(ref("Standard"), "The standard."), errors: [401: signedOut, 404: "No such standard."]),
            Operation(
                method: "patch", path: "/api/v1/standards/{code}", id: "updateStandard", tag: "standards",
                summary: "Change a standard's edition, title, domain or status",
                description: "Staff only. Optimistic locking: send the `version` you read; audited.",
                body: body("StandardInput", "The fields to change (absent ones stay) and `version`."),
                responses: ok(ref("Standard"), "The standard as changed."),
                errors: [
                    400: malformedBody, 401: signedOut, 403: staff, 404: "No such standard.", 409: "`version` is stale; read it again.",
                    422: "A field breaks its rule, or `version` is missing.",
                ]),
            Operation(
                method: "put", path: "/api/v1/standards/{code}/ratifications/{nation}", id: "setRatification", tag: "standards",
                summary: "Record a nation's ratification and implementation of a standard",
                description:
                    "The nation's delegates and staff; the row is set whole. Send the `version` read when the row exists; audited.",
                body: body("RatificationInput", "`status`, and optionally `plannedImplementation` and `implemented` (YYYY-MM-DD)."),
                responses: ok(ref("Ratification"), "The row as recorded, with its new `version`."),
                errors: [
                    400: malformedBody, 401: signedOut, 403: "Not that nation's delegate nor staff.", 404: "No such standard.",
                    409: "`version` is stale; read it again.",
                    422: "Unknown nation, a bad status or day, an implementation of a standard not ratified, or `version` missing.",
                ]),
            Operation(
                method: "delete", path: "/api/v1/standards/{code}/ratifications/{nation}", id: "deleteRatification", tag: "standards",
                summary: "Withdraw a nation's ratification row",
                description: "The nation's delegates and staff; `?version=N` read; audited.",
                query: [query("version", integer(minimum: 1), "The version read.")],
                responses: ["204": response("Withdrawn.")],
                errors: [
                    401: signedOut, 403: "Not that nation's delegate nor staff.", 404: "No such row.", 409: "`version` is stale.",
                    422: "Unknown nation or no `version`.",
                ]),
            Operation(
                method: "put", path: "/api/v1/standards/{code}/items/{item}", id: "addConformance", tag: "standards",
                summary: "Record that an item conforms to a standard", description: "Staff only; idempotent; audited.",
                responses: ["204": response("Recorded.")],
                errors: [401: signedOut, 403: staff, 404: "No such standard.", 422: "No such item in the scenario."]),
            Operation(
                method: "delete", path: "/api/v1/standards/{code}/items/{item}", id: "removeConformance", tag: "standards",
                summary: "Withdraw an item's conformance to a standard", description: "Staff only; audited.",
                responses: ["204": response("Withdrawn.")], errors: [401: signedOut, 403: staff, 404: "Not recorded."]),
            Operation(
                method: "get", path: "/api/v1/ratifications", id: "listRatifications", tag: "standards",
                summary: "The nations' ratification rows", description: "Every signed-in account reads them.",
                query: pageQuery + [query("nation", text, "Only this nation's."), query("standard", text, "Only this standard's.")],
                responses: ok(ref("RatificationPage"), "A page of rows, by standard and nation."),
                errors: [400: malformedQuery, 401: signedOut, 422: "Unknown nation, or a bad page."]),
            Operation(
                method: "post", path: "/api/v1/ratifications/import", id: "importRatifications", tag: "standards",
                summary: "Import ratifications from CSV (`standard,nation,status,planned implementation,implemented`)",
                description: "Staff any nation's rows; a delegate its own nation's only. Each row sets one nation's row; audited.",
                body: csvBody, responses: ok(ref("ImportOutcome"), "How many rows were imported, new and changed."),
                errors: [
                    401: signedOut, 403: "Neither staff nor a delegate.", 413: "The body is over 256 KiB.",
                    422:
                        "A row is bad (`problems` lists every bad row as `line L, column C (name): problem`), or the header is not the expected one; nothing was imported.",
                ]),
            Operation(
                method: "get", path: "/api/v1/standardisation", id: "getStandardisation", tag: "standards",
                summary: "Standardisation metrics",
                description: """
                    Each Ally's share of the standards in force ratified and implemented (as of today, UTC), the end items that \
                    conform to no standard in force, and, for staff and delegates only, the pairs of nations that share no munition \
                    of a class and the munitions that would close most of those gaps.
                    """,
                responses: ok(ref("Standardisation"), "The metrics (shape version 1)."), errors: [401: signedOut]),
        ]
    }

    static var standardSchemas: [String: Object] {
        let day: Object = ["type": "string", "format": "date"]
        return [
            "Standard": object(
                "A standard of the registry.",
                [
                    field("code", text), field("edition", text), field("title", text), field("domain", text),
                    field("status", enumeration(Standard.Status.allCases.map(\.rawValue))),
                    optional("supersededBy", text, "The standard that replaced it."), field("version", integer(minimum: 1)),
                    field("items", array(text), "The items that conform to it."),
                    optional("ratifications", array(ref("Ratification")), "Every nation's row, in a standard's own answer."),
                ]),
            "StandardInput": object(
                "A new standard, or the fields of one to change.",
                [
                    optional("code", text, "1 to 40 letters, digits, `-`, `_`, `.` (new standards only)."),
                    optional("edition", text, "1 to 20 characters."), optional("title", text, "1 to 200 characters."),
                    optional("domain", text, "1 to 60 characters."),
                    optional("status", enumeration(Standard.Status.allCases.map(\.rawValue))),
                    optional("supersededBy", text, "Another standard of the registry; only when superseded; empty to clear."),
                    optional("version", integer(minimum: 1), "The version read (changes only)."),
                ]),
            "Ratification": object(
                "A nation's ratification and implementation of a standard.",
                [
                    field("standard", text), field("nation", text),
                    field("status", enumeration(Ratification.Status.allCases.map(\.rawValue))),
                    optional("plannedImplementation", day), optional("implemented", day), field("version", integer(minimum: 1)),
                ]),
            "RatificationInput": object(
                "A nation's row, set whole.",
                [
                    field("status", enumeration(Ratification.Status.allCases.map(\.rawValue))),
                    optional("plannedImplementation", text, "YYYY-MM-DD, 1949 to 2100; empty for none."),
                    optional("implemented", text, "YYYY-MM-DD, 1949 to 2100; only when ratified."),
                    optional("version", integer(minimum: 1), "The version read, when the row exists."),
                ]),
            "Standardisation": object(
                "The standardisation metrics.",
                [
                    field("version", integer(minimum: 1)), field("asOf", day),
                    field(
                        "standings",
                        array(
                            object(
                                "One Ally's standing on the standards in force.",
                                [
                                    field("nation", text), field("relevant", integer(minimum: 0)), field("ratified", integer(minimum: 0)),
                                    field("withReservations", integer(minimum: 0)), field("implemented", integer(minimum: 0)),
                                    field("ratifiedShare", number), field("implementedShare", number),
                                ]))),
                    field("unstandardisedItems", array(text)),
                    optional(
                        "gaps",
                        array(
                            object(
                                "Two nations sharing no munition of a class.",
                                [field("class", text), field("nation", text), field("other", text)])),
                        "Staff and delegates only."),
                    optional(
                        "closers",
                        array(
                            object(
                                "A munition that would close gaps.",
                                [
                                    field("item", text), field("class", text), field("gapsClosed", integer(minimum: 1)),
                                    field("toQualify", array(text)),
                                ])), "Staff and delegates only."),
                ]),
        ]
    }
}
