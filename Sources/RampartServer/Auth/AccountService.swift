import Fluent
import Foundation
import RampartCore

/// Registration, e-mail verification, sign-in, password reset and the newsletter: the rules of the
/// Alliance account flow, shared by the pages and the API.
struct AccountService: Sendable {
    var db: any Database
    var hasher: PasswordHasher
    var now: Date
    var publicURL: String

    static let codeLifetime: TimeInterval = 30 * 60
    static let codeAttempts = 5

    // MARK: registration

    func register(email rawEmail: String, displayName rawName: String, password: String) async throws -> UserRecord {
        let email = try Self.normalisedEmail(rawEmail)
        let displayName = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [AccountError] = []
        if displayName.isEmpty || displayName.count > 100 {
            problems.append(.invalid("displayName", "name: give a name of 1 to 100 characters"))
        }
        let broken = PasswordPolicy.violations(of: password)
        if !broken.isEmpty {
            problems.append(.invalid("password", broken.map { "password: needs \($0.text)" }))
        }
        if let first = problems.first {
            throw AccountError(kind: .invalid, field: first.field, messages: problems.flatMap(\.messages))
        }
        let hash = try await hasher.hash(password)
        let user: UserRecord
        if let existing = try await UserRecord.query(on: db).filter(\.$email == email).first() {
            guard !existing.verified else {
                throw AccountError(kind: .conflict, field: "email", messages: ["email: an account with this address already exists; sign in or reset the password"])
            }
            if try await RateLimiter.hit(RateLimiter.mailPerAccount, key: email, now: now, on: db) {
                throw AccountError(kind: .tooManyAttempts, field: "email", messages: ["email: too many codes sent to this address; wait an hour and try again"])
            }
            existing.displayName = displayName
            existing.passwordHash = hash
            user = existing
            try await user.save(on: db)
        } else {
            user = UserRecord(email: email, displayName: displayName, passwordHash: hash, role: .observer, nation: nil,
                              company: nil, verified: false, unsubscribeToken: Secrets.token())
            try await user.create(on: db)
            try await Audit.record(Actor(userID: user.id, name: email), entity: "user", key: email, action: "register",
                                   changes: [.init(field: "email", old: "", new: email)], at: now, on: db)
        }
        try await sendCode(.verify, to: user)
        return user
    }

    func resendVerification(email rawEmail: String) async throws {
        let email = try Self.normalisedEmail(rawEmail)
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first(), !user.verified else { return }
        if try await RateLimiter.hit(RateLimiter.mailPerAccount, key: email, now: now, on: db) {
            throw AccountError(kind: .tooManyAttempts, field: "email", messages: ["email: too many codes sent; wait an hour and try again"])
        }
        try await sendCode(.verify, to: user)
    }

    func verify(email rawEmail: String, code: String, address: String) async throws -> UserRecord {
        let email = try Self.normalisedEmail(rawEmail)
        try await limitCodeChecks(email: email, address: address)
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first() else {
            throw AccountError.invalid("code", "code: wrong or expired code")
        }
        try await consumeCode(.verify, of: user, code: code)
        user.verified = true
        try await user.save(on: db)
        try await Audit.record(actor(user), entity: "user", key: email, action: "verify",
                               changes: [.init(field: "verified", old: "false", new: "true")], at: now, on: db)
        return user
    }

    // MARK: sign-in

    func signIn(email rawEmail: String, password: String, address: String) async throws -> UserRecord {
        let email = (try? Self.normalisedEmail(rawEmail)) ?? rawEmail.lowercased()
        let overAccount = try await RateLimiter.hit(RateLimiter.signInPerAccount, key: email, now: now, on: db)
        let overAddress = try await RateLimiter.hit(RateLimiter.signInPerAddress, key: address, now: now, on: db)
        if overAccount || overAddress {
            throw AccountError(kind: .tooManyAttempts, field: nil, messages: ["too many sign-in attempts; wait 15 minutes and try again"])
        }
        let failure = AccountError(kind: .unauthorized, field: "password", messages: ["wrong e-mail address or password"])
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first() else {
            _ = try await hasher.verify(password, hash: hasher.dummyHash)
            throw failure
        }
        guard try await hasher.verify(password, hash: user.passwordHash) else { throw failure }
        guard user.verified else {
            throw AccountError(kind: .unauthorized, field: "email", messages: ["email: this address is not verified yet; enter the code we sent"])
        }
        try await RateLimiter.clear(RateLimiter.signInPerAccount, key: email, on: db)
        return user
    }

    /// A new browser session; the returned token goes into the cookie, only its digest is stored.
    func openSession(for user: UserRecord, lifetime: TimeInterval = 12 * 3600) async throws -> (token: String, session: WebSessionRecord) {
        let token = Secrets.token()
        let session = WebSessionRecord(tokenHash: Secrets.sha256(token), userID: try user.requireID(),
                                       csrfToken: Secrets.token(), expiresAt: now.addingTimeInterval(lifetime))
        try await session.create(on: db)
        return (token, session)
    }

    // MARK: password reset

