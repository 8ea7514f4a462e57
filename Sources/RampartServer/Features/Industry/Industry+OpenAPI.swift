import Foundation
import RampartCore

/// The industry part of the OpenAPI document: its operations and the schemas they name.
extension OpenAPIDocument {
    static var sourceOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/sources", id: "listSources", tag: "records",
                summary: "Lines and supplies with their capacity schedules",
                description: "Staff read all; an industry representative their company's.",
                query: pageQuery,
                responses: ok(ref("SourcePage"), "A page of lines and supplies, in scenario order."),
                errors: [400: malformedQuery, 401: signedOut, 403: "Neither staff nor industry.", 422: badPage]),
            Operation(
                method: "get", path: "/api/v1/sources/{code}", id: "getSource", tag: "records",
                summary: "One line or supply",
                responses: ok(ref("Source"), "The line or supply."),
                errors: [401: signedOut, 404: "No such line or supply, or one of another company."]),
            Operation(
                method: "patch", path: "/api/v1/sources/{code}", id: "updateSource", tag: "records",
                summary: "Change a line's or supply's lead time or capacity schedule",
                description: """
                    Staff and the owning company. `capacity`, when sent, replaces the whole schedule. Optimistic locking: \
                    send the `version` you read; audited.
                    """,
                body: body("SourcePatch", "The fields to change (absent ones stay) and the version read."),
                responses: ok(ref("Source"), "The line or supply as changed, with its new `version`."),
                errors: [
                    400: malformedBody,
                    401: signedOut,
                    404: "No such line or supply, or one of another company.",
                    409: "Someone changed it first: `version` is stale (`field` is `version`); read it again.",
                    422: """
                    `leadTimeMonths` outside 0 to 120, a step outside the horizon, a negative capacity or two steps in one \
                    month; `problems` lists each.
                    """,
                ]),
        ]
    }

    static var sourceSchemas: [String: Object] {
        [
            "CapacityStep": object(
                "From month `from` on (until the next step), `perMonth` units a month.",
                [
                    field("from", integer(minimum: 0)),
                    field("perMonth", quantity),
                ]),
            "Source": object(
                "A line (producer) or a supply (supplier) of one item.",
                [
                    field("id", text),
                    field("kind", enumeration(["line", "supply"])),
                    field("company", text, "The producer or the supplier."),
                    field("country", text),
                    field("item", text),
                    field("leadTimeMonths", integer(minimum: 0)),
                    field("capacity", array(ref("CapacityStep")), "The step schedule, by month; 0 before the first step."),
                    field("version", integer(), "For optimistic locking: send it back in `SourcePatch`."),
                ]),
            "SourcePatch": object(
                "A change to a line or supply; absent fields stay as they are.",
                [
                    optional("leadTimeMonths", integer(minimum: 0, maximum: FieldRules.leadTimeMonths.upperBound)),
                    optional(
                        "capacity", array(ref("CapacityStep")),
                        "The whole new schedule: months of the horizon, each once; `perMonth` 0 to 1e12."),
                    field("version", integer(), "The version read."),
                ]),
        ]
    }
}
