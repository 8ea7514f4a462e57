import Foundation
import RampartCore

/// The operations part of the OpenAPI document (health, metrics, the document itself) and the error answer.
extension OpenAPIDocument {
    static var operationsOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/openapi.json", id: "getOpenAPIDocument", tag: "operations",
                summary: "This document",
                isPublic: true,
                responses: ok(["type": "object", "description": "An OpenAPI 3.0.3 document."], "The OpenAPI document.")),
            Operation(
                method: "get", path: "/health", id: "getHealth", tag: "operations",
                summary: "Whether the server and its database answer",
                isPublic: true,
                responses: [
                    "200": response("The server and the database answer.", ref("Health")),
                    "503": response("The database does not answer.", ref("Health")),
                ]),
            Operation(
                method: "get", path: "/metrics", id: "getMetrics", tag: "operations",
                summary: "Prometheus metrics",
                description: "HTTP request counts and durations, plan runs by status and mails waiting in the outbox. "
                    + "The bearer token is the server's METRICS_TOKEN setting, not an account's API token.",
                responses: [
                    "200": response("The metrics in the Prometheus text format (version 0.0.4).", text, mediaType: "text/plain")
                ],
                errors: [401: "No metrics token, or a wrong one.", 404: "METRICS_TOKEN is not set: the metrics are off."]),
        ]
    }

    static var operationsSchemas: [String: Object] {
        [
            "Error": object(
                "An error (RampartErrorMiddleware).",
                [
                    field("error", ["type": "boolean", "enum": [true]], "Always true."),
                    field("reason", text, "What went wrong, in words (the problems joined by \"; \")."),
                    optional("field", text, "The input field at fault, when there is one."),
                    optional("problems", array(text), "Every problem, each \"field: problem\", when the input is at fault."),
                ]),
            "Health": object(
                "Whether the server and its database answer.",
                [
                    field("status", enumeration(["ok", "failing"])),
                    field("database", enumeration(["ok", "unreachable"])),
                ]),
        ]
    }
}
