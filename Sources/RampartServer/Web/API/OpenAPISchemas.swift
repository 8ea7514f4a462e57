import Foundation
import RampartCore

/// `components.schemas`: the DTOs of `API`, the handlers' own DTOs, the request bodies and the
/// RampartCore types they embed, as Vapor's JSON encoder writes them (default key names, ISO 8601 dates, nil
/// optionals left out).
extension OpenAPIDocument {
    static var schemas: Object {
        var result: Object = [:]
        for part in featureSchemas {
            for (name, schema) in part {
                precondition(result[name] == nil, "schema \(name) described twice")
                result[name] = schema
            }
        }
        for (name, item) in pages {
            result[name] = object(
                "A page of a list (`?page=` from 1, `?per=` 1 to 500).",
                [
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
        ("UserPage", "User"), ("AuditEntryPage", "AuditEntry"), ("JobPage", "Job"),
        ("WeaponSystemPage", "WeaponSystem"), ("FleetPage", "Fleet"), ("QualificationPage", "Qualification"),
        ("RecognitionPage", "Recognition"), ("StandardPage", "Standard"), ("RatificationPage", "Ratification"),
    ]

    /// Each feature's schemas, from `Features/<Feature>/<Feature>+OpenAPI.swift`.
    static var featureSchemas: [[String: Object]] {
        [
            accountSchemas, dashboardSchemas, scenarioSchemas, nationSchemas, sourceSchemas, interoperabilitySchemas, signalSchemas,
            standardSchemas,
            planSchemas,
            adminSchemas,
            operationsSchemas,
        ]
    }
}
