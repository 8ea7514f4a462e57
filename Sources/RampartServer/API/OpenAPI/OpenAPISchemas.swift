import Foundation
import RampartCore

/// `components.schemas`: the DTOs of `API` (APIDTOs.swift), the handlers' own DTOs, the request bodies and the
/// RampartCore types they embed, as Vapor's JSON encoder writes them (default key names, ISO 8601 dates, nil
/// optionals left out).
extension OpenAPIDocument {
    static var schemas: Object {
        var result: Object = [:]
        for (name, schema) in responseSchemas.merging(planSchemas, uniquingKeysWith: { a, _ in a })
            .merging(requestSchemas, uniquingKeysWith: { a, _ in a }) {
            result[name] = schema
        }
        for (name, item) in pages {
            result[name] = object("A page of a list (`?page=` from 1, `?per=` 1 to 500).", [
                field("items", array(ref(item))),
                field("page", integer(minimum: 1), "This page, from 1."),
                field("per", integer(minimum: 1, maximum: 500), "Items per page."),
                field("total", integer(minimum: 0), "Items in the whole list."),
            ])
        }
        return result
    }

    /// The `PageDTO` wrappers: schema name and item schema.
    static let pages: [(String, String)] = [
        ("ItemPage", "Item"), ("DemandPage", "Demand"), ("SourcePage", "Source"), ("PlanRunPage", "PlanRun"),
        ("UserPage", "User"), ("AuditEntryPage", "AuditEntry"),
    ]

    // MARK: answers

