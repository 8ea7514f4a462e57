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
    case weaponSystems
    case weaponSystem(String)
    case fleets
    case fleet(nation: String, system: String)
    case fleetsImport
    case qualifications
    case qualification(id: String)
    case qualificationsImport
    case recognitions
    case recognition(nation: String, recognises: String)
    case interchangeability
    case standards
    case standard(String)
    case ratification(standard: String, nation: String)
    case conformance(standard: String, item: String)
    case ratifications
    case ratificationsImport
    case standardisation
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
        case .weaponSystems: return [.word("weapon-systems")]
        case .weaponSystem(let code): return [.word("weapon-systems"), .parameter(.code, code)]
        case .fleets: return [.word("fleets")]
        case .fleet(let nation, let system): return [.word("fleets"), .parameter(.nation, nation), .parameter(.system, system)]
        case .fleetsImport: return [.word("fleets"), .word("import")]
        case .qualifications: return [.word("qualifications")]
        case .qualification(let id): return [.word("qualifications"), .parameter(.id, id)]
        case .qualificationsImport: return [.word("qualifications"), .word("import")]
        case .recognitions: return [.word("recognitions")]
        case .recognition(let nation, let recognises):
            return [.word("recognitions"), .parameter(.nation, nation), .parameter(.code, recognises)]
        case .interchangeability: return [.word("interchangeability")]
        case .standards: return [.word("standards")]
        case .standard(let code): return [.word("standards"), .parameter(.code, code)]
        case .ratification(let standard, let nation):
            return [.word("standards"), .parameter(.code, standard), .word("ratifications"), .parameter(.nation, nation)]
        case .conformance(let standard, let item):
            return [.word("standards"), .parameter(.code, standard), .word("items"), .parameter(.item, item)]
        case .ratifications: return [.word("ratifications")]
        case .ratificationsImport: return [.word("ratifications"), .word("import")]
        case .standardisation: return [.word("standardisation")]
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
