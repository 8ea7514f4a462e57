import Foundation
import RampartCore

/// The interoperability part of the OpenAPI document: weapon systems, fleets, qualifications, recognitions and the
/// interchangeability matrix.
extension OpenAPIDocument {
    static var interoperabilityOperations: [Operation] {
        let csvBody: Object = [
            "required": true,
            "description": "The CSV file as the body (`text/csv`), laid out as its export; at most 256 KiB.",
            "content": ["text/csv": ["schema": text] as Object] as Object,
        ]
        let badCSV = """
            A row is bad (`problems` lists every bad row as `line L, column C (name): problem`), the header is not the \
            expected one, or the text is not CSV; nothing was imported.
            """
        return [
            Operation(
                method: "get", path: "/api/v1/weapon-systems", id: "listWeaponSystems", tag: "interoperability",
                summary: "The catalogue of weapon systems", description: "Every signed-in account reads it.", query: pageQuery,
                responses: ok(ref("WeaponSystemPage"), "A page of systems, by code."),
                errors: [400: malformedQuery, 401: signedOut, 422: badPage]),
            Operation(
                method: "post", path: "/api/v1/weapon-systems", id: "createWeaponSystem", tag: "interoperability",
                summary: "Add a weapon system", description: "Staff only; audited.",
                body: body("WeaponSystemInput", "The new system: `code`, `name`, `kind` and `calibre`."),
                responses: created(ref("WeaponSystem"), "The system as added; `Location` is its address."),
                errors: [
                    400: malformedBody, 401: signedOut, 403: staffOnly, 409: "A system of that code exists (`field` is `code`).",
                    422: "A field breaks its rule; `problems` lists each.",
                ]),
            Operation(
                method: "get", path: "/api/v1/weapon-systems/{code}", id: "getWeaponSystem", tag: "interoperability",
                summary: "One weapon system", responses: ok(ref("WeaponSystem"), "The system."),
                errors: [401: signedOut, 404: "No such system."]),
            Operation(
                method: "patch", path: "/api/v1/weapon-systems/{code}", id: "updateWeaponSystem", tag: "interoperability",
                summary: "Change a weapon system's name, kind or calibre",
                description: "Staff only. Optimistic locking: send the `version` you read; audited.",
                body: body("WeaponSystemInput", "The fields to change (absent ones stay) and `version`."),
                responses: ok(ref("WeaponSystem"), "The system as changed."),
                errors: [
                    400: malformedBody, 401: signedOut, 403: staffOnly, 404: "No such system.",
                    409: "`version` is stale; read it again.", 422: "A field breaks its rule, or `version` is missing.",
                ]),
            Operation(
                method: "get", path: "/api/v1/fleets", id: "listFleets", tag: "interoperability",
                summary: "Fleets: how many of each system a nation operates",
                description: "Staff read every nation's; a delegate its own nation's only.", query: pageQuery,
                responses: ok(ref("FleetPage"), "A page of fleets, by nation and system."),
                errors: [400: malformedQuery, 401: signedOut, 403: "Neither staff nor a delegate.", 422: badPage]),
            Operation(
                method: "put", path: "/api/v1/fleets/{nation}/{system}", id: "setFleet", tag: "interoperability",
                summary: "Record or change a nation's fleet of a system",
                description: """
                    That nation's delegates and staff. Send `version` when the fleet exists (the one read), none to record \
                    a new one. The matrix is rebuilt in the same transaction; audited.
                    """,
                body: body("FleetInput", "The count and, for a fleet already recorded, its version."),
                responses: ok(ref("Fleet"), "The fleet as recorded, with its new `version`."),
                errors: [
                    400: malformedBody, 401: signedOut, 403: "Not that nation's delegate nor staff.",
                    409: "`version` is stale; read it again.",
                    422: "Unknown nation or system, `count` outside 0 to 100,000, or `version` missing for a recorded fleet.",
                ]),
            Operation(
                method: "post", path: "/api/v1/fleets/import", id: "importFleets", tag: "interoperability",
                summary: "Import fleets from CSV (`nation,system,count`)",
                description: "Staff any nation's rows; a delegate its own nation's only. Each row sets one fleet; audited.",
                body: csvBody,
                responses: ok(ref("ImportOutcome"), "How many rows were imported, new and changed."),
                errors: [401: signedOut, 403: "Neither staff nor a delegate.", 413: "The body is over 256 KiB.", 422: badCSV]),
            Operation(
                method: "get", path: "/api/v1/qualifications", id: "listQualifications", tag: "interoperability",
                summary: "Qualifications of munitions for weapon systems", description: "Staff and delegates.",
                query: pageQuery + [
                    query("item", text, "Only this munition's."), query("system", text, "Only this system's."),
                    query("nation", text, "Only those of this qualifying nation."),
                ],
                responses: ok(ref("QualificationPage"), "A page of qualifications, by munition, system and nation."),
                errors: [400: malformedQuery, 401: signedOut, 403: "Neither staff nor a delegate.", 422: badPage]),
            Operation(
                method: "post", path: "/api/v1/qualifications", id: "createQualification", tag: "interoperability",
                summary: "Record a qualification",
                description: """
                    The qualifying nation's delegates and staff. Recording one already recorded moves its day. The matrix \
                    is rebuilt in the same transaction; audited.
                    """,
                body: body("QualificationInput", "The munition, the system, the qualifying nation and the day."),
                responses: created(ref("Qualification"), "The qualification as recorded."),
                errors: [
                    400: malformedBody, 401: signedOut, 403: "Not that nation's delegate nor staff.",
                    422: "Unknown item, system or nation, or a day that is not YYYY-MM-DD from 1949 to 2100; `problems` lists each.",
                ]),
            Operation(
                method: "delete", path: "/api/v1/qualifications/{id}", id: "deleteQualification", tag: "interoperability",
                summary: "Withdraw a qualification", description: "The qualifying nation's delegates and staff; audited.",
                responses: ["204": response("Withdrawn.")],
                errors: [401: signedOut, 403: "Not that nation's delegate nor staff.", 404: "No such qualification that you may see."]),
            Operation(
                method: "post", path: "/api/v1/qualifications/import", id: "importQualifications", tag: "interoperability",
                summary: "Import qualifications from CSV (`item,system,nation,qualified on`)",
                description: "Staff any nation's rows; a delegate its own nation's only. Rows add to what is recorded; audited.",
                body: csvBody,
                responses: ok(ref("ImportOutcome"), "How many rows were imported, new and already recorded."),
                errors: [401: signedOut, 403: "Neither staff nor a delegate.", 413: "The body is over 256 KiB.", 422: badCSV]),
            Operation(
                method: "get", path: "/api/v1/recognitions", id: "listRecognitions", tag: "interoperability",
                summary: "Which nations recognise which others' qualifications (one way)", description: "Staff and delegates.",
                query: pageQuery, responses: ok(ref("RecognitionPage"), "A page of recognitions."),
                errors: [400: malformedQuery, 401: signedOut, 403: "Neither staff nor a delegate.", 422: badPage]),
            Operation(
                method: "put", path: "/api/v1/recognitions/{nation}/{code}", id: "setRecognition", tag: "interoperability",
                summary: "Record that `nation` recognises the qualifications of `code`",
                description: "The recognising nation's delegates and staff; idempotent; audited.",
                responses: ok(ref("Recognition"), "The recognition."),
                errors: [
                    401: signedOut, 403: "Not that nation's delegate nor staff.",
                    422: "An unknown nation, or a nation naming itself.",
                ]),
            Operation(
                method: "delete", path: "/api/v1/recognitions/{nation}/{code}", id: "deleteRecognition", tag: "interoperability",
                summary: "Withdraw a recognition", description: "The recognising nation's delegates and staff; audited.",
                responses: ["204": response("Withdrawn.")],
                errors: [
                    401: signedOut, 403: "Not that nation's delegate nor staff.", 404: "That nation does not recognise that one.",
                    422: "An unknown nation, or a nation naming itself.",
                ]),
            Operation(
                method: "get", path: "/api/v1/interchangeability", id: "getInterchangeability", tag: "interoperability",
                summary: "The interchangeability matrix, a page of munitions at a time",
                description: """
                    Staff and delegates read, per munition, every nation that can use it, through which systems and on \
                    whose qualification. Industry and observers read only `users`, and only where three or more nations \
                    can use it: munitions fewer can use are not listed, there is no `calibre` filter, and `nations`, \
                    `generation` and `rebuiltAt` are left out.
                    """,
                query: pageQuery + [
                    query("class", text, "Only munitions of this class."),
                    query("calibre", text, "Only munitions qualified for a system of this calibre (`155 mm`)."),
                    query("q", text, "Munition code or name contains."),
                    query("sort", enumeration(["item", "class", "users"]), "The order, `item` by default."),
                    query("dir", enumeration(["asc", "desc"]), "The direction."),
                ],
                responses: ok(ref("Interchangeability"), "A page of the matrix."),
                errors: [
                    400: malformedQuery, 401: signedOut,
                    422: "An unknown filter, a `class` or `calibre` no munition has, a bad sort, or a bad page.",
                ]),
        ]
    }

