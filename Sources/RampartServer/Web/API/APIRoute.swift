/// The JSON API's addresses under `/api/v1`; `SiteRoute.api` registers and links them.
enum APIRoute: Sendable, Equatable {
    case authToken
    case accounts, accountsVerify, accountsVerifyResend
    case passwordReset, passwordResetConfirm
    case me, meNewsletter, meName, mePassword
    case tokens
    case token(id: String)
    case dashboard
    case items
    case nations
    case nationDemands(String)
    case demands
    case demand(String)
    case signals
    case sources
    case source(String)
    case scenario
    case plans
    case plan(id: String)
    case planFile(id: String)
    case users
    case user(id: String)
    case audit
    case jobs
    case job(id: String)
    case openAPIDocument

    var segments: [SiteRoute.Segment] {
        switch self {
        case .authToken: return [.word("auth"), .word("token")]
        case .accounts: return [.word("accounts")]
        case .accountsVerify: return [.word("accounts"), .word("verify")]
        case .accountsVerifyResend: return [.word("accounts"), .word("verify"), .word("resend")]
        case .passwordReset: return [.word("password-reset")]
        case .passwordResetConfirm: return [.word("password-reset"), .word("confirm")]
        case .me: return [.word("me")]
        case .meNewsletter: return [.word("me"), .word("newsletter")]
        case .meName: return [.word("me"), .word("name")]
        case .mePassword: return [.word("me"), .word("password")]
        case .tokens: return [.word("tokens")]
        case .token(let id): return [.word("tokens"), .parameter(.id, id)]
        case .dashboard: return [.word("dashboard")]
        case .items: return [.word("items")]
        case .nations: return [.word("nations")]
        case .nationDemands(let code): return [.word("nations"), .parameter(.code, code), .word("demands")]
        case .demands: return [.word("demands")]
        case .demand(let code): return [.word("demands"), .parameter(.code, code)]
        case .signals: return [.word("signals")]
        case .sources: return [.word("sources")]
        case .source(let code): return [.word("sources"), .parameter(.code, code)]
        case .scenario: return [.word("scenario")]
        case .plans: return [.word("plans")]
        case .plan(let id): return [.word("plans"), .parameter(.id, id)]
        case .planFile(let id): return [.word("plans"), .parameter(.id, id), .word("file")]
        case .users: return [.word("users")]
        case .user(let id): return [.word("users"), .parameter(.id, id)]
        case .audit: return [.word("audit")]
        case .jobs: return [.word("jobs")]
        case .job(let id): return [.word("jobs"), .parameter(.id, id)]
        case .openAPIDocument: return [.word("openapi.json")]
        }
    }
}
