import Fluent
import Plot
import Vapor

/// A person's bearer tokens for the JSON API.
struct TokenPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "tokens", use: index)
        routes.post("account", "tokens", use: create)
        routes.post("account", "tokens", ":id", "delete", use: revoke)
    }

    @Sendable func index(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        return TokensPage.render(req.pageContext(title: "API tokens"), try await Self.model(for: person, newToken: nil, on: req.db))
    }

    @Sendable func create(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        struct Form: Content { var name: String? }
        let name = (try req.content.decode(Form.self).name ?? "").trimmingCharacters(in: .whitespaces)
        let token = try await APITokens.issue(for: person.user, name: name, actor: person.actor, now: req.now, on: req.db)
        return TokensPage.render(req.pageContext(title: "API tokens"), try await Self.model(for: person, newToken: token, on: req.db))
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "no such token") }
        try await APITokens.revoke(id, of: person, now: req.now, on: req.db)
        return req.redirect(to: "/account/tokens")
    }

    static func model(for person: SignedIn, newToken: String?, on db: any Database) async throws -> TokensPage.Model {
        let tokens = try await APITokenRecord.query(on: db).filter(\.$userID == person.userID).sort(\.$createdAt).all()
        return TokensPage.Model(
            tokens: tokens.map { TokensPage.TokenRow(id: $0.id?.uuidString ?? "", name: $0.name, createdAt: $0.createdAt.map(Timestamps.text) ?? "") },
            newToken: newToken)
    }
}

enum APITokens {
    /// A new bearer token; returned once, only its digest is kept.
    static func issue(for user: UserRecord, name: String, actor: Actor, now: Date, on db: any Database) async throws -> String {
        try await issueRecord(for: user, name: name, actor: actor, now: now, on: db).token
    }

    static func issueRecord(for user: UserRecord, name: String, actor: Actor, now: Date, on db: any Database) async throws -> (token: String, record: APITokenRecord) {
        guard (1...80).contains(name.count) else { throw InputError("name", "give the token a name of 1 to 80 characters") }
        let token = "rmp_" + Secrets.token()
        let record = APITokenRecord(tokenHash: Secrets.sha256(token), userID: try user.requireID(), name: name)
        try await db.transaction { tx in
            try await record.create(on: tx)
            try await Audit.record(actor, entity: "api token", key: "\(user.email): \(name)", action: "create", changes: [], at: now, on: tx)
        }
        return (token, record)
    }

    static func revoke(_ id: UUID, of person: SignedIn, now: Date, on db: any Database) async throws {
        guard let token = try await APITokenRecord.find(id, on: db), token.userID == person.userID else {
            throw Abort(.notFound, reason: "no such token")
        }
        try await db.transaction { tx in
            try await token.delete(on: tx)
            try await Audit.record(person.actor, entity: "api token", key: "\(person.user.email): \(token.name)", action: "revoke", changes: [], at: now, on: tx)
        }
    }
}
