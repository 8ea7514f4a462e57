import Fluent
import RampartCore
import Vapor

/// `/api/v1` account routes: tokens, registration, verification, password reset, newsletter, name, password, me.
struct APIAccounts: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.authToken), use: token)
        routes.post(.api(.accounts), use: register)
        routes.post(.api(.accountsVerify), use: verify)
        routes.post(.api(.accountsVerifyResend), use: resend)
        routes.post(.api(.passwordReset), use: requestReset)
        routes.post(.api(.passwordResetConfirm), use: confirmReset)
        routes.get(.api(.me), use: me)
        routes.put(.api(.meNewsletter), use: newsletter)
        routes.put(.api(.meName), use: changeName)
        routes.put(.api(.mePassword), use: changePassword)
        routes.get(.api(.tokens), use: tokens)
        routes.post(.api(.tokens), use: createToken)
        routes.delete(.api(.token(id: .any)), use: revokeToken)
    }

    struct Credentials: Content {
        var email: String; var password: String; var name: String?; var scope: TokenScope?; var expiresInDays: Int?
    }
    struct Registration: Content { var email: String; var displayName: String; var password: String }
    struct CodeCheck: Content { var email: String; var code: String }
    struct EmailOnly: Content { var email: String }
    struct Resend: Content { var email: String; var registration: UUID? }
    /// The same answer for every address: the registration's id, which a new code needs.
    struct RegistrationAccepted: Content { var status: String; var registration: UUID }
    struct ResetConfirm: Content { var email: String; var code: String; var password: String }
    struct Newsletter: Content { var subscribed: Bool }
    struct NameChange: Content { var displayName: String }
    struct PasswordChange: Content { var currentPassword: String; var newPassword: String }
    struct Accepted: Content { var status: String }

    @Sendable func token(req: Request) async throws -> Response {
        let body = try req.content.decode(Credentials.self)
        let request = try APITokens.Request(
            name: body.name ?? "API sign-in \(Timestamps.text(req.now))", scope: body.scope,
            expiresInDays: body.expiresInDays)
        let user = try await req.accounts.signIn(email: body.email, password: body.password, address: req.clientBucket)
        let issued = try await APITokens.issueRecord(
            for: user, request, actor: Actor(userID: user.id, name: user.email), now: req.now, on: req.db)
        return try await API.TokenDTO(issued.record, token: issued.token).encodeResponse(status: .created, for: req)
    }

    @Sendable func register(req: Request) async throws -> Response {
        let body = try req.content.decode(Registration.self)
        let registration = try await req.accounts.register(
            email: body.email, displayName: body.displayName, password: body.password,
            address: req.clientBucket)
        return try await RegistrationAccepted(
            status: "if this address can be registered, a code is on its way to it", registration: registration
        )
        .encodeResponse(status: .accepted, for: req)
    }

    @Sendable func verify(req: Request) async throws -> API.UserDTO {
        let body = try req.content.decode(CodeCheck.self)
        return API.UserDTO(try await req.accounts.verify(email: body.email, code: body.code, address: req.clientBucket))
    }

    @Sendable func resend(req: Request) async throws -> Response {
        let body = try req.content.decode(Resend.self)
        try await req.accounts.resendVerification(email: body.email, registration: body.registration, address: req.clientBucket)
        return try await Accepted(status: "if this registration is waiting, a new code is on its way").encodeResponse(
            status: .accepted, for: req)
    }

    @Sendable func requestReset(req: Request) async throws -> Response {
        let body = try req.content.decode(EmailOnly.self)
        try await req.accounts.requestReset(email: body.email, address: req.clientBucket)
        return try await Accepted(status: "if an account exists for this address, a code is on its way").encodeResponse(
            status: .accepted, for: req)
    }

    @Sendable func confirmReset(req: Request) async throws -> Accepted {
        let body = try req.content.decode(ResetConfirm.self)
        try await req.accounts.confirmReset(email: body.email, code: body.code, newPassword: body.password, address: req.clientBucket)
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

    @Sendable func changeName(req: Request) async throws -> API.UserDTO {
        let person = try req.requireSignedIn()
        try await req.accounts.changeDisplayName(person.user, to: try req.content.decode(NameChange.self).displayName)
        return API.UserDTO(person.user)
    }

    /// With a token there is no browser session to keep: every session of the account ends; its tokens stay.
    @Sendable func changePassword(req: Request) async throws -> Accepted {
        let person = try req.requireSignedIn()
        let body = try req.content.decode(PasswordChange.self)
        try await req.accounts.changePassword(person.user, current: body.currentPassword, new: body.newPassword, keeping: nil)
        return Accepted(status: "password changed; the account's browser sessions have ended, its API tokens still work")
    }

    @Sendable func tokens(req: Request) async throws -> [API.TokenDTO] {
        let person = try req.requireSignedIn()
        return try await APITokenRecord.query(on: req.db).filter(\.$userID == person.userID).sort(\.$createdAt).all()
            .map { API.TokenDTO($0, token: nil) }
    }

    @Sendable func createToken(req: Request) async throws -> Response {
        struct Body: Content { var name: String; var scope: TokenScope?; var expiresInDays: Int? }
        let person = try req.requireSignedIn()
        let body = try req.content.decode(Body.self)
        let request = try APITokens.Request(name: body.name, scope: body.scope, expiresInDays: body.expiresInDays)
        let issued = try await APITokens.issueRecord(for: person.user, request, actor: person.actor, now: req.now, on: req.db)
        return try await API.TokenDTO(issued.record, token: issued.token).encodeResponse(status: .created, for: req)
    }

    @Sendable func revokeToken(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self) else { throw Abort(.notFound, reason: "no such token") }
        try await APITokens.revoke(id, of: person, now: req.now, on: req.db)
        return .noContent
    }
}
