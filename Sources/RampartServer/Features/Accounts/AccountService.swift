import Fluent
import Foundation
import RampartCore
import SQLKit

/// Registration, e-mail verification, sign-in, password reset and the newsletter: the rules of the
/// Alliance account flow, shared by the pages and the API.
///
/// Known and unknown addresses get the same answers at the same cost everywhere, so that nobody can learn from
/// Rampart whether an address has an account. Limits are counted by `RateLimiter` outside any transaction, and
/// codes are spent by single statements, so they hold with many requests at once.
struct AccountService: Sendable {
    /// The application's database, never a transaction: the service opens its own where a change needs one.
    var db: any Database
    var hasher: PasswordHasher
    var now: Date
    var publicURL: String

    static let codeLifetime: TimeInterval = 30 * 60
    static let codeAttempts = 5
    /// A pending registration can get a new code for this long after it was made.
    static let registrationLifetime: TimeInterval = 24 * 3600

    static let wrongCode = AccountError.invalid("code", "code: wrong or expired code; check the latest mail, or ask for a new code")

    // MARK: registration

    /// Registers `email` as a pending registration with its own code and password, and mails the code; for an
    /// address that has an account, mails its owner instead. Answers the same either way: the registration's id,
    /// which "send a new code" needs (for a known address a random one that names nothing).
    func register(email rawEmail: String, displayName rawName: String, password: String, address: String) async throws -> UUID {
        var problems: [AccountError] = []
        var email = ""
        do { email = try Self.normalisedEmail(rawEmail) } catch { problems.append(error) }
        let displayName = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextRules.displayNameProblem(displayName) {
            problems.append(.invalid("displayName", "displayName: \(problem)"))
        }
        let broken = PasswordPolicy.violations(of: password)
        if !broken.isEmpty {
            problems.append(.invalid("password", broken.map { "password: needs \($0.text)" }))
        }
        if let first = problems.first {
            throw AccountError(kind: .invalid, field: first.field, messages: problems.flatMap(\.messages))
        }
        guard
            try await RateLimiter.admit(
                mailChecks(email: email, address: address, perAddress: RateLimiter.registrationPerAddress),
                now: now, on: db)
        else {
            throw AccountError(
                kind: .tooManyAttempts, field: "email", messages: ["email: too many registrations; wait an hour and try again"])
        }
        let hash = try await hasher.hash(password)
        return try await Self.answeringAfter(Self.answerFloor) {
            try await storeRegistration(email: email, displayName: displayName, hash: hash)
        }
    }

    /// The pending registration and its mail, or for an address with an account the mail to its owner.
    private func storeRegistration(email: String, displayName: String, hash: String) async throws -> UUID {
        let registrationID = UUID()
        // Read before the transaction, which then only writes (see DemandEntry on SQLite's write lock).
        let existing = try await UserRecord.query(on: db).filter(\.$email == email).first()
        try await db.transaction { tx in
            if let existing {
                try await enqueue(AccountMails.alreadyRegistered(existing, publicURL: publicURL), to: email, on: tx)
                try await Audit.record(
                    Actor(userID: existing.id, name: email), entity: "user", key: email,
                    action: "registration refused (address has an account)", changes: [], at: now, on: tx)
                return
            }
            let code = Secrets.numericCode()
            try await PendingRegistrationRecord(
                id: registrationID, email: email, displayName: displayName, passwordHash: hash,
                codeHash: Self.codeHash(code, salt: registrationID), expiresAt: now.addingTimeInterval(Self.codeLifetime), createdAt: now
            ).create(on: tx)
            try await enqueue(AccountMails.registrationCode(code, name: displayName, registeredAt: now), to: email, on: tx)
            try await Audit.record(
                Actor(userID: nil, name: email), entity: "registration", key: email, action: "register",
                changes: [.init(field: "email", old: "", new: email)], at: now, on: tx)
        }
        try await RateLimiter.clear(RateLimiter.verifyCodePerRecipient, key: email, on: db)
        return registrationID
    }

    /// A new code for the pending registration `registration` of `email`, when there is one; silence otherwise.
    func resendVerification(email rawEmail: String, registration: UUID?, address: String) async throws {
        let email = try Self.normalisedEmail(rawEmail)
        try await Self.answeringAfter(Self.answerFloor) { try await renewCode(email: email, registration: registration, address: address) }
    }

