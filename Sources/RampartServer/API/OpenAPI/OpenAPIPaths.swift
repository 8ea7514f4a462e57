import Foundation

/// Every operation of the JSON API, as the handlers in `APIAccounts`, `APIRecords`, `APIPlansAndAdmin`,
/// `HealthAndMetrics` and `routes.swift` answer.
extension OpenAPIDocument {
    static var operations: [Operation] {
        accountOperations + tokenOperations + recordOperations + planOperations + adminOperations + operationsOperations
    }

    // MARK: accounts (APIAccounts)

    static var accountOperations: [Operation] {
        [
            Operation(
                method: "post", path: "/api/v1/auth/token", id: "signIn", tag: "accounts",
                summary: "Sign in with e-mail and password: a new API token",
                description: """
                    Creates an API token for a verified account, named `name` or "API sign-in <time>", read and write \
                    unless `scope` says `read`, expiring after `expiresInDays` (1 to 365, 90 when absent). The token is \
                    in this answer only; its `id` is not (find it with `GET /api/v1/tokens` to revoke it). Failed \
                    sign-ins are limited per account and client address (docs/server.md, "Limits").
                    """,
                isPublic: true, body: body("Credentials", "The account's e-mail address and password, and a name for the token."),
                responses: created(ref("Token"), "The new token (`token` set, `id` absent)."),
                errors: [
                    400: malformedBody,
                    401: "Wrong e-mail address or password.",
                    422: "The token name is not 1 to 80 characters, or `expiresInDays` is not 1 to 365.",
                    429: "After 5 failures from this address, wait for `Retry-After` (the delay doubles, up to 15 minutes); or the account is locked after 100 failures in a day until its owner follows the mailed link.",
                ]),
            Operation(
                method: "post", path: "/api/v1/accounts", id: "register", tag: "accounts",
                summary: "Register an account",
                description: """
                    Records a pending registration with its own password and mails it a verification code (valid 30 \
                    minutes); proving the code creates an observer account with that password and ends every other \
                    pending registration of the address. For an address that already has an account, its owner gets a \
                    mail instead and nothing changes. The answer is the same either way.
                    """,
                isPublic: true, body: body("Registration", "The new account."),
                responses: ["202": response("Accepted: a code is mailed if the address can be registered.", ref("RegistrationAccepted"))],
                errors: [
                    400: malformedBody,
                    422: "The address, the name (1 to 100 characters) or the password is not acceptable; `problems` lists each.",
                    429: "Too many registrations of this address, or from the client's address; wait an hour.",
                ]),
            Operation(
                method: "post", path: "/api/v1/accounts/verify", id: "verifyAccount", tag: "accounts",
                summary: "Verify an account's e-mail address with the mailed code",
                isPublic: true, body: body("CodeCheck", "The address and the code from the mail."),
                responses: ok(ref("User"), "The account, now verified."),
                errors: [
                    400: malformedBody,
                    422: "Not a valid address, or a wrong, expired, used or replaced code (`field` is `code`).",
                    429: "Five code checks for the address since its last code, or too many from the client's address: ask for a new code.",
                ]),
            Operation(
                method: "post", path: "/api/v1/accounts/verify/resend", id: "resendVerificationCode", tag: "accounts",
                summary: "Mail a new code for a pending registration",
                description: "Renews the code of the registration named by `registration` (the id `POST /api/v1/accounts` answered); answers the same whether or not it exists.",
                isPublic: true, body: body("Resend", "The address and the registration."),
                responses: ["202": response("Accepted: a code is mailed if the registration waits for verification.", ref("Accepted"))],
                errors: [
                    400: malformedBody,
                    422: "Not a valid e-mail address.",
                    429: "Too many codes sent to the address, or asked for from the client's address; wait an hour.",
                ]),
            Operation(
                method: "post", path: "/api/v1/password-reset", id: "requestPasswordReset", tag: "accounts",
                summary: "Mail a password reset code",
                description: "Answers the same whether or not an account exists for the address.",
                isPublic: true, body: body("EmailOnly", "The address."),
                responses: ["202": response("Accepted: a code is mailed if an account exists.", ref("Accepted"))],
                errors: [
                    400: malformedBody,
                    422: "Not a valid e-mail address.",
                    429: "Too many reset requests for the address or from the client's address; wait an hour.",
                ]),
            Operation(
                method: "post", path: "/api/v1/password-reset/confirm", id: "confirmPasswordReset", tag: "accounts",
                summary: "Set a new password with the mailed reset code",
                description: """
                    Sets the password, marks the address verified, ends the account's browser sessions and revokes its \
                    API tokens, and unlocks an account locked after too many failed sign-ins.
                    """,
                isPublic: true, body: body("ResetConfirm", "The address, the code and the new password."),
                responses: ok(ref("Accepted"), "The password is changed."),
                errors: [
                    400: malformedBody,
                    422: "Not a valid address, a password that breaks the policy, or a wrong, expired, used or replaced code.",
                    429: "Five code checks for the address since its last code, or too many from the client's address: ask for a new code.",
                ]),
            Operation(
                method: "get", path: "/api/v1/me", id: "getMe", tag: "accounts",
                summary: "The signed-in account",
                responses: ok(ref("User"), "The account."),
                errors: [401: signedOut]),
            Operation(
                method: "put", path: "/api/v1/me/newsletter", id: "setNewsletter", tag: "accounts",
                summary: "Subscribe to or unsubscribe from the newsletter",
                body: body("Newsletter", "Whether to receive the newsletter."),
                responses: ok(ref("User"), "The account with its new `newsletter`."),
                errors: [400: malformedBody, 401: signedOut]),
        ]
    }