    static var responseSchemas: [String: Object] {
        [
            "Error": object("An error (RampartErrorMiddleware).", [
                field("error", ["type": "boolean", "enum": [true]], "Always true."),
                field("reason", text, "What went wrong, in words (the problems joined by \"; \")."),
                optional("field", text, "The input field at fault, when there is one."),
                optional("problems", array(text), "Every problem, each \"field: problem\", when the input is at fault."),
            ]),
            "Accepted": object("A request taken in.", [field("status", text, "What happens next, in words.")]),
            "RegistrationAccepted": object("A registration taken in: the same answer whether or not the address can be registered.", [
                field("status", text, "What happens next, in words."),
                field("registration", uuid, "The pending registration, for `POST /api/v1/accounts/verify/resend`."),
            ]),
            "TokenScope": ["type": "string", "enum": TokenScope.allCases.map(\.rawValue),
                           "description": "read (GET only) or read-write."],
            "Role": ["type": "string", "enum": Role.allCases.map(\.rawValue),
                     "description": "staff (Alliance staff), delegate (national delegate), industry (industry representative), observer."],
            "User": object("An account.", [
                field("id", uuid),
                field("email", text),
                field("displayName", text),
                field("role", ref("Role")),
                optional("nation", text, "The nation a delegate acts for."),
                optional("company", text, "The company an industry representative acts for."),
                field("verified", boolean, "Whether the e-mail address is verified."),
                field("newsletter", boolean),
                field("version", integer(), "For optimistic locking: send it back in `RolePatch`."),
            ]),
            "Token": object("An API token. The secret `token` comes only in the answer that creates it.", [
                optional("id", uuid),
                field("name", text),
                optional("createdAt", dateTime),
                optional("expiresAt", dateTime, "After this the token no longer works."),
                field("scope", ref("TokenScope")),
                optional("token", text, "The bearer token (`rmp_...`): shown once."),
            ]),
            "Demand": object("A nation's demand: a quantity of an item, or of any item of a class, due in a month.", [
                field("id", text),
                field("nation", text),
                optional("item", text, "The item demanded (exactly one of `item` and `class` is set)."),
                optional("class", text, "The interchangeability class demanded."),
                field("qty", number),
                field("dueMonth", integer(minimum: 0), "Month of the horizon, from 0."),
                field("priority", integer(minimum: 1, maximum: 5), "1 (highest) to 5."),
                field("released", boolean, "Released to industry and the other nations."),
                field("version", integer(), "For optimistic locking: send it back in `DemandPatch`."),
                optional("outcome", ref("Outcome"), "The latest successful plan's outcome (nation demand lists only)."),
            ]),
            "Outcome": object("What a plan run delivers for one demand.", [
                field("planRun", uuid, "The plan run."),
                field("onTimeUnits", number),
                field("lateUnits", number),
                field("unservedUnits", number),
                optional("lastDeliveryMonth", integer(minimum: 0), "Absent when nothing is delivered."),
                field("deliveries", array(ref("Delivery"))),
                optional("reason", text, "Why the demand is late or short."),
            ]),
            "Delivery": object("Units delivered in a month.", [field("month", integer(minimum: 0)), field("qty", number)]),
            "CapacityStep": object("From month `from` on (until the next step), `perMonth` units a month.", [
                field("from", integer(minimum: 0)),
                field("perMonth", quantity),
            ]),
            "Source": object("A line (producer) or a supply (supplier) of one item.", [
                field("id", text),
                field("kind", enumeration(["line", "supply"])),
                field("company", text, "The producer or the supplier."),
                field("country", text),
                field("item", text),
                field("leadTimeMonths", integer(minimum: 0)),
                field("capacity", array(ref("CapacityStep")), "The step schedule, by month; 0 before the first step."),
                field("version", integer(), "For optimistic locking: send it back in `SourcePatch`."),
            ]),
            "BOMEntry": object("Units of a component consumed per unit of the item.", [field("item", text), field("qty", number)]),
            "Item": object("An item.", [
                field("id", text),
                field("name", text),
                field("kind", enumeration(["end", "component", "material"])),
                optional("class", text, "The interchangeability class."),
                field("bom", array(ref("BOMEntry")), "The bill of materials (empty for bought items)."),
            ]),
            "Nation": object("A nation.", [field("code", text), field("name", text)]),
            "Signal": object("Released demand for one target in one year.", [
                field("target", text, "The item or class."),
                field("year", integer()),
                field("qty", number),
                field("demands", integer(minimum: 1), "How many demands add up to `qty`."),
            ]),
            "AuditChange": object("One field's change.", [field("field", text), field("old", text), field("new", text)]),
            "AuditEntry": object("One entry of the audit trail.", [
                field("at", dateTime),
                field("actor", text, "Who: an e-mail address or `system`."),
                field("entity", text, "What kind of record: `demand`, `line`, `supply`, `user`, `api token`, `scenario`."),
                field("key", text, "Which record."),
                field("action", text),
                field("changes", array(ref("AuditChange"))),
            ]),
            "Dashboard": object("The dashboard.", [
                field("scenario", text, "The scenario's name."),
                field("horizon", text, "The horizon in words."),
                field("counts", ["type": "object", "additionalProperties": integer(minimum: 0)],
                      "Record counts by label: `Nations`, `Demands` (for observers and industry `Released demands` instead), `Lines and supplies`, `Items`."),
                optional("latestPlan", ref("PlanRun"), "The latest successful run (not for observers), with the nations' rows the person may read."),
            ]),
            "ImportSummary": object("What an imported scenario holds.", [
                field("scenario", text),
                field("items", integer(minimum: 0)),
                field("lines", integer(minimum: 0)),
                field("supplies", integer(minimum: 0)),
                field("stocks", integer(minimum: 0)),
                field("demands", integer(minimum: 0)),
            ]),
            "Health": object("Whether the server and its database answer.", [
                field("status", enumeration(["ok", "failing"])),
                field("database", enumeration(["ok", "unreachable"])),
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

    // MARK: plan runs

    static var planSchemas: [String: Object] {
        [
            "PlanRun": object("A plan run: a background job planning the scenario held when it was queued.", [
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
                optional("error", text, "Why the run failed."),
                optional("nations", array(ref("OutcomeSummary")), "Per-nation rows the person may read (single run and dashboard)."),
                optional("lateDemands", array(ref("LateDemand")), "The worst late or short demands the person may read, at most 200 (single run)."),
                optional("lateDemandCount", integer(minimum: 0), "How many demands are late or short in all (single run)."),
                optional("bottlenecks", array(ref("Bottleneck")), "Staff only (single run)."),
            ]),
            "Objective": object("The plan's objective (`planning-model.md`).", [
                field("weightedLateness", number, "In unit-months: late and unserved units weighted by priority (`planning-model.md`)."),
                field("onTimeUnits", number),
                field("lateUnits", number),
                field("unservedUnits", number),
            ]),
            "OutcomeSummary": object("Units on time, late and unserved for one nation (or item).", [
                field("key", text, "The nation (or item)."),
                field("demandedUnits", number),
                field("onTimeUnits", number),
                field("lateUnits", number),
                field("unservedUnits", number),
                field("meanDelayMonths", number, "Mean delay of the units delivered late (0 when none is)."),
                field("weightedLateness", number),
            ]),
            "LateDemand": object("A late or short demand of a plan run.", [
                field("demand", text),
                field("nation", text),
                field("target", text, "The item or class."),
                field("lateUnits", number),
                field("unservedUnits", number),
                field("weightedLateness", number),
                field("reason", text, "The chain of constraints that held it back, in one sentence."),
            ]),
            "MonthRange": object("Months `from` to `to`, both included.", [
                field("from", integer(minimum: 0)),
                field("to", integer(minimum: 0)),
            ]),
            "Bottleneck": object("A line or supply whose extra capacity would cut weighted lateness most.", [
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
                    "production": array(["type": "object"]),
                    "purchases": array(["type": "object"]),
                    "deliveries": array(["type": "object"]),
                    "report": ["type": "object"] as Object,
                ] as Object,
            ],
        ]
    }

    // MARK: request bodies

    static var requestSchemas: [String: Object] {
        [
            "Credentials": object("Sign-in for a token.", [
                field("email", text),
                field("password", text),
                optional("name", text, "The token's name, 1 to 80 characters; \"API sign-in <time>\" when absent."),
                optional("scope", ref("TokenScope"), "read-write when absent."),
                optional("expiresInDays", integer(minimum: 1, maximum: 365, default: 90)),
            ]),
            "Registration": object("A new account.", [
                field("email", text),
                field("displayName", text, "1 to 100 characters."),
                field("password", text, "The password policy's rules apply; a 422 lists the ones broken."),
            ]),
            "CodeCheck": object("An e-mailed verification code.", [field("email", text), field("code", text)]),
            "EmailOnly": object("An e-mail address.", [field("email", text)]),
            "Resend": object("A new code for a pending registration.", [
                field("email", text),
                optional("registration", uuid, "The id `POST /api/v1/accounts` answered."),
            ]),
            "ResetConfirm": object("A password reset.", [
                field("email", text),
                field("code", text, "The code from the reset mail."),
                field("password", text, "The new password."),
            ]),
            "Newsletter": object("The newsletter subscription.", [field("subscribed", boolean)]),
            "TokenCreate": object("A new API token.", [
                field("name", text, "1 to 80 characters."),
                optional("scope", ref("TokenScope"), "read-write when absent."),
                optional("expiresInDays", integer(minimum: 1, maximum: 365, default: 90)),
            ]),
            "NewDemand": object("A new demand; it names exactly one of `item` and `class`.", [
                field("id", text, "`D-<nation>-` then letters, digits, `-`, `_` or `.`, 64 characters in all (e.g. `D-PL-0042`); not used by another demand."),
                optional("item", text, "An item of the scenario."),
                optional("class", text, "An interchangeability class of the scenario."),
                field("qty", quantity, "Above 0, at most 1e12."),
                field("dueMonth", integer(minimum: 0), "A month of the horizon."),
                field("priority", integer(minimum: 1, maximum: 5), "1 is the highest."),
                optional("released", boolean, "Readable by other nations and industry; false when absent."),
            ]),
            "DemandPatch": object("A change to a demand; absent fields stay as they are.", [
                optional("qty", quantity, "Above 0, at most 1e12."),
                optional("dueMonth", integer(minimum: 0), "A month of the horizon."),
                optional("priority", integer(minimum: 1, maximum: 5)),
                optional("released", boolean),
                field("version", integer(), "The version read."),
            ]),
            "SourcePatch": object("A change to a line or supply; absent fields stay as they are.", [
                optional("leadTimeMonths", integer(minimum: 0, maximum: FieldRules.leadTimeMonths.upperBound)),
                optional("capacity", array(ref("CapacityStep")), "The whole new schedule: months of the horizon, each once; `perMonth` 0 to 1e12."),
                field("version", integer(), "The version read."),
            ]),
            "RolePatch": object("A role assignment.", [
                field("role", ref("Role")),
                optional("nation", text, "The nation's code: required for `delegate`, ignored otherwise."),
                optional("company", text, "The company's name: required for `industry`, ignored otherwise."),
                field("version", integer(), "The version read."),
            ]),
        ]
    }
}
