import Fluent
import Plot
import Vapor

/// A person's bearer tokens for the JSON API.
struct TokenPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.tokens, use: index)
        routes.post(.tokens, use: create)
        routes.post(.tokenRevoke(id: .any), use: revoke)
    }

    @Sendable func index(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        return TokensPage.render(
            req.pageContext(title: "API tokens"), try await Self.model(for: person, newToken: nil, now: req.now, on: req.db))
    }

    /// Every problem of the form at once, each beside its field; the values typed are kept.
    @Sendable func create(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        struct Form: Content { var name: String?; var scope: String?; var expires_in_days: String? }
        let form = try req.content.decode(Form.self)
        let typedDays = form.expires_in_days ?? String(APITokens.defaultLifetimeDays)
        var problems: [String] = []
        let scope = TokenScope(rawValue: form.scope ?? TokenScope.readWrite.rawValue)
        if scope == nil { problems.append("scope: must be read or read-write") }
        let days = FormNumber.integer(typedDays)
        if days == nil {
            problems.append("expires_in_days: must be a whole number of days from 1 to \(APITokens.lifetimesInDays.upperBound)")
        }
        do {
            let request = try APITokens.Request(name: form.name ?? "", scope: scope, expiresInDays: days ?? APITokens.defaultLifetimeDays)
            if problems.isEmpty {
                let issued = try await APITokens.issueRecord(for: person.user, request, actor: person.actor, now: req.now, on: req.db)
                return try await TokensPage.render(
                    req.pageContext(title: "API tokens"),
                    try await Self.model(for: person, newToken: issued.token, now: req.now, on: req.db)
                )
                .encodeResponse(for: req)
            }
        } catch let error as InputError {
            problems = error.problems + problems
        }
        var model = try await Self.model(for: person, newToken: nil, now: req.now, on: req.db)
        model.errors = problems
        model.name = form.name ?? ""
        model.scope = form.scope ?? TokenScope.readWrite.rawValue
        model.expiresInDays = typedDays
        return try await TokensPage.render(req.pageContext(title: "API tokens"), model).encodeResponse(
            status: .unprocessableEntity, for: req)
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self) else { throw Abort(.notFound, reason: "no such token") }
        try await APITokens.revoke(id, of: person, now: req.now, on: req.db)
        return FlashNotice.redirect(req, to: .tokens, saying: "The token is revoked: it no longer opens the API.")
    }

    static func model(for person: SignedIn, newToken: String?, now: Date, on db: any Database) async throws -> TokensPage.Model {
        let tokens = try await APITokenRecord.query(on: db).filter(\.$userID == person.userID).sort(\.$createdAt).all()
        return TokensPage.Model(
            tokens: tokens.map { token in
                TokensPage.TokenRow(
                    id: token.id?.uuidString ?? "", name: token.name, createdAt: token.createdAt.map(Timestamps.text) ?? "",
                    scope: token.tokenScope == .read ? "read only" : "read and write",
                    expires: token.expiresAt.map { ($0 <= now ? "expired " : "") + Timestamps.text($0) } ?? "never")
            },
            newToken: newToken)
    }
}

enum APITokens {
    static let defaultLifetimeDays = 90
    static let lifetimesInDays = 1...365

    /// What a new token is to be: its name, scope and lifetime, validated.
    struct Request: Sendable {
        var name: String
        var scope: TokenScope
        var lifetimeDays: Int

        /// Names every problem at once.
        init(name rawName: String, scope: TokenScope?, expiresInDays: Int?) throws {
            name = rawName.trimmingCharacters(in: .whitespaces)
            self.scope = scope ?? .readWrite
            lifetimeDays = expiresInDays ?? APITokens.defaultLifetimeDays
            var problems: [String] = []
            if !(1...80).contains(name.count) { problems.append("name: give the token a name of 1 to 80 characters") }
            if !APITokens.lifetimesInDays.contains(lifetimeDays) {
                problems.append("expiresInDays: must be a whole number of days from 1 to \(APITokens.lifetimesInDays.upperBound)")
            }
            if let first = problems.first { throw InputError(problems: problems, field: AccountService.field(of: first)) }
        }
    }

    /// A new bearer token, read and write, for 90 days; returned once, only its digest is kept.
    static func issue(for user: UserRecord, name: String, actor: Actor, now: Date, on db: any Database) async throws -> String {
        try await issueRecord(for: user, try Request(name: name, scope: nil, expiresInDays: nil), actor: actor, now: now, on: db).token
    }

    static func issueRecord(
        for user: UserRecord, _ request: Request, actor: Actor, now: Date, on db: any Database
    ) async throws -> (token: String, record: APITokenRecord) {
        let token = "rmp_" + Secrets.token()
        let expiresAt = now.addingTimeInterval(TimeInterval(request.lifetimeDays) * 24 * 3600)
        let record = APITokenRecord(
            tokenHash: Secrets.sha256(token), userID: try user.requireID(), name: request.name,
            scope: request.scope, expiresAt: expiresAt, createdAt: now)
        try await db.transaction { tx in
            try await record.create(on: tx)
            try await Audit.record(
                actor, entity: "api token", key: "\(user.email): \(request.name)", action: "create",
                changes: [
                    .init(field: "scope", old: "", new: request.scope.rawValue),
                    .init(field: "expires", old: "", new: Timestamps.text(expiresAt)),
                ], at: now, on: tx)
        }
        return (token, record)
    }

    static func revoke(_ id: UUID, of person: SignedIn, now: Date, on db: any Database) async throws {
        guard let token = try await APITokenRecord.find(id, on: db), token.userID == person.userID else {
            throw Abort(.notFound, reason: "no such token")
        }
        try await db.transaction { tx in
            try await token.delete(on: tx)
            try await Audit.record(
                person.actor, entity: "api token", key: "\(person.user.email): \(token.name)", action: "revoke", changes: [], at: now,
                on: tx)
        }
    }
}
