import Foundation
import RampartCore

/// The nations part of the OpenAPI document: its operations and the schemas they name.
extension OpenAPIDocument {
    static var nationOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/nations", id: "listNations", tag: "records",
                summary: "The nations, by code",
                responses: ok(array(ref("Nation")), "Every nation."),
                errors: [401: signedOut]),
            Operation(
                method: "get", path: "/api/v1/nations/{code}/demands", id: "listNationDemands", tag: "records",
                summary: "A nation's demands with the latest successful plan's outcome for each",
                description:
                    "For staff and the nation's delegates. Each demand carries `outcome` when the latest successful run planned it.",
                query: pageQuery,
                responses: ok(ref("DemandPage"), "A page of the nation's demands, in scenario order."),
                errors: [400: malformedQuery, 401: signedOut, 403: "Neither staff nor a delegate of this nation.", 422: badPage]),
            Operation(
                method: "post", path: "/api/v1/nations/{code}/demands", id: "createDemand", tag: "records",
                summary: "Enter a new demand of this nation",
                description: "Staff and the nation's delegates. The demand goes last in the scenario's order; audited.",
                body: body("NewDemand", "The demand, as in a scenario file."),
                responses: created(ref("Demand"), "The demand entered, at version 1; `Location` is its address."),
                errors: [
                    400: malformedBody,
                    401: signedOut,
                    403: "Neither staff nor a delegate of this nation.",
                    409: "The id is taken by one of the nation's demands (`field` is `id`), or there is no scenario yet.",
                    422: "A bad `id`, item or class (unknown, both or neither), `qty`, `dueMonth` or `priority`; `problems` lists each.",
                ]),
            Operation(
                method: "get", path: "/api/v1/demands", id: "listDemands", tag: "records",
                summary: "The demands the signed-in person may read",
                description: """
                    Staff read every demand; a delegate their nation's and the released ones. \
                    Industry and observers read the aggregated `GET /api/v1/signals` instead. No `outcome` here.
                    """,
                query: [query("nation", text, "Only this nation's demands.")] + pageQuery,
                responses: ok(ref("DemandPage"), "A page of demands, in scenario order."),
                errors: [400: malformedQuery, 401: signedOut, 403: "Industry and observers may not read single demands.", 422: badPage]),
            Operation(
                method: "get", path: "/api/v1/demands/{code}", id: "getDemand", tag: "records",
                summary: "One demand",
                responses: ok(ref("Demand"), "The demand (no `outcome`)."),
                errors: [401: signedOut, 404: "No such demand, or one the signed-in person may not read."]),
            Operation(
                method: "patch", path: "/api/v1/demands/{code}", id: "updateDemand", tag: "records",
                summary: "Change a demand's quantity, due month, priority or release",
                description: "Staff and the nation's delegates. Optimistic locking: send the `version` you read; audited.",
                body: body("DemandPatch", "The fields to change (absent ones stay) and the version read."),
                responses: ok(ref("Demand"), "The demand as changed, with its new `version` (no `outcome`)."),
                errors: [
                    400: malformedBody,
                    401: signedOut,
                    403: "The signed-in person may read the demand but not change it (another nation's released demand).",
                    404: "No such demand, or one the signed-in person may not read.",
                    409: "Someone changed the demand first: `version` is stale (`field` is `version`); read it again.",
                    422: "`qty` not above 0, `dueMonth` outside the horizon or `priority` outside 1 to 5; `problems` lists each.",
                ]),
            Operation(
                method: "delete", path: "/api/v1/demands/{code}", id: "deleteDemand", tag: "records",
                summary: "Withdraw a demand",
                description:
                    "Staff and the nation's delegates, at the `version` they read; audited. Past plan runs keep their results for it.",
                query: [
                    [
                        "name": "version", "in": "query", "required": true, "schema": integer(minimum: 1),
                        "description": "The version read.",
                    ] as Object
                ],
                responses: ["204": response("Withdrawn.")],
                errors: [
                    401: signedOut,
                    403: "The signed-in person may read the demand but not withdraw it (another nation's released demand).",
                    404: "No such demand, or one the signed-in person may not read.",
                    409: "Someone changed the demand first: `version` is stale; read it again.",
                    422: "No `version`.",
                ]),
        ]
    }

    static var nationSchemas: [String: Object] {
        [
            "Demand": object(
                "A nation's demand: a quantity of an item, or of any item of a class, due in a month.",
                [
                    field("id", text),
                    field("nation", text),
                    optional("item", text, "The item demanded (exactly one of `item` and `class` is set)."),
                    optional("class", text, "The interchangeability class demanded."),
                    field("qty", number),
                    field("dueMonth", integer(minimum: 0), "Month of the horizon, from 0."),
                    field("priority", integer(minimum: 1, maximum: 5), "1 (highest) to 5."),
                    field("released", boolean, "Released to the other nations and, summed under the disclosure rules, to industry."),
                    field("firm", boolean, "Under contract (true) or foreseeable."),
                    field("version", integer(), "For optimistic locking: send it back in `DemandPatch`."),
                    optional("outcome", ref("Outcome"), "The latest successful plan's outcome (nation demand lists only)."),
                ]),
            "Outcome": object(
                "What a plan run delivers for one demand.",
                [
                    field("planRun", uuid, "The plan run."),
                    field("onTimeUnits", number),
                    field("lateUnits", number),
                    field("unservedUnits", number),
                    optional("firstDeliveryMonth", integer(minimum: 0), "Absent when nothing is delivered."),
                    optional("lastDeliveryMonth", integer(minimum: 0), "Absent when nothing is delivered."),
                    optional(
                        "weightedLateness", number,
                        "The demand's part of the objective (`planning-model.md`); absent for runs stored before it was kept."),
                    field("deliveries", array(ref("Delivery"))),
                    optional("reason", text, "Why the demand is late or short: the main constraint, in calendar months."),
                    field("causes", array(text), "The whole chain of constraints, main one first, in calendar months."),
                    field(
                        "causesNotKept", integer(minimum: 0),
                        "How many more causes the planner found beyond those it keeps in `causes` (0 when none)."),
                ]),
            "Delivery": object("Units delivered in a month.", [field("month", integer(minimum: 0)), field("qty", number)]),
            "Nation": object("A nation.", [field("code", text), field("name", text)]),
            "NewDemand": object(
                "A new demand; it names exactly one of `item` and `class`.",
                [
                    field(
                        "id", text,
                        "`D-<nation>-` then letters, digits, `-`, `_` or `.`, 64 characters in all (e.g. `D-PL-0042`); not used by another demand."
                    ),
                    optional("item", text, "An item of the scenario."),
                    optional("class", text, "An interchangeability class of the scenario."),
                    field("qty", quantity, "Above 0, at most 1e12."),
                    field("dueMonth", integer(minimum: 0), "A month of the horizon."),
                    field("priority", integer(minimum: 1, maximum: 5), "1 is the highest."),
                    optional(
                        "released", boolean,
                        "Readable by the other nations' delegates and summed in the signals industry reads; false when absent."),
                    optional("firm", boolean, "Under contract; foreseeable (false) when absent."),
                ]),
            "DemandPatch": object(
                "A change to a demand; absent fields stay as they are.",
                [
                    optional("qty", quantity, "Above 0, at most 1e12."),
                    optional("dueMonth", integer(minimum: 0), "A month of the horizon."),
                    optional("priority", integer(minimum: 1, maximum: 5)),
                    optional("released", boolean),
                    optional("firm", boolean),
                    field("version", integer(), "The version read."),
                ]),
        ]
    }
}
