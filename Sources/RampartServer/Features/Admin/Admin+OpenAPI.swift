import Foundation
import RampartCore

/// The admin part of the OpenAPI document: its operations and the schemas they name.
extension OpenAPIDocument {
    static var adminOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/users", id: "listUsers", tag: "admin",
                summary: "Accounts, by e-mail address",
                description: "Staff only.",
                query: pageQuery,
                responses: ok(ref("UserPage"), "A page of accounts."),
                errors: [400: malformedQuery, 401: signedOut, 403: staffOnly, 422: badPage]),
            Operation(
                method: "patch", path: "/api/v1/users/{id}", id: "updateUserRole", tag: "admin",
                summary: "Assign an account's role and the nation or company it acts for",
                description: """
                    Staff only. A delegate needs `nation`, industry `company`; the other roles drop both. Optimistic locking: \
                    send the `version` you read; audited.
                    """,
                body: body("RolePatch", "The role, its nation or company, and the version read."),
                responses: ok(ref("User"), "The account as changed, with its new `version`."),
                errors: [
                    400: malformedBody,
                    401: signedOut,
                    403: staffOnly,
                    404: "No such account (or the id is not a UUID).",
                    409: "Someone changed the account first: `version` is stale (`field` is `version`); read it again.",
                    422:
                        "A delegate without a known nation, industry without a known company, or staff taking the staff role from themselves.",
                ]),
            Operation(
                method: "get", path: "/api/v1/audit", id: "listAuditEntries", tag: "admin",
                summary: "The audit trail, newest first",
                description: "Staff only.",
                query: [
                    query("entity", text, "Only entries of this entity (e.g. `demand`, `line`, `supply`, `user`, `api token`, `scenario`).")
                ]
                    + pageQuery,
                responses: ok(ref("AuditEntryPage"), "A page of audit entries."),
                errors: [400: malformedQuery, 401: signedOut, 403: staffOnly, 422: badPage]),
        ]
    }

    static var adminSchemas: [String: Object] {
        [
            "AuditChange": object("One field's change.", [field("field", text), field("old", text), field("new", text)]),
            "AuditEntry": object(
                "One entry of the audit trail.",
                [
                    field("at", dateTime),
                    field("actor", text, "Who: an e-mail address or `system`."),
                    field("entity", text, "What kind of record: `demand`, `line`, `supply`, `user`, `api token`, `scenario`."),
                    field("key", text, "Which record."),
                    field("action", text),
                    field("changes", array(ref("AuditChange"))),
                ]),
            "RolePatch": object(
                "A role assignment.",
                [
                    field("role", ref("Role")),
                    optional("nation", text, "The nation's code: required for `delegate`, ignored otherwise."),
                    optional("company", text, "The company's name: required for `industry`, ignored otherwise."),
                    field("version", integer(), "The version read."),
                ]),
        ]
    }
}
