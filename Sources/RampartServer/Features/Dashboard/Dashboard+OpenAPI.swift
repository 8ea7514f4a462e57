import Foundation
import RampartCore

/// The dashboard part of the OpenAPI document: its operations and the schemas they name.
extension OpenAPIDocument {
    static var dashboardOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/dashboard", id: "getDashboard", tag: "records",
                summary: "The scenario, the record counts and the latest successful plan run",
                responses: ok(ref("Dashboard"), "The dashboard."),
                errors: [401: signedOut])
        ]
    }

    static var dashboardSchemas: [String: Object] {
        [
            "Dashboard": object(
                "The dashboard.",
                [
                    field("scenario", text, "The scenario's name."),
                    field("horizon", text, "The horizon in words."),
                    field(
                        "counts", ["type": "object", "additionalProperties": integer(minimum: 0)],
                        "Record counts by label: `Nations`, `Demands` (for observers and industry `Released demands` instead), `Lines and supplies`, `Items`."
                    ),
                    optional(
                        "latestPlan", ref("PlanRun"),
                        "The latest successful run (not for observers), with the nations' rows the person may read."),
                ])
        ]
    }
}
