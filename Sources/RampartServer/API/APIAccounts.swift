import Fluent
import RampartCore
import Vapor

/// `/api/v1` account routes: tokens, registration, verification, password reset, newsletter, me.
struct APIAccounts: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: token)
        routes.post("accounts", use: register)
        routes.post("accounts", "verify", use: verify)
        routes.post("accounts", "verify", "resend", use: resend)
        routes.post("password-reset", use: requestReset)
        routes.post("password-reset", "confirm", use: confirmReset)
        routes.get("me", use: me)
        routes.put("me", "newsletter", use: newsletter)
        routes.get("tokens", use: tokens)
        routes.post("tokens", use: createToken)
        routes.delete("tokens", ":id", use: revokeToken)
    }

    struct Credentials: Content { var email: String; var password: String; var name: String? }
    struct Registration: Content { var email: String; var displayName: String; var password: String }
    struct CodeCheck: Content { var email: String; var code: String }
    struct EmailOnly: Content { var email: String }
    struct ResetConfirm: Content { var email: String; var code: String; var password: String }
    struct Newsletter: Content { var subscribed: Bool }
    struct Accepted: Content { var status: String }

    @Sendable func token(req: Request) async throws -> Response {
        let body = try req.content.decode(Credentials.self)
        let user = try await req.accounts.signIn(email: body.email, password: body.password, address: req.clientAddress)
        let name = body.name ?? "API sign-in \(Timestamps.text(req.now))"
        let issued = try await APITokens.issueRecord(for: user, name: name, actor: Actor(userID: user.id, name: user.email), now: req.now, on: req.db)
        return try await API.TokenDTO(id: issued.record.id, name: name, createdAt: issued.record.createdAt, token: issued.token)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func register(req: Request) async throws -> Response {
        let body = try req.content.decode(Registration.self)
        let user = try await req.db.transaction { tx in
            try await req.accounts(on: tx).register(email: body.email, displayName: body.displayName, password: body.password)
        }
        return try await API.UserDTO(user).encodeResponse(status: .created, for: req)
    }

    @Sendable func verify(req: Request) async throws -> API.UserDTO {
        let body = try req.content.decode(CodeCheck.self)
        return API.UserDTO(try await req.accounts.verify(email: body.email, code: body.code, address: req.clientAddress))
    }

    @Sendable func resend(req: Request) async throws -> Response {
        let body = try req.content.decode(EmailOnly.self)
        try await req.db.transaction { tx in
            try await req.accounts(on: tx).resendVerification(email: body.email)
        }
        return try await Accepted(status: "a new code is on its way if the account waits for verification").encodeResponse(status: .accepted, for: req)
    }

    @Sendable func requestReset(req: Request) async throws -> Response {
        let body = try req.content.decode(EmailOnly.self)
        try await req.db.transaction { tx in
            try await req.accounts(on: tx).requestReset(email: body.email, address: req.clientAddress)
        }
        return try await Accepted(status: "if an account exists for this address, a code is on its way").encodeResponse(status: .accepted, for: req)
    }

    @Sendable func confirmReset(req: Request) async throws -> Accepted {
        let body = try req.content.decode(ResetConfirm.self)
        try await req.accounts.confirmReset(email: body.email, code: body.code, newPassword: body.password, address: req.clientAddress)
        return Accepted(status: "password changed; sign in again")
    }

    @Sendable func me(req: Request) async throws -> API.UserDTO {
        API.UserDTO(try req.requireSignedIn().user)
    }

    @Sendable func newsletter(req: Request) async throws -> API.UserDTO {
        let person = try req.requireSignedIn()
        try await req.accounts.setNewsletter(person.user, subscribed: try req.content.decode(Newsletter.self).subscribed)
        return API.UserDTO(person.user)
    }

    @Sendable func tokens(req: Request) async throws -> [API.TokenDTO] {
        let person = try req.requireSignedIn()
        return try await APITokenRecord.query(on: req.db).filter(\.$userID == person.userID).sort(\.$createdAt).all()
            .map { API.TokenDTO(id: $0.id, name: $0.name, createdAt: $0.createdAt, token: nil) }
    }

    @Sendable func createToken(req: Request) async throws -> Response {
        struct Body: Content { var name: String }
        let person = try req.requireSignedIn()
        let name = try req.content.decode(Body.self).name
        let issued = try await APITokens.issueRecord(for: person.user, name: name, actor: person.actor, now: req.now, on: req.db)
        return try await API.TokenDTO(id: issued.record.id, name: name, createdAt: issued.record.createdAt, token: issued.token)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func revokeToken(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "no such token") }
        try await APITokens.revoke(id, of: person, now: req.now, on: req.db)
        return .noContent
    }
}
