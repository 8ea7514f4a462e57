import Foundation
import RampartCore

/// The plans part of the OpenAPI document: its operations and the schemas they name.
extension OpenAPIDocument {
    static var planOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/plans", id: "listPlanRuns", tag: "plans",
                summary: "Plan runs, newest first",
                description: "The runs' status and objective, without the per-nation rows, late demands or bottlenecks.",
                query: pageQuery,
                responses: ok(ref("PlanRunPage"), "A page of plan runs."),
                errors: [400: malformedQuery, 401: signedOut, 422: badPage]),
            Operation(
                method: "post", path: "/api/v1/plans", id: "startPlanRun", tag: "plans",
                summary: "Queue a plan run of the scenario held now",
                description: """
                    Staff only. The job service runs it in the background; follow it at the `Location`. The body may \
                    choose the objective (`weighted` when there is no body or no `objective`).
                    """,
                body: [
                    "required": false, "description": "What the run aims at.",
                    "content": ["application/json": ["schema": ref("PlanStart")] as Object] as Object,
                ],
                responses: [
                    "202": response(
                        "Queued.", ref("PlanRun"),
                        headers: ["Location": ["description": "The run: `/api/v1/plans/{id}`.", "schema": text] as Object])
                ],
                errors: [
                    400: "The body is not JSON, or `objective` is neither `weighted` nor `strict`.",
                    401: signedOut, 403: staffOnly,
                    409: """
                    There is no scenario to plan (import one first); a run is already queued (it will plan the data \
                    as it is when it starts); or a run of the same data is running (nothing changed since it started).
                    """,
                ]),
            Operation(
                method: "get", path: "/api/v1/plans/{id}", id: "getPlanRun", tag: "plans",
                summary: "A plan run's status and outcome",
                description: """
                    Once the run succeeded: staff read every nation's row, the late demands and the bottlenecks; a delegate \
                    their nation's row and late demands; industry none of these; observers only the objective.
                    """,
                responses: ok(ref("PlanRun"), "The run."),
                errors: [401: signedOut, 404: "No such plan run (or the id is not a UUID)."]),
            Operation(
                method: "get", path: "/api/v1/plans/{id}/file", id: "getPlanFile", tag: "plans",
                summary: "A run's plan file: the whole file for staff, a nation's part for its delegates",
                description: """
                    Staff read the plan file as `planning-model.md` defines it, with Rampart's `report` (`PlanFile`). A \
                    delegate reads their nation's part (`NationPlanFile`): its demands with their outcomes and its \
                    deliveries, without the lines' production or other nations' demands. Sent as an attachment.
                    """,
                responses: ok(["oneOf": [ref("PlanFile"), ref("NationPlanFile")]] as Object, "The plan file."),
                errors: [
                    401: signedOut,
                    403: "Industry and observers: a plan file names every nation's demands or the lines' production.",
                    404: "No such plan run (or the id is not a UUID).",
                    409: "The run has no plan yet (queued, running or failed).",
                ]),
        ]
    }

    static var planSchemas: [String: Object] {
        [
            "PlanRun": object(
                "A plan run: a background job planning the scenario held when it was queued.",
                [
                    field("id", uuid),
                    field("status", enumeration(PlanRunStatus.allCases.map(\.rawValue))),
                    field("progress", ["type": "number", "format": "double", "minimum": 0, "maximum": 1] as Object, "0 to 1."),
                    field("phase", text, "What the run is doing, in words."),
                    field("scenario", text, "The scenario's name."),
                    optional("demandCount", integer(minimum: 0), "Demands planned, released or not: for staff and delegates only."),
                    field("createdAt", dateTime),
                    optional("startedAt", dateTime),
                    optional("finishedAt", dateTime),
                    optional("objective", ref("Objective"), "Once the run succeeded."),
                    field(
                        "objectiveAimedAt", enumeration(PlanObjective.allCases.map(\.rawValue)),
                        "What the run aims at: `weighted` (the weighted lateness of `planning-model.md`) or `strict` (priority 1 first, then 2, and so on)."
                    ),
                    optional("error", text, "Why the run failed."),
                    optional("nations", array(ref("OutcomeSummary")), "Per-nation rows the person may read (single run and dashboard)."),
                    optional(
                        "lateDemands", array(ref("LateDemand")),
                        "The worst late or short demands the person may read, at most 200 (single run)."),
                    optional("lateDemandCount", integer(minimum: 0), "How many demands are late or short in all (single run)."),
                    optional("bottlenecks", array(ref("Bottleneck")), "Staff only (single run)."),
                ]),
            "PlanStart": object(
                "The start of a plan run.",
                [
                    optional(
                        "objective", enumeration(PlanObjective.allCases.map(\.rawValue)),
                        "`weighted` (the default): the least weighted lateness; `strict`: lexicographic by priority, a higher priority never giving anything up for a lower one."
                    )
                ]),
            "Objective": object(
                "The plan's objective (`planning-model.md`).",
                [
                    field(
                        "weightedLateness", number, "In unit-months: late and unserved units weighted by priority (`planning-model.md`)."),
                    field("onTimeUnits", number),
                    field("lateUnits", number),
                    field("unservedUnits", number),
                ]),
            "OutcomeSummary": object(
                "Units on time, late and unserved for one nation (or item).",
                [
                    field("key", text, "The nation (or item)."),
                    field("demandedUnits", number),
                    field("onTimeUnits", number),
                    field("lateUnits", number),
                    field("unservedUnits", number),
                    field("meanDelayMonths", number, "Mean delay of the units delivered late (0 when none is)."),
                    field("weightedLateness", number),
                ]),
            "LateDemand": object(
                "A late or short demand of a plan run.",
                [
                    field("demand", text),
                    field("nation", text),
                    field("target", text, "The item or class."),
                    field("lateUnits", number),
                    field("unservedUnits", number),
                    field("weightedLateness", number),
                    field("reason", text, "The chain of constraints that held it back, in one sentence."),
                ]),
            "MonthRange": object(
                "Months `from` to `to`, both included.",
                [
                    field("from", integer(minimum: 0)),
                    field("to", integer(minimum: 0)),
                ]),
            "Bottleneck": object(
                "A line or supply whose extra capacity would cut weighted lateness most.",
                [
                    field("kind", enumeration(["line", "supply"])),
                    field("source", text, "The line's or supply's id."),
                    field("item", text),
                    field("owner", text, "The producer or supplier."),
                    field("country", text),
                    field("saturatedMonths", array(ref("MonthRange"))),
                    field("extraPerMonth", number, "Extra units a month tried, over the saturated months."),
                    field("weightedLatenessSaved", number, "Weighted lateness saved by that extra capacity (re-planned), in unit-months."),
                    field("savedPerExtraUnit", number),
                ]),
            "NationPlanFile": object(
                "One nation's part of a plan run, as its delegates download it (version 1).",
                [
                    field("version", integer(minimum: 1)),
                    field("kind", enumeration(["rampart-nation-plan"])),
                    field("marking", text, "Who may read it: \"<nation> only\"."),
                    field("planRun", uuid),
                    field("runNumber", integer(minimum: 1)),
                    field("scenario", text),
                    field("nation", text),
                    field("objective", ref("Objective"), "The nation's demands only."),
                    field("demands", array(["type": "object"])),
                    field("deliveries", array(["type": "object"]), "The contract's delivery entries of the nation's demands."),
                ]),
            "PlanFile": [
                "type": "object",
                "description": """
                A plan file as `planning-model.md` (version 1) defines it: `version`, `scenario`, `objective`, \
                `production`, `purchases` and `deliveries`, and Rampart's `report` (summaries per nation and item, \
                late demands with their explanations, bottlenecks).
                """,
                "properties": [
                    "version": integer(minimum: 1),
                    "scenario": text,
                    "objective": ref("Objective"),
                    "objectiveAimedAt": enumeration(PlanObjective.allCases.map(\.rawValue)),
                    "production": array(["type": "object"]),
                    "purchases": array(["type": "object"]),
                    "deliveries": array(["type": "object"]),
                    "report": ["type": "object"] as Object,
                ] as Object,
            ],
        ]
    }
}