    // MARK: tokens (APIAccounts)

    static var tokenOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/tokens", id: "listTokens", tag: "tokens",
                summary: "The signed-in person's API tokens, oldest first",
                responses: ok(array(ref("Token")), "Every token of the account (without the secret `token`)."),
                errors: [401: signedOut]),
            Operation(
                method: "post", path: "/api/v1/tokens", id: "createToken", tag: "tokens",
                summary: "Create an API token",
                description: """
                    Read and write unless `scope` is `read`; expires after `expiresInDays` (1 to 365, 90 when absent). The \
                    token is in this answer only.
                    """,
                body: body("TokenCreate", "The token's name, scope and lifetime."),
                responses: created(ref("Token"), "The new token (`token` set)."),
                errors: [400: malformedBody, 401: signedOut, 422: "The name is not 1 to 80 characters, or `expiresInDays` is not 1 to 365."]),
            Operation(
                method: "delete", path: "/api/v1/tokens/{id}", id: "revokeToken", tag: "tokens",
                summary: "Revoke one of the signed-in person's API tokens",
                responses: ["204": response("Revoked.")],
                errors: [401: signedOut, 404: "No token with this id among the signed-in person's (or the id is not a UUID)."]),
        ]
    }

    // MARK: records (APIRecords)

    static var recordOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/dashboard", id: "getDashboard", tag: "records",
                summary: "The scenario, the record counts and the latest successful plan run",
                responses: ok(ref("Dashboard"), "The dashboard."),
                errors: [401: signedOut]),
            Operation(
                method: "get", path: "/api/v1/items", id: "listItems", tag: "records",
                summary: "Items with their bills of materials, by id",
                query: pageQuery,
                responses: ok(ref("ItemPage"), "A page of items."),
                errors: [400: malformedQuery, 401: signedOut, 422: badPage]),
            Operation(
                method: "get", path: "/api/v1/nations", id: "listNations", tag: "records",
                summary: "The nations, by code",
                responses: ok(array(ref("Nation")), "Every nation."),
                errors: [401: signedOut]),
            Operation(
                method: "get", path: "/api/v1/nations/{code}/demands", id: "listNationDemands", tag: "records",
                summary: "A nation's demands with the latest successful plan's outcome for each",
                description: "For staff and the nation's delegates. Each demand carries `outcome` when the latest successful run planned it.",
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
                    Staff read every demand; a delegate their nation's and the released ones; industry the released ones. \
                    Observers read the aggregated `GET /api/v1/signals` instead. No `outcome` here.
                    """,
                query: [query("nation", text, "Only this nation's demands.")] + pageQuery,
                responses: ok(ref("DemandPage"), "A page of demands, in scenario order."),
                errors: [400: malformedQuery, 401: signedOut, 403: "Observers may not read single demands.", 422: badPage]),
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
                description: "Staff and the nation's delegates, at the `version` they read; audited. Past plan runs keep their results for it.",
                query: [["name": "version", "in": "query", "required": true, "schema": integer(minimum: 1),
                         "description": "The version read."] as Object],
                responses: ["204": response("Withdrawn.")],
                errors: [
                    401: signedOut,
                    403: "The signed-in person may read the demand but not withdraw it (another nation's released demand).",
                    404: "No such demand, or one the signed-in person may not read.",
                    409: "Someone changed the demand first: `version` is stale; read it again.",
                    422: "No `version`.",
                ]),
            Operation(
                method: "get", path: "/api/v1/signals", id: "listSignals", tag: "records",
                summary: "Released demand aggregated by target (item or class) and year",
                description: "What industry and observers read. Empty when the database holds no scenario.",
                responses: ok(array(ref("Signal")), "The totals, by target then year."),
                errors: [401: signedOut]),
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
            Operation(
                method: "get", path: "/api/v1/scenario", id: "exportScenario", tag: "records",
                summary: "The scenario file the database holds",
                description: "Staff only. The file as `planning-model.md` defines it.",
                responses: ok(ref("ScenarioFile"), "The scenario file."),
                errors: [401: signedOut, 403: staffOnly, 404: "The database holds no scenario yet."]),
            Operation(
                method: "put", path: "/api/v1/scenario", id: "importScenario", tag: "records",
                summary: "Replace the scenario with a scenario file",
                description: """
                    Staff only. Validates the whole file first (every problem with its JSON path), then replaces items, \
                    lines, supplies, stocks and demands; audited. The body may be up to 200 MB.
                    """,
                body: body("ScenarioFile", "A scenario file (`planning-model.md`)."),
                responses: ok(ref("ImportSummary"), "The scenario is replaced; what it holds."),
                errors: [
                    401: signedOut,
                    403: staffOnly,
                    413: "The body is over 200 MB.",
                    422: "No body, or a file that is not a valid scenario; `problems` lists every problem.",
                ]),
        ]
    }

    // MARK: plans (APIPlansAndAdmin)

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
                description: "Staff only. The job service runs it in the background; follow it at the `Location`.",
                responses: [
                    "202": response(
                        "Queued.", ref("PlanRun"),
                        headers: ["Location": ["description": "The run: `/api/v1/plans/{id}`.", "schema": text] as Object]),
                ],
                errors: [401: signedOut, 403: staffOnly, 409: "There is no scenario to plan: import one first."]),
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
                summary: "A run's whole plan file",
                description: "Staff only. The plan file as `planning-model.md` defines it, with Rampart's `report`.",
                responses: ok(ref("PlanFile"), "The plan file."),
                errors: [
                    401: signedOut,
                    403: staffOnly,
                    404: "No such plan run (or the id is not a UUID).",
                    409: "The run has no plan yet (queued, running or failed).",
                ]),
        ]
    }

    // MARK: admin (APIPlansAndAdmin)

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
                    422: "A delegate without a known nation, industry without a known company, or staff taking the staff role from themselves.",
                ]),
            Operation(
                method: "get", path: "/api/v1/audit", id: "listAuditEntries", tag: "admin",
                summary: "The audit trail, newest first",
                description: "Staff only.",
                query: [query("entity", text, "Only entries of this entity (e.g. `demand`, `line`, `supply`, `user`, `api token`, `scenario`).")]
                    + pageQuery,
                responses: ok(ref("AuditEntryPage"), "A page of audit entries."),
                errors: [400: malformedQuery, 401: signedOut, 403: staffOnly, 422: badPage]),
        ]
    }

    // MARK: operations (routes.swift, HealthAndMetrics)

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
                    "200": response("The metrics in the Prometheus text format (version 0.0.4).", text, mediaType: "text/plain"),
                ],
                errors: [401: "No metrics token, or a wrong one.", 404: "METRICS_TOKEN is not set: the metrics are off."]),
        ]
    }
}