    private func renewCode(email: String, registration: UUID?, address: String) async throws {
        guard
            try await RateLimiter.admit(
                mailChecks(email: email, address: address, perAddress: RateLimiter.resendPerAddress),
                now: now, on: db)
        else {
            throw AccountError(kind: .tooManyAttempts, field: "email", messages: ["email: too many codes sent; wait an hour and try again"])
        }
        try await RateLimiter.clear(RateLimiter.verifyCodePerRecipient, key: email, on: db)
        guard let registration,
            let pending = try await PendingRegistrationRecord.query(on: db).filter(\.$id == registration).filter(\.$email == email)
                .filter(\.$usedAt == nil).filter(\.$createdAt > now.addingTimeInterval(-Self.registrationLifetime)).first()
        else { return }
        let code = Secrets.numericCode()
        try await db.transaction { tx in
            pending.codeHash = Self.codeHash(code, salt: registration)
            pending.attempts = 0
            pending.expiresAt = now.addingTimeInterval(Self.codeLifetime)
            try await pending.save(on: tx)
            try await enqueue(
                AccountMails.registrationCode(code, name: pending.displayName, registeredAt: pending.createdAt), to: email, on: tx)
        }
    }

    /// Proves a registration's code: creates the account with that registration's password and name, and ends
    /// every other pending registration of the address.
    func verify(email rawEmail: String, code: String, address: String) async throws -> UserRecord {
        var problems: [String] = []
        var email = ""
        do { email = try Self.normalisedEmail(rawEmail) } catch { problems += error.messages }
        if let problem = Self.codeProblem(code) { problems.append(problem) }
        if let first = problems.first { throw AccountError(kind: .invalid, field: Self.field(of: first), messages: problems) }
        return try await Self.answeringAfter(Self.answerFloor) { try await proveCode(email: email, code: code, address: address) }
    }

