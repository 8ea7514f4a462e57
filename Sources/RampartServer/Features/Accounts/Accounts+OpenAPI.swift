import Foundation
import RampartCore

/// The accounts part of the OpenAPI document: its operations and the schemas they name.
extension OpenAPIDocument {
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
                    422:
                        "The e-mail address is missing or not an address, the password is empty, the token name is not 1 to 80 characters, or `expiresInDays` is not 1 to 365 (none of these counts as a failed sign-in).",
                    429:
                        "After 5 failures from this address, wait for `Retry-After` (the delay doubles, up to 15 minutes); or the account is locked after 100 failures in a day until its owner follows the mailed link.",
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
                    422:
                        "Not a valid address or not 6 digits (both named at once, before a check is spent), or a wrong, expired, used or replaced code (`field` is `code`).",
                    429: "Five code checks for the address since its last code, or too many from the client's address: ask for a new code.",
                ]),
            Operation(
                method: "post", path: "/api/v1/accounts/verify/resend", id: "resendVerificationCode", tag: "accounts",
                summary: "Mail a new code for a pending registration",
                description:
                    "Renews the code of the registration named by `registration` (the id `POST /api/v1/accounts` answered); answers the same whether or not it exists.",
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
            Operation(
                method: "put", path: "/api/v1/me/name", id: "setDisplayName", tag: "accounts",
                summary: "Change the signed-in person's display name",
                description: "Audited (entity `user`, action `change name`). A name the same as the stored one changes nothing.",
                body: body("NameChange", "The new name."),
                responses: ok(ref("User"), "The account with its new `displayName`."),
                errors: [
                    400: malformedBody, 401: signedOut,
                    422: "The name is not 1 to 100 characters, or holds a line break or control character (`field` is `displayName`).",
                ]),
            Operation(
                method: "put", path: "/api/v1/me/password", id: "changePassword", tag: "accounts",
                summary: "Change the signed-in person's password, giving the current one",
                description: """
                    The new password follows the rules of registration. Every problem is named at once in `problems` \
                    (`currentPassword: ...`, `newPassword: ...`); nothing changes unless there is none. On success every \
                    browser session of the account ends and its owner is mailed; its API tokens keep working. Audited \
                    (entity `user`, action `change password`).
                    """,
                body: body("PasswordChange", "The current and the new password."),
                responses: ok(ref("Accepted"), "The password is changed."),
                errors: [
                    400: malformedBody, 401: signedOut,
                    422: "The current password is wrong or missing, or the new one breaks the policy; `problems` lists each.",
                    429: "Five wrong current passwords for the account in 15 minutes: wait for `Retry-After`.",
                ]),
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
                errors: [
                    400: malformedBody, 401: signedOut, 422: "The name is not 1 to 80 characters, or `expiresInDays` is not 1 to 365.",
                ]),
            Operation(
                method: "delete", path: "/api/v1/tokens/{id}", id: "revokeToken", tag: "tokens",
                summary: "Revoke one of the signed-in person's API tokens",
                responses: ["204": response("Revoked.")],
                errors: [401: signedOut, 404: "No token with this id among the signed-in person's (or the id is not a UUID)."]),
        ]
    }

    static var accountSchemas: [String: Object] {
        [
            "Accepted": object("A request taken in.", [field("status", text, "What happens next, in words.")]),
            "RegistrationAccepted": object(
                "A registration taken in: the same answer whether or not the address can be registered.",
                [
                    field("status", text, "What happens next, in words."),
                    field("registration", uuid, "The pending registration, for `POST /api/v1/accounts/verify/resend`."),
                ]),
            "TokenScope": [
                "type": "string", "enum": TokenScope.allCases.map(\.rawValue),
                "description": "read (GET only) or read-write.",
            ],
            "Role": [
                "type": "string", "enum": Role.allCases.map(\.rawValue),
                "description": "staff (Alliance staff), delegate (national delegate), industry (industry representative), observer.",
            ],
            "User": object(
                "An account.",
                [
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
            "Token": object(
                "An API token. The secret `token` comes only in the answer that creates it.",
                [
                    optional("id", uuid),
                    field("name", text),
                    optional("createdAt", dateTime),
                    optional("expiresAt", dateTime, "After this the token no longer works."),
                    field("scope", ref("TokenScope")),
                    optional("token", text, "The bearer token (`rmp_...`): shown once."),
                ]),
            "Credentials": object(
                "Sign-in for a token.",
                [
                    field("email", text),
                    field("password", text),
                    optional("name", text, "The token's name, 1 to 80 characters; \"API sign-in <time>\" when absent."),
                    optional("scope", ref("TokenScope"), "read-write when absent."),
                    optional("expiresInDays", integer(minimum: 1, maximum: 365, default: 90)),
                ]),
            "Registration": object(
                "A new account.",
                [
                    field("email", text),
                    field("displayName", text, "1 to 100 characters."),
                    field("password", text, "The password policy's rules apply; a 422 lists the ones broken."),
                ]),
            "CodeCheck": object("An e-mailed verification code.", [field("email", text), field("code", text)]),
            "EmailOnly": object("An e-mail address.", [field("email", text)]),
            "Resend": object(
                "A new code for a pending registration.",
                [
                    field("email", text),
                    optional("registration", uuid, "The id `POST /api/v1/accounts` answered."),
                ]),
            "ResetConfirm": object(
                "A password reset.",
                [
                    field("email", text),
                    field("code", text, "The code from the reset mail."),
                    field("password", text, "The new password."),
                ]),
            "Newsletter": object("The newsletter subscription.", [field("subscribed", boolean)]),
            "NameChange": object("A new display name.", [field("displayName", text, "1 to 100 characters, on one line.")]),
            "PasswordChange": object(
                "A new password.",
                [
                    field("currentPassword", text, "The account's password now."),
                    field("newPassword", text, "The password policy's rules apply; a 422 lists the ones broken."),
                ]),
            "TokenCreate": object(
                "A new API token.",
                [
                    field("name", text, "1 to 80 characters."),
                    optional("scope", ref("TokenScope"), "read-write when absent."),
                    optional("expiresInDays", integer(minimum: 1, maximum: 365, default: 90)),
                ]),
        ]
    }
}
