import Fluent
import Plot
import RampartCore
import Vapor

/// The signed-in person's account page: name, password and newsletter, each change audited and confirmed once.
struct AccountSettingsPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.account, use: show)
        routes.post(.accountName, use: changeName)
        routes.post(.accountPassword, use: changePassword)
        routes.post(.accountNewsletter, use: newsletter)
    }

    static let title = "Your account"

    @Sendable func show(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        return AccountPage.render(req.pageContext(title: Self.title), try await Self.model(for: person, on: req.db))
    }

    @Sendable func changeName(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        struct Form: Content { var display_name: String? }
        let typed = try req.content.decode(Form.self).display_name ?? ""
        do {
            let changed = try await req.accounts.changeDisplayName(person.user, to: typed)
            let named = changed ? "Your name is now \(person.user.displayName)." : "Your name was already \(person.user.displayName)."
            // A notice is cut at FlashNotice.maxBytes: a long name would be cut inside it, so it is left out instead.
            return FlashNotice.redirect(
                req, to: .account,
                saying: named.utf8.count <= FlashNotice.maxBytes ? named : changed ? "Your name is changed." : "Your name was already that."
            )
        } catch let error as AccountError {
            var model = try await Self.model(for: person, on: req.db)
            model.nameValue = typed
            model.nameErrors = error.messages
            return try await AccountPage.render(req.pageContext(title: Self.title), model).encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        struct Form: Content { var current_password: String?; var new_password: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await req.accounts.changePassword(
                person.user, current: form.current_password ?? "", new: form.new_password ?? "", keeping: person.session)
            return FlashNotice.redirect(
                req, to: .account,
                saying: "Your password is changed. Other browsers signed in as you were signed out; your API tokens still work.")
        } catch let error as AccountError {
            var model = try await Self.model(for: person, on: req.db)
            model.passwordErrors = error.messages
            let response = try await AccountPage.render(req.pageContext(title: Self.title), model)
                .encodeResponse(status: error.status, for: req)
            RampartErrorMiddleware.addRetryAfter(for: error, to: response)
            return response
        }
    }

    @Sendable func newsletter(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        struct Form: Content { var subscribe: String? }
        let subscribe = try req.content.decode(Form.self).subscribe == "yes"
        try await req.accounts.setNewsletter(person.user, subscribed: subscribe)
        return FlashNotice.redirect(
            req, to: .account,
            saying: subscribe
                ? "You are subscribed to the Rampart newsletter." : "You are unsubscribed: Rampart will not send you its newsletter.")
    }

    static func model(for person: SignedIn, on db: any Database) async throws -> AccountPage.Model {
        let user = person.user
        let tokens = try await APITokenRecord.query(on: db).filter(\.$userID == person.userID).count()
        let nation = user.nation.flatMap { $0.isEmpty ? nil : $0 }.map { code in
            Alliance.name(of: code) == code ? code : "\(Alliance.name(of: code)) (\(code))"
        }
        return AccountPage.Model(
            email: user.email, displayName: user.displayName, role: person.role, nation: nation,
            company: user.company.flatMap { $0.isEmpty ? nil : $0 }, newsletter: user.newsletter, tokenCount: tokens,
            nameValue: user.displayName, passwordRules: AccountPages.passwordRules)
    }
}
