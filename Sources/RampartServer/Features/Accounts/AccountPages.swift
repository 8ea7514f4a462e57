import Fluent
import Plot
import RampartCore
import Vapor

/// Sign-in, registration, verification, newsletter, password reset and unsubscribe pages.
struct AccountPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.signIn, use: signInForm)
        routes.post(.signIn, use: signIn)
        routes.post(.signOut, use: signOut)
        routes.get(.register, use: registerForm)
        routes.post(.register, use: register)
        routes.get(.verify, use: verifyForm)
        routes.post(.verify, use: verify)
        routes.post(.verifyResend, use: resend)
        routes.get(.newsletter, use: newsletterForm)
        routes.post(.newsletter, use: newsletter)
        routes.get(.reset, use: resetForm)
        routes.post(.reset, use: requestReset)
        routes.get(.resetConfirm, use: resetConfirmForm)
        routes.post(.resetConfirm, use: confirmReset)
        routes.get(.unlock(token: .any), use: unlockForm)
        routes.post(.unlock(token: .any), use: unlock)
        routes.get(.unsubscribe(token: .any), use: unsubscribe)
        routes.post(.unsubscribe(token: .any), use: unsubscribe)
    }

    static var passwordRules: [String] { PasswordRule.allCases.map(\.text) }

    // MARK: sign in / out

    @Sendable func signInForm(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: .dashboard) }
        let next = Href.local(req.query[String.self, at: "next"])
        return try await SignInPage.render(req.pageContext(title: "Sign in"), .init(email: "", errors: [], next: next))
            .encodeResponse(for: req)
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var password: String?; var next: String? }
        let form = try req.content.decode(Form.self)
        let next = Href.local(form.next)
        do {
            let user = try await req.accounts.signIn(email: form.email ?? "", password: form.password ?? "", address: req.clientBucket)
            return try await startSession(for: user, req: req, redirectTo: next == "/" ? SiteRoute.dashboard.path : next)
        } catch let error as AccountError {
            let page = SignInPage.render(
                req.pageContext(title: "Sign in"), .init(email: form.email ?? "", errors: error.messages, next: next))
            let response = try await page.encodeResponse(status: error.status, for: req)
            RampartErrorMiddleware.addRetryAfter(for: error, to: response)
            return response
        }
    }

    /// Also taken from a page whose session had already ended (the CSRF check lets it through: signing out a browser
    /// that is signed out changes nothing), which is told so rather than that its form expired.
    @Sendable func signOut(req: Request) async throws -> Response {
        let session = req.signedIn?.session
        if let session { try await session.delete(on: req.db) }
        let response = FlashNotice.redirect(
            req, to: .signIn,
            saying: session == nil
                ? "You were already signed out: your session had ended. Sign in again to continue."
                : "You are signed out. Sign in again to continue.")
        response.cookies[AuthenticationMiddleware.sessionCookie] = AuthenticationMiddleware.cookie(
            token: "", secure: req.rampart.config.secureCookies, maxAge: 0)
        return response
    }

    private func startSession(for user: UserRecord, req: Request, redirectTo: String) async throws -> Response {
        let (token, _) = try await req.accounts.openSession(for: user)
        let response = req.redirect(to: redirectTo)
        response.cookies[AuthenticationMiddleware.sessionCookie] = AuthenticationMiddleware.cookie(
            token: token, secure: req.rampart.config.secureCookies, maxAge: 12 * 3600)
        return response
    }

    // MARK: registration and verification

    @Sendable func registerForm(req: Request) async throws -> HTML {
        RegisterPage.render(
            req.pageContext(title: "Create an account"),
            .init(email: "", displayName: "", errors: [], passwordRules: Self.passwordRules))
    }

    @Sendable func register(req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var display_name: String?; var password: String? }
        let form = try req.content.decode(Form.self)
        do {
            let registration = try await req.accounts.register(
                email: form.email ?? "", displayName: form.display_name ?? "", password: form.password ?? "",
                address: req.clientBucket)
            let email = try AccountService.normalisedEmail(form.email ?? "")
            return req.redirect(
                to: SiteRoute.verify.path(query: [(name: "email", value: email), (name: "registration", value: registration.uuidString)]))
        } catch let error as AccountError {
            let page = RegisterPage.render(
                req.pageContext(title: "Create an account"),
                .init(
                    email: form.email ?? "", displayName: form.display_name ?? "",
                    errors: error.messages, passwordRules: Self.passwordRules))
            return try await page.encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func verifyForm(req: Request) async throws -> HTML {
        let email = req.query[String.self, at: "email"] ?? ""
        return VerifyPage.render(
            req.pageContext(title: "Verify your e-mail"),
            .init(
                email: email, registration: req.query[String.self, at: "registration"] ?? "", errors: [],
                info: email.isEmpty ? nil : "If this address can be registered, a 6-digit code is on its way to it."))
    }

    @Sendable func verify(req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var code: String?; var registration: String? }
        let form = try req.content.decode(Form.self)
        do {
            let user = try await req.accounts.verify(email: form.email ?? "", code: form.code ?? "", address: req.clientBucket)
            return try await startSession(for: user, req: req, redirectTo: SiteRoute.newsletter.path)
        } catch let error as AccountError {
            let page = VerifyPage.render(
                req.pageContext(title: "Verify your e-mail"),
                .init(email: form.email ?? "", registration: form.registration ?? "", errors: error.messages, info: nil))
            return try await page.encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func resend(req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var registration: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await req.accounts.resendVerification(
                email: form.email ?? "", registration: form.registration.flatMap(UUID.init(uuidString:)),
                address: req.clientBucket)
            let page = VerifyPage.render(
                req.pageContext(title: "Verify your e-mail"),
                .init(
                    email: form.email ?? "", registration: form.registration ?? "", errors: [],
                    info: "If a registration of this address is waiting, a new code is on its way; its old code no longer works."))
            return try await page.encodeResponse(for: req)
        } catch let error as AccountError {
            let page = VerifyPage.render(
                req.pageContext(title: "Verify your e-mail"),
                .init(email: form.email ?? "", registration: form.registration ?? "", errors: error.messages, info: nil))
            return try await page.encodeResponse(status: error.status, for: req)
        }
    }

    // MARK: newsletter

    @Sendable func newsletterForm(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        return NewsletterOfferPage.render(req.pageContext(title: "Rampart news"), .init(email: person.user.email))
    }

    @Sendable func newsletter(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        struct Form: Content { var subscribe: String? }
        let subscribe = (try req.content.decode(Form.self)).subscribe == "yes"
        try await req.accounts.setNewsletter(person.user, subscribed: subscribe)
        return FlashNotice.redirect(
            req, to: .dashboard,
            saying: subscribe ? "You are subscribed to Rampart news." : "You will not get Rampart news; the choice stays yours to change.")
    }

    @Sendable func unlockForm(req: Request) async throws -> HTML {
        UnlockPage.render(req.pageContext(title: "Unlock your account"), .init(token: req.parameter(.token), done: false))
    }

    /// The link only shows a button: mail scanners that fetch links must not unlock an account.
    @Sendable func unlock(req: Request) async throws -> Response {
        let token = req.parameter(.token)
        guard try await req.accounts.unlock(token: token) != nil else {
            throw Abort(.notFound, reason: "this unlock link is not valid: it was used, has expired, or was never sent")
        }
        return try await UnlockPage.render(req.pageContext(title: "Account unlocked"), .init(token: token, done: true)).encodeResponse(
            for: req)
    }

    @Sendable func unsubscribe(req: Request) async throws -> Response {
        let token = req.parameter(.token)
        guard let user = try await req.accounts.unsubscribe(token: token) else {
            throw Abort(.notFound, reason: "this unsubscribe link is not valid")
        }
        return try await UnsubscribePage.render(req.pageContext(title: "Unsubscribed"), .init(email: user.email))
            .encodeResponse(for: req)
    }

    // MARK: password reset

    @Sendable func resetForm(req: Request) async throws -> HTML {
        ResetRequestPage.render(
            req.pageContext(title: "Reset your password"),
            .init(email: "", errors: [], returnTo: Href.local(req.query[String.self, at: "return_to"])))
    }

    @Sendable func requestReset(req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var return_to: String? }
        let form = try req.content.decode(Form.self)
        let returnTo = Href.local(form.return_to)
        do {
            try await req.accounts.requestReset(email: form.email ?? "", address: req.clientBucket)
            return req.redirect(
                to: SiteRoute.resetConfirm.path(query: [(name: "email", value: form.email ?? ""), (name: "return_to", value: returnTo)]))
        } catch let error as AccountError {
            let page = ResetRequestPage.render(
                req.pageContext(title: "Reset your password"), .init(email: form.email ?? "", errors: error.messages, returnTo: returnTo))
            return try await page.encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable func resetConfirmForm(req: Request) async throws -> HTML {
        let email = req.query[String.self, at: "email"] ?? ""
        return ResetConfirmPage.render(
            req.pageContext(
                title: "Choose a new password", notice: email.isEmpty ? nil : "If an account exists for this address, a code is on its way."
            ),
            .init(
                email: email, errors: [], returnTo: Href.local(req.query[String.self, at: "return_to"]),
                passwordRules: Self.passwordRules))
    }

    @Sendable func confirmReset(req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var code: String?; var password: String?; var return_to: String? }
        let form = try req.content.decode(Form.self)
        let returnTo = Href.local(form.return_to)
        do {
            try await req.accounts.confirmReset(
                email: form.email ?? "", code: form.code ?? "", newPassword: form.password ?? "",
                address: req.clientBucket)
            // Every session ended with the reset: the way back to where the person was goes through signing in,
            // and the sign-in page says why.
            return FlashNotice.redirect(
                req, toPath: SiteRoute.signIn.path(query: [(name: "next", value: returnTo)]),
                saying: "Your password was changed; sign in with the new one. Every session and API token of your account has ended.")
        } catch let error as AccountError {
            let page = ResetConfirmPage.render(
                req.pageContext(title: "Choose a new password"),
                .init(
                    email: form.email ?? "", code: form.code ?? "", errors: error.messages, returnTo: returnTo,
                    passwordRules: Self.passwordRules))
            return try await page.encodeResponse(status: error.status, for: req)
        }
    }
}