    private func proveCode(email: String, code: String, address: String) async throws -> UserRecord {
        try await limitCodeChecks(RateLimiter.verifyCodePerRecipient, email: email, address: address)
        let pending = try await PendingRegistrationRecord.query(on: db).filter(\.$email == email).filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now).sort(\.$createdAt, .descending).limit(10).all()
        let typed = code.trimmingCharacters(in: .whitespaces)
        for registration in pending {
            let id = try registration.requireID()
            guard try await OneTimeCodes.claimAttempt(table: "pending_registrations", id: id, limit: Self.codeAttempts, now: now, on: db),
                Secrets.constantTimeEquals(Self.codeHash(typed, salt: id), registration.codeHash)
            else { continue }
            guard try await OneTimeCodes.spend(table: "pending_registrations", id: id, now: now, on: db) else { continue }
            let user = UserRecord(
                email: email, displayName: registration.displayName, passwordHash: registration.passwordHash,
                role: .observer, nation: nil, company: nil, verified: true, unsubscribeToken: Secrets.token(), createdAt: now)
            do {
                try await db.transaction { tx in
                    try await user.create(on: tx)
                    try await PendingRegistrationRecord.query(on: tx).filter(\.$email == email).delete()
                    try await Audit.record(
                        actor(user), entity: "user", key: email, action: "verify",
                        changes: [.init(field: "verified", old: "false", new: "true")], at: now, on: tx)
                }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw Self.wrongCode  // another registration of the address was proved at the same moment
            }
            try await RateLimiter.clear(RateLimiter.verifyCodePerRecipient, key: email, on: db)
            return user
        }
        throw Self.wrongCode
    }

    // MARK: sign-in

    func signIn(email rawEmail: String, password: String, address: String) async throws -> UserRecord {
        // Only what anyone can see without an account: an address left out or not an address, a password left out.
        var problems: [String] = []
        do { _ = try Self.normalisedEmail(rawEmail) } catch { problems += error.messages }
        if password.isEmpty { problems.append("password: give your password") }
        if let first = problems.first { throw AccountError(kind: .invalid, field: Self.field(of: first), messages: problems) }
        let email = (try? Self.normalisedEmail(rawEmail)) ?? "invalid:" + Secrets.sha256(rawEmail)
        let pairKey = SignInGuard.pairKey(email: email, bucket: address)
        let user = try await UserRecord.query(on: db).filter(\.$email == email).first()
        let daily = try await RateLimiter.recent(SignInGuard.perDay, key: email, now: now, excluding: nil, on: db)
        if user?.lockedAt != nil || daily.count >= SignInGuard.dailyFailures {
            throw AccountError(
                kind: .tooManyAttempts, field: nil,
                messages: [
                    "this account is locked after \(SignInGuard.dailyFailures) failed sign-ins in a day; its owner has been mailed a link to unlock it, "
                        + "and resetting the password unlocks it too"
                ])
        }
        // Counted as a failure before the password is checked, so that requests at once cannot all slip under the limit.
        let attempt = try await RateLimiter.record(SignInGuard.perAddress, key: pairKey, now: now, on: db)
        let earlier = try await RateLimiter.recent(SignInGuard.perAddress, key: pairKey, now: now, excluding: attempt.id, on: db)
        let wait = SignInGuard.delay(afterFailures: earlier.count)
        if wait > 0, let latest = earlier.latest, now.timeIntervalSince(latest) < wait {
            try await RateLimiter.withdraw(attempt, on: db)
            let seconds = Int((wait - now.timeIntervalSince(latest)).rounded(.up))
            throw AccountError(
                kind: .tooManyAttempts, field: nil,
                messages: ["too many failed sign-ins from your address; try again in \(Self.duration(seconds))"],
                retryAfterSeconds: max(seconds, 1))
        }
        let dayAttempt = try await RateLimiter.record(SignInGuard.perDay, key: email, now: now, on: db)
        let passwordMatches = try await hasher.verify(password, hash: user?.passwordHash ?? hasher.dummyHash)
        if let user, passwordMatches, user.verified {
            try await RateLimiter.withdraw(dayAttempt, on: db)
            try await RateLimiter.clear(SignInGuard.perAddress, key: pairKey, on: db)
            return user
        }
        if earlier.count + 1 == SignInGuard.freeFailures {
            try await Audit.record(
                Actor(userID: user?.id, name: email), entity: "sign-in", key: email,
                action: "failures past the limit; further attempts from \(address) are delayed", changes: [], at: now, on: db)
        }
        if dayAttempt.count >= SignInGuard.dailyFailures, let user { try await lock(user) }
        throw AccountError(kind: .unauthorized, field: "password", messages: ["wrong e-mail address or password"])
    }

    /// Locks the account (once, however many requests pass the limit together) and mails its owner the unlock link.
    private func lock(_ user: UserRecord) async throws {
        let id = try user.requireID()
        struct Row: Decodable { var id: UUID }
        let locked = try await SQLAccess.sql(db).raw(
            """
            UPDATE users SET locked_at = \(bind: now) WHERE id = \(bind: id) AND locked_at IS NULL RETURNING id
            """
        ).first(decoding: Row.self)
        guard locked != nil else { return }
        let token = Secrets.token()
        try await db.transaction { tx in
            try await OneTimeCodeRecord(
                userID: id, purpose: .unlock, codeHash: Secrets.sha256(token),
                expiresAt: now.addingTimeInterval(SignInGuard.unlockLifetime), createdAt: now
            ).create(on: tx)
            try await enqueue(AccountMails.locked(user, unlockToken: token, publicURL: publicURL), to: user.email, on: tx)
            try await Audit.record(
                .system, entity: "user", key: user.email, action: "locked after \(SignInGuard.dailyFailures) failed sign-ins in a day",
                changes: [.init(field: "locked", old: "false", new: "true")], at: now, on: tx)
        }
    }

    /// Follows an unlock link: the account can sign in again and its failures are forgotten. Nil when the link is
    /// unknown, used or expired.
    func unlock(token: String) async throws -> UserRecord? {
        guard !token.isEmpty, token.utf8.count <= 200,
            let code = try await OneTimeCodeRecord.query(on: db).filter(\.$codeHash == Secrets.sha256(token))
                .filter(\.$purpose == CodePurpose.unlock.rawValue).filter(\.$usedAt == nil).filter(\.$expiresAt > now).first(),
            try await OneTimeCodes.spend(table: "one_time_codes", id: code.requireID(), now: now, on: db),
            let user = try await UserRecord.find(code.userID, on: db)
        else { return nil }
        try await clearLock(user, action: "unlocked by the link mailed to its owner")
        return user
    }

    private func clearLock(_ user: UserRecord, action: String) async throws {
        try await RateLimiter.clear(SignInGuard.perDay, key: user.email, on: db)
        guard user.lockedAt != nil else { return }
        try await db.transaction { tx in
            user.lockedAt = nil
            try await user.save(on: tx)
            try await Audit.record(
                actor(user), entity: "user", key: user.email, action: action,
                changes: [.init(field: "locked", old: "true", new: "false")], at: now, on: tx)
        }
    }

    /// A new browser session; the returned token goes into the cookie, only its digest is stored.
    func openSession(for user: UserRecord, lifetime: TimeInterval = 12 * 3600) async throws -> (token: String, session: WebSessionRecord) {
        let token = Secrets.token()
        let session = WebSessionRecord(
            tokenHash: Secrets.sha256(token), userID: try user.requireID(),
            csrfToken: Secrets.token(), expiresAt: now.addingTimeInterval(lifetime))
        try await session.create(on: db)
        return (token, session)
    }

    // MARK: password reset

    /// Sends a reset code when the account exists; answers the same either way.
    func requestReset(email rawEmail: String, address: String) async throws {
        let email = try Self.normalisedEmail(rawEmail)
        try await Self.answeringAfter(Self.answerFloor) { try await sendResetCode(email: email, address: address) }
    }

    private func sendResetCode(email: String, address: String) async throws {
        let checks = [
            (RateLimiter.resetPerRecipientAndAddress, "\(email)|\(address)"), (RateLimiter.resetPerRecipient, email),
            (RateLimiter.resetPerAddress, address),
        ]
        guard try await RateLimiter.admit(checks, now: now, on: db) else {
            throw AccountError(
                kind: .tooManyAttempts, field: "email", messages: ["email: too many reset requests; wait an hour and try again"])
        }
        try await RateLimiter.clear(RateLimiter.resetCodePerRecipient, key: email, on: db)
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first() else { return }
        let userID = try user.requireID()
        let code = Secrets.numericCode()
        try await db.transaction { tx in
            try await OneTimeCodeRecord.query(on: tx).filter(\.$userID == userID).filter(\.$purpose == CodePurpose.reset.rawValue)
                .filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
            try await OneTimeCodeRecord(
                userID: userID, purpose: .reset, codeHash: Self.codeHash(code, salt: userID),
                expiresAt: now.addingTimeInterval(Self.codeLifetime), createdAt: now
            ).create(on: tx)
            try await enqueue(AccountMails.resetCode(code, to: user, publicURL: publicURL), to: email, on: tx)
        }
    }

    /// Sets a new password with the mailed code; ends every session and token, and unlocks a locked account.
    /// Every problem the form shows is named at once, before the code is checked (which spends one of its attempts).
    func confirmReset(email rawEmail: String, code: String, newPassword: String, address: String) async throws {
        var problems: [String] = []
        var email = ""
        do { email = try Self.normalisedEmail(rawEmail) } catch { problems += error.messages }
        if let problem = Self.codeProblem(code) { problems.append(problem) }
        problems += PasswordPolicy.violations(of: newPassword).map { "password: needs \($0.text)" }
        if let first = problems.first { throw AccountError(kind: .invalid, field: Self.field(of: first), messages: problems) }
        try await Self.answeringAfter(Self.answerFloor) {
            try await resetPassword(email: email, code: code, newPassword: newPassword, address: address)
        }
    }

    private func resetPassword(email: String, code: String, newPassword: String, address: String) async throws {
        try await limitCodeChecks(RateLimiter.resetCodePerRecipient, email: email, address: address)
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first(),
            let record = try await OneTimeCodeRecord.query(on: db).filter(\.$userID == user.requireID())
                .filter(\.$purpose == CodePurpose.reset.rawValue).filter(\.$usedAt == nil).filter(\.$expiresAt > now)
                .sort(\.$createdAt, .descending).first()
        else { throw Self.wrongCode }
        let recordID = try record.requireID()
        let candidate = Self.codeHash(code.trimmingCharacters(in: .whitespaces), salt: try user.requireID())
        guard try await OneTimeCodes.claimAttempt(table: "one_time_codes", id: recordID, limit: Self.codeAttempts, now: now, on: db),
            Secrets.constantTimeEquals(candidate, record.codeHash),
            try await OneTimeCodes.spend(table: "one_time_codes", id: recordID, now: now, on: db)
        else { throw Self.wrongCode }
        let hash = try await hasher.hash(newPassword)
        try await db.transaction { tx in
            user.passwordHash = hash
            user.verified = true
            try await user.save(on: tx)
            try await WebSessionRecord.query(on: tx).filter(\.$userID == user.requireID()).delete()
            try await APITokenRecord.query(on: tx).filter(\.$userID == user.requireID()).delete()
            try await Audit.record(
                actor(user), entity: "user", key: email, action: "password reset",
                changes: [.init(field: "password", old: "(hidden)", new: "(changed)")], at: now, on: tx)
        }
        try await RateLimiter.clear(RateLimiter.resetCodePerRecipient, key: email, on: db)
        try await clearLock(user, action: "unlocked by a password reset")
    }

    // MARK: the signed-in person's own account

    /// Wrong current passwords given to change a password, per account: as many as sign-in allows an address
    /// before it waits, so that a session left open does not let anyone guess the password behind it.
    static let passwordChecks = RateLimiter.Rule(name: "password-change:failure", limit: SignInGuard.freeFailures, window: 15 * 60)

    /// The display name the person goes by (one line, 1 to 100 characters); false when it was already that.
    @discardableResult
    func changeDisplayName(_ user: UserRecord, to rawName: String) async throws -> Bool {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextRules.displayNameProblem(name) { throw AccountError.invalid("displayName", "displayName: \(problem)") }
        guard name != user.displayName else { return false }
        let old = user.displayName
        try await db.transaction { tx in
            user.displayName = name
            try await user.save(on: tx)
            try await Audit.record(
                actor(user), entity: "user", key: user.email, action: "change name",
                changes: [.init(field: "displayName", old: old, new: name)], at: now, on: tx)
        }
        return true
    }

    /// A new password for a signed-in person who gives their current one, under the rules of registration. Every
    /// problem is named at once (a wrong current password and each rule the new one breaks). Every other browser
    /// session of the account ends, `keeping` (the one asking) stays; API tokens stay; the owner is mailed.
    func changePassword(_ user: UserRecord, current: String, new newPassword: String, keeping session: WebSessionRecord?) async throws {
        var problems: [String] = []
        if current.isEmpty { problems.append("currentPassword: give your current password") }
        problems += PasswordPolicy.violations(of: newPassword).map { "newPassword: needs \($0.text)" }
        if !current.isEmpty, try await currentPasswordMatches(user, current) == false {
            problems.insert("currentPassword: does not match the password of your account", at: 0)
        }
        if let first = problems.first {
            throw AccountError(kind: .invalid, field: Self.field(of: first), messages: problems)
        }
        let hash = try await hasher.hash(newPassword)
        let userID = try user.requireID()
        try await db.transaction { tx in
            user.passwordHash = hash
            try await user.save(on: tx)
            var others = WebSessionRecord.query(on: tx).filter(\.$userID == userID)
            if let kept = session?.id { others = others.filter(\.$id != kept) }
            try await others.delete()
            try await Audit.record(
                actor(user), entity: "user", key: user.email, action: "change password",
                changes: [.init(field: "password", old: "(hidden)", new: "(changed)")], at: now, on: tx)
            try await enqueue(AccountMails.passwordChanged(user, at: now, publicURL: publicURL), to: user.email, on: tx)
        }
    }

    /// Checks `current` against the account's password, counted as a failure first (so that requests at once cannot
    /// slip under the limit) and taken back when it matches.
    private func currentPasswordMatches(_ user: UserRecord, _ current: String) async throws -> Bool {
        let attempt = try await RateLimiter.record(Self.passwordChecks, key: try user.requireID().uuidString, now: now, on: db)
        guard !attempt.over else {
            try await RateLimiter.withdraw(attempt, on: db)
            throw AccountError(
                kind: .tooManyAttempts, field: "currentPassword",
                messages: ["currentPassword: too many wrong passwords; wait up to 15 minutes and try again"],
                retryAfterSeconds: Int(Self.passwordChecks.window))
        }
        let matches = try await hasher.verify(current, hash: user.passwordHash)
        if matches { try await RateLimiter.withdraw(attempt, on: db) }
        return matches
    }

    // MARK: newsletter

    func setNewsletter(_ user: UserRecord, subscribed: Bool) async throws {
        guard user.newsletter != subscribed else { return }
        try await db.transaction { tx in
            user.newsletter = subscribed
            try await user.save(on: tx)
            try await Audit.record(
                actor(user), entity: "user", key: user.email, action: subscribed ? "subscribe" : "unsubscribe",
                changes: [.init(field: "newsletter", old: "\(!subscribed)", new: "\(subscribed)")], at: now, on: tx)
        }
    }

    /// One-click unsubscribe from a mail's link; nil when the token is unknown.
    func unsubscribe(token: String) async throws -> UserRecord? {
        guard !token.isEmpty, let user = try await UserRecord.query(on: db).filter(\.$unsubscribeToken == token).first() else { return nil }
        try await setNewsletter(user, subscribed: false)
        return user
    }

    // MARK: codes

    /// What differs between a known and an unknown address (a code checked or written and a mail queued, or
    /// nothing) takes a few milliseconds of database work: these answers come no sooner than this after the
    /// request, either way, so that their time tells nothing.
    static let answerFloor: Duration = .milliseconds(100)

    /// `work`'s result (or error), given no sooner than `floor` after the call.
    static func answeringAfter<T: Sendable>(_ floor: Duration, _ work: () async throws -> T) async throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: floor)
        let result: Result<T, any Error>
        do { result = .success(try await work()) } catch { result = .failure(error) }
        try? await Task.sleep(until: deadline, clock: clock)
        return try result.get()
    }

    private func enqueue(_ mail: AccountMails.Mail, to email: String, on tx: any Database) async throws {
        try await OutboxWorker.enqueue(
            OutgoingMail(to: email, subject: mail.subject, textBody: mail.body, unsubscribeURL: mail.unsubscribeURL),
            on: tx, now: now)
    }

    /// Checks of a code are limited per recipient (5 in a code's lifetime, whether the address is known or not) and
    /// per client address; the check is counted before it is made.
    private func limitCodeChecks(_ rule: RateLimiter.Rule, email: String, address: String) async throws {
        guard try await RateLimiter.admit([(rule, email), (RateLimiter.codePerAddress, address)], now: now, on: db) else {
            throw AccountError(kind: .tooManyAttempts, field: "code", messages: ["code: too many wrong codes; ask for a new code"])
        }
    }

    /// The limits of a mail to `email` asked for from `address`.
    private func mailChecks(email: String, address: String, perAddress: RateLimiter.Rule) -> [(rule: RateLimiter.Rule, key: String)] {
        [(RateLimiter.mailPerRecipientAndAddress, "\(email)|\(address)"), (RateLimiter.mailPerRecipient, email), (perAddress, address)]
    }

    private func actor(_ user: UserRecord) -> Actor { Actor(userID: user.id, name: user.email) }

    /// What is wrong with a typed code before it is checked: the mails send 6 digits.
    static func codeProblem(_ code: String) -> String? {
        let typed = code.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return "code: give the 6-digit code from the mail" }
        guard typed.count == 6, typed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return "code: must be the 6 digits from the mail" }
        return nil
    }

    /// The field a "field: problem" message names.
    static func field(of problem: String) -> String { String(problem.prefix { $0 != ":" }) }

    /// A code's stored digest, salted with the id of what it belongs to (a pending registration or an account).
    static func codeHash(_ code: String, salt: UUID) -> String { Secrets.sha256("\(salt.uuidString):\(code)") }

    static func duration(_ seconds: Int) -> String {
        seconds < 90 ? "\(seconds) second\(seconds == 1 ? "" : "s")" : "\((seconds + 59) / 60) minutes"
    }

    static func normalisedEmail(_ raw: String) throws(AccountError) -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !email.isEmpty else { throw AccountError.invalid("email", "email: give your e-mail address") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," })
        else { throw AccountError.invalid("email", "email: not a valid e-mail address") }
        return email
    }
}

/// Single-use codes spent by one statement each, so that of many requests at once only `limit` are checked and
/// only one spends the code.
enum OneTimeCodes {
    /// Takes one of the code's attempts; false when none is left, or it was spent or has expired.
    static func claimAttempt(table: String, id: UUID, limit: Int, now: Date, on db: any Database) async throws -> Bool {
        struct Row: Decodable { var attempts: Int }
        return try await SQLAccess.sql(db).raw(
            """
            UPDATE \(ident: table) SET attempts = attempts + 1
            WHERE id = \(bind: id) AND attempts < \(bind: limit) AND used_at IS NULL AND expires_at > \(bind: now) RETURNING attempts
            """
        ).first(decoding: Row.self) != nil
    }

    /// Marks the code used; false when another request spent it first.
    static func spend(table: String, id: UUID, now: Date, on db: any Database) async throws -> Bool {
        struct Row: Decodable { var id: UUID }
        return try await SQLAccess.sql(db).raw(
            """
            UPDATE \(ident: table) SET used_at = \(bind: now) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id
            """
        ).first(decoding: Row.self) != nil
    }
}
