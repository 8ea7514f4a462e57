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
            Operation(
                method: "get", path: "/api/v1/jobs", id: "listJobs", tag: "admin",
                summary: "The job queue, newest first",
                description: """
                    Staff only. Every kind of background work that the servers sharing the database take from the queue \
                    (`plan-run` today), with its progress while it runs and its error if it failed.
                    """,
                query: [
                    query("status", enumeration(JobStatus.allCases.map(\.rawValue)), "Only jobs in this status."),
                    query("kind", text, "Only jobs of this kind (e.g. `plan-run`)."),
                ] + pageQuery,
                responses: ok(ref("JobPage"), "A page of jobs."),
                errors: [
                    400: malformedQuery, 401: signedOut, 403: staffOnly,
                    422: "`status` is not one of the statuses (`field` is `status`), or " + badPage,
                ]),
            Operation(
                method: "get", path: "/api/v1/jobs/{id}", id: "getJob", tag: "admin",
                summary: "One job of the queue",
                description: "Staff only.",
                responses: ok(ref("Job"), "The job."),
                errors: [401: signedOut, 403: staffOnly, 404: "No such job (or the id is not a UUID)."]),
        ]
    }

    static var adminSchemas: [String: Object] {
        [
            "Job": object(
                "A job of the queue: its kind, where it is, and what it works on (not its payload, which is the kind's own).",
                [
                    field("id", uuid),
                    field("kind", text, "Which kind of work: `plan-run`."),
                    field("status", enumeration(JobStatus.allCases.map(\.rawValue))),
                    field("progress", ["type": "number", "format": "double", "minimum": 0, "maximum": 1] as Object, "0 to 1."),
                    field("phase", text, "What the job is doing, in words."),
                    field("attempts", integer(minimum: 0), "How many times a server has claimed it."),
                    field("maxAttempts", integer(minimum: 1), "At most this many claims, for kinds whose abandoned jobs are requeued."),
                    optional("error", text, "Why the job failed."),
                    optional("worker", text, "The server that holds or held it."),
                    optional("subject", ref("JobSubject"), "The record it works on, where there is one."),
                    field("runAfter", dateTime, "Not claimed before then."),
                    optional("heartbeatAt", dateTime, "Written while it runs: a job whose heartbeat stops has lost its server."),
                    field("createdAt", dateTime),
                    optional("startedAt", dateTime),
                    optional("finishedAt", dateTime),
                ]),
            "JobSubject": object(
                "The record a job works on.",
                [field("type", text, "What kind of record: `plan run`."), field("key", text, "Which one: for a plan run, its id.")]),
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