    static var interoperabilitySchemas: [String: Object] {
        [
            "WeaponSystem": object(
                "A weapon system of the catalogue.",
                [
                    field("code", text), field("name", text),
                    field("kind", enumeration(WeaponSystem.Kind.allCases.map(\.rawValue))),
                    field("calibre", text, "`155 mm`; empty for missile launchers."),
                    field("version", integer(), "For optimistic locking."),
                ]),
            "WeaponSystemInput": object(
                "A new weapon system, or a change to one (absent fields stay).",
                [
                    optional("code", text, "1 to 40 letters, digits, `-`, `_`, `.`; only when adding."),
                    optional("name", text, "1 to 120 characters on one line."),
                    optional("kind", enumeration(WeaponSystem.Kind.allCases.map(\.rawValue))),
                    optional("calibre", text, "At most 20 characters."),
                    optional("version", integer(), "The version read: required to change a system."),
                ]),
            "Fleet": object(
                "How many of a system a nation operates.",
                [
                    field("nation", text), field("system", text),
                    field("count", integer(minimum: 0, maximum: InteroperabilityRules.maxFleet)),
                    field("version", integer(), "For optimistic locking."),
                ]),
            "FleetInput": object(
                "A fleet's count.",
                [
                    field("count", integer(minimum: 0, maximum: InteroperabilityRules.maxFleet)),
                    optional("version", integer(), "The version read, when the fleet is recorded already."),
                ]),
            "Qualification": object(
                "A munition qualified for a system by a nation, on a day.",
                [
                    field("id", uuid), field("item", text), field("system", text), field("nation", text),
                    field("qualifiedOn", text, "YYYY-MM-DD."),
                ]),
            "QualificationInput": object(
                "A qualification to record.",
                [
                    field("item", text, "An item of the scenario."), field("system", text, "A system of the catalogue."),
                    field("nation", text, "The qualifying nation."), field("qualifiedOn", text, "YYYY-MM-DD, 1949 to 2100."),
                ]),
            "Recognition": object(
                "`nation` accepts the qualifications of `recognises` as its own; one way.",
                [field("nation", text), field("recognises", text)]),
            "ImportOutcome": object(
                "What a CSV import did.",
                [
                    field("rows", integer(minimum: 0), "Rows imported."), field("created", integer(minimum: 0), "New records."),
                    field("updated", integer(minimum: 0), "Records already there, now as the file says."),
                ]),
            "InterchangeabilityRoute": object(
                "One way a nation fires a munition.",
                [field("system", text, "The nation's system."), field("qualifiedBy", text, "The nation whose qualification it rests on.")]),
            "InterchangeabilityNation": object(
                "A nation that can use the munition.",
                [field("nation", text), field("routes", array(ref("InterchangeabilityRoute")))]),
            "InterchangeabilityRow": object(
                "One munition's row of the matrix.",
                [
                    field("item", text), field("name", text), optional("itemClass", text),
                    optional(
                        "users", integer(minimum: 0),
                        "Nations that can use it; null where withheld (fewer than three, for industry and observers)."),
                    optional("nations", array(ref("InterchangeabilityNation")), "Staff and delegates only."),
                ]),
            "Interchangeability": object(
                "A page of the matrix.",
                [
                    field("items", array(ref("InterchangeabilityRow"))), field("page", integer(minimum: 1)),
                    field("per", integer(minimum: 1, maximum: 500)), field("total", integer(minimum: 0)),
                    optional(
                        "generation", integer(minimum: 0),
                        "Moves on with every change to fleets, qualifications or recognitions; staff and delegates only."),
                    optional("rebuiltAt", dateTime, "When the matrix was last rebuilt; staff and delegates only."),
                ]),
        ]
    }
}