    /// Sends a reset code when the account exists; answers the same either way.
    func requestReset(email rawEmail: String, address: String) async throws {
        let email = try Self.normalisedEmail(rawEmail)
        let overAccount = try await RateLimiter.hit(RateLimiter.resetPerAccount, key: email, now: now, on: db)
        let overAddress = try await RateLimiter.hit(RateLimiter.resetPerAddress, key: address, now: now, on: db)
        if overAccount || overAddress {
            throw AccountError(kind: .tooManyAttempts, field: "email", messages: ["email: too many reset requests; wait an hour and try again"])
        }
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first() else { return }
        try await sendCode(.reset, to: user)
    }

    func confirmReset(email rawEmail: String, code: String, newPassword: String, address: String) async throws {
        let email = try Self.normalisedEmail(rawEmail)
        let broken = PasswordPolicy.violations(of: newPassword)
        if !broken.isEmpty { throw AccountError.invalid("password", broken.map { "password: needs \($0.text)" }) }
        try await limitCodeChecks(email: email, address: address)
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first() else {
            throw AccountError.invalid("code", "code: wrong or expired code")
        }
        try await consumeCode(.reset, of: user, code: code)
        user.passwordHash = try await hasher.hash(newPassword)
        user.verified = true
        try await user.save(on: db)
        try await WebSessionRecord.query(on: db).filter(\.$userID == user.requireID()).delete()
        try await APITokenRecord.query(on: db).filter(\.$userID == user.requireID()).delete()
        try await Audit.record(actor(user), entity: "user", key: email, action: "password reset",
                               changes: [.init(field: "password", old: "(hidden)", new: "(changed)")], at: now, on: db)
    }

    // MARK: newsletter

    func setNewsletter(_ user: UserRecord, subscribed: Bool) async throws {
        guard user.newsletter != subscribed else { return }
        user.newsletter = subscribed
        try await user.save(on: db)
        try await Audit.record(actor(user), entity: "user", key: user.email, action: subscribed ? "subscribe" : "unsubscribe",
                               changes: [.init(field: "newsletter", old: "\(!subscribed)", new: "\(subscribed)")], at: now, on: db)
    }

    /// One-click unsubscribe from a mail's link; nil when the token is unknown.
    func unsubscribe(token: String) async throws -> UserRecord? {
        guard !token.isEmpty, let user = try await UserRecord.query(on: db).filter(\.$unsubscribeToken == token).first() else { return nil }
        try await setNewsletter(user, subscribed: false)
        return user
    }

    // MARK: codes

    private func sendCode(_ purpose: CodePurpose, to user: UserRecord) async throws {
        let userID = try user.requireID()
        let code = Secrets.numericCode()
        try await OneTimeCodeRecord.query(on: db).filter(\.$userID == userID).filter(\.$purpose == purpose.rawValue)
            .filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
        try await OneTimeCodeRecord(userID: userID, purpose: purpose, codeHash: Self.codeHash(code, userID: userID),
                                    expiresAt: now.addingTimeInterval(Self.codeLifetime), createdAt: now).create(on: db)
        let mail = AccountMails.code(purpose, code: code, to: user, publicURL: publicURL)
        try await OutboxWorker.enqueue(OutgoingMail(to: user.email, subject: mail.subject, textBody: mail.body,
                                                    unsubscribeURL: mail.unsubscribeURL), on: db, now: now)
    }

    private func consumeCode(_ purpose: CodePurpose, of user: UserRecord, code: String) async throws {
        let userID = try user.requireID()
        guard let record = try await OneTimeCodeRecord.query(on: db).filter(\.$userID == userID)
            .filter(\.$purpose == purpose.rawValue).filter(\.$usedAt == nil).sort(\.$createdAt, .descending).first()
        else { throw AccountError.invalid("code", "code: no code is waiting (it was used or replaced); ask for a new code") }
        guard record.expiresAt > now else {
            throw AccountError.invalid("code", "code: the code has expired (codes last 30 minutes); ask for a new code")
        }
        guard record.attempts < Self.codeAttempts else {
            throw AccountError(kind: .tooManyAttempts, field: "code", messages: ["code: too many wrong codes; ask for a new code"])
        }
        let candidate = Self.codeHash(code.trimmingCharacters(in: .whitespaces), userID: userID)
        guard Secrets.constantTimeEquals(candidate, record.codeHash) else {
            record.attempts += 1
            try await record.save(on: db)
            let left = Self.codeAttempts - record.attempts
            throw left > 0
                ? AccountError.invalid("code", "code: wrong code; \(left) attempt\(left == 1 ? "" : "s") left")
                : AccountError(kind: .tooManyAttempts, field: "code", messages: ["code: too many wrong codes; ask for a new code"])
        }
        record.usedAt = now
        try await record.save(on: db)
    }

    private func limitCodeChecks(email: String, address: String) async throws {
        let overAccount = try await RateLimiter.hit(RateLimiter.codePerAccount, key: email, now: now, on: db)
        let overAddress = try await RateLimiter.hit(RateLimiter.codePerAddress, key: address, now: now, on: db)
        if overAccount || overAddress {
            throw AccountError(kind: .tooManyAttempts, field: "code", messages: ["code: too many attempts; wait 15 minutes and try again"])
        }
    }

    private func actor(_ user: UserRecord) -> Actor { Actor(userID: user.id, name: user.email) }

    static func codeHash(_ code: String, userID: UUID) -> String { Secrets.sha256("\(userID.uuidString):\(code)") }

    static func normalisedEmail(_ raw: String) throws(AccountError) -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," })
        else { throw AccountError.invalid("email", "email: not a valid e-mail address") }
        return email
    }
}
