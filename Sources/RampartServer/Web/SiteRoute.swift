import Vapor

/// Every address of Rampart's pages and API, in one type: the route collections register with it and the pages,
/// redirects, mails and `Location` headers write their links with it, so no link names a route that does not exist.
///
/// A case's associated values fill the route's parameters when it writes a link (`.nation("FR").path` is
/// `/nations/FR`); when it registers a route they are ignored and the parameter's name stands in their place
/// (`routes.get(.nation(.any), ...)` registers `/nations/:code`).
enum SiteRoute: Sendable, Equatable {
    // pages: accounts
    case home, signIn, signOut, register, verify, verifyResend, newsletter, reset, resetConfirm
    case unlock(token: String)
    case unsubscribe(token: String)
    case account, accountName, accountPassword, accountNewsletter
    case tokens
    case tokenRevoke(id: String)
    // pages: the rest
    case dashboard
    case nations
    case nationsCSV
    case nation(String)
    case nationDemands(String)
    case nationDemandsCSV(String)
    case newDemand(nation: String)
    case demand(String)
    case demandWithdraw(String)
    case lines
    case linesCSV
    case source(String)
    case interoperability
    case interoperabilityCSV
    case signals
    case signalsCSV
    case standards
    case standardsCSV
    case standard(String)
    case standardRatification(String)
    case standardRatificationWithdraw(String)
    case standardItems(String)
    case standardItemWithdraw(String)
    case ratificationsCSV
    case ratificationsImport
    case standardisation
    case weaponSystems
    case fleets
    case fleetsCSV
    case fleetsImport
    case qualifications
    case qualificationsCSV
    case qualificationsImport
    case qualificationWithdraw(id: String)
    case recognitions
    case recognitionWithdraw
    case plans
    case plansCSV
    case plan(id: String)
    case planLateCSV(id: String)
    /// A run's tables of nations, classes or items, and bottlenecks, as CSV.
    case planNationsCSV(id: String)
    case planTargetsCSV(id: String)
    case planBottlenecksCSV(id: String)
    case planDemand(id: String, code: String)
    case planFile(id: String)
    case planCompare(id: String)
    case adminUsers
    case adminUser(id: String)
    case audit
    case auditCSV
    case adminJobs
    case adminJobsCSV
    case adminUsersCSV
    case faviconSVG, faviconICO
    // operations
    case health, metrics
    // JSON API
    case api(APIRoute)

    /// Every API address starts with this.
    static let apiPathPrefix = "/api/"

    /// The segments of the path: fixed words, and parameters with the value a link puts there.
    enum Segment: Sendable, Equatable {
        case word(String)
        case parameter(RouteParameter, String)
    }

    var segments: [Segment] {
        switch self {
        case .home: return []
        case .signIn: return [.word("signin")]
        case .signOut: return [.word("signout")]
        case .register: return [.word("register")]
        case .verify: return [.word("verify")]
        case .verifyResend: return [.word("verify"), .word("resend")]
        case .newsletter: return [.word("newsletter")]
        case .reset: return [.word("reset")]
        case .resetConfirm: return [.word("reset"), .word("confirm")]
        case .unlock(let token): return [.word("unlock"), .parameter(.token, token)]
        case .unsubscribe(let token): return [.word("unsubscribe"), .parameter(.token, token)]
        case .account: return [.word("account")]
        case .accountName: return [.word("account"), .word("name")]
        case .accountPassword: return [.word("account"), .word("password")]
        case .accountNewsletter: return [.word("account"), .word("newsletter")]
        case .tokens: return [.word("account"), .word("tokens")]
        case .tokenRevoke(let id): return [.word("account"), .word("tokens"), .parameter(.id, id), .word("delete")]
        case .dashboard: return [.word("dashboard")]
        case .nations: return [.word("nations")]
        case .nationsCSV: return [.word("nations.csv")]
        case .nation(let code): return [.word("nations"), .parameter(.code, code)]
        case .nationDemands(let code): return [.word("nations"), .parameter(.code, code), .word("demands")]
        case .nationDemandsCSV(let code): return [.word("nations"), .parameter(.code, code), .word("demands.csv")]
        case .newDemand(let code): return [.word("nations"), .parameter(.code, code), .word("demands"), .word("new")]
        case .demand(let code): return [.word("demands"), .parameter(.code, code)]
        case .demandWithdraw(let code): return [.word("demands"), .parameter(.code, code), .word("delete")]
        case .lines: return [.word("lines")]
        case .linesCSV: return [.word("lines.csv")]
        case .source(let code): return [.word("sources"), .parameter(.code, code)]
        case .interoperability: return [.word("interoperability")]
        case .signals: return [.word("signals")]
        case .standards: return [.word("standards")]
        case .standardsCSV: return [.word("standards.csv")]
        case .standard(let code): return [.word("standards"), .parameter(.code, code)]
        case .standardRatification(let code): return [.word("standards"), .parameter(.code, code), .word("ratification")]
        case .standardRatificationWithdraw(let code):
            return [.word("standards"), .parameter(.code, code), .word("ratification"), .word("delete")]
        case .standardItems(let code): return [.word("standards"), .parameter(.code, code), .word("items")]
        case .standardItemWithdraw(let code): return [.word("standards"), .parameter(.code, code), .word("items"), .word("delete")]
        case .ratificationsCSV: return [.word("ratifications.csv")]
        case .ratificationsImport: return [.word("ratifications"), .word("import")]
        case .standardisation: return [.word("standardisation")]
        case .signalsCSV: return [.word("signals.csv")]
        case .interoperabilityCSV: return [.word("interoperability.csv")]
        case .weaponSystems: return [.word("weapon-systems")]
        case .fleets: return [.word("fleets")]
        case .fleetsCSV: return [.word("fleets.csv")]
        case .fleetsImport: return [.word("fleets"), .word("import")]
        case .qualifications: return [.word("qualifications")]
        case .qualificationsCSV: return [.word("qualifications.csv")]
        case .qualificationsImport: return [.word("qualifications"), .word("import")]
        case .qualificationWithdraw(let id): return [.word("qualifications"), .parameter(.id, id), .word("delete")]
        case .recognitions: return [.word("recognitions")]
        case .recognitionWithdraw: return [.word("recognitions"), .word("delete")]
        case .plans: return [.word("plans")]
        case .plansCSV: return [.word("plans.csv")]
        case .plan(let id): return [.word("plans"), .parameter(.id, id)]
        case .planLateCSV(let id): return [.word("plans"), .parameter(.id, id), .word("late.csv")]
        case .planNationsCSV(let id): return [.word("plans"), .parameter(.id, id), .word("nations.csv")]
        case .planTargetsCSV(let id): return [.word("plans"), .parameter(.id, id), .word("targets.csv")]
        case .planBottlenecksCSV(let id): return [.word("plans"), .parameter(.id, id), .word("bottlenecks.csv")]
        case .planDemand(let id, let code): return [.word("plans"), .parameter(.id, id), .word("demands"), .parameter(.code, code)]
        case .planFile(let id): return [.word("plans"), .parameter(.id, id), .word("plan.json")]
        case .planCompare(let id): return [.word("plans"), .parameter(.id, id), .word("compare")]
        case .adminUsers: return [.word("admin"), .word("users")]
        case .adminUser(let id): return [.word("admin"), .word("users"), .parameter(.id, id)]
        case .audit: return [.word("audit")]
        case .auditCSV: return [.word("audit.csv")]
        case .adminJobs: return [.word("admin"), .word("jobs")]
        case .adminJobsCSV: return [.word("admin"), .word("jobs.csv")]
        case .adminUsersCSV: return [.word("admin"), .word("users.csv")]
        case .faviconSVG: return [.word("favicon.svg")]
        case .faviconICO: return [.word("favicon.ico")]
        case .health: return [.word("health")]
        case .metrics: return [.word("metrics")]
        case .api(let route): return [.word("api"), .word("v1")] + route.segments
        }
    }

    /// The route as Vapor registers it: parameters by name.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .word(let word): return .constant(word)
            case .parameter(let name, _): return .parameter(name.rawValue)
            }
        }
    }

    /// The link: each parameter's value percent-encoded.
    var path: String {
        "/"
            + segments.map { segment in
                switch segment {
                case .word(let word): return word
                case .parameter(_, let value): return Href.percentEncoded(value)
                }
            }.joined(separator: "/")
    }

    /// The link with a query string, each name and value percent-encoded, in the order given.
    func path(query: [(name: String, value: String)]) -> String {
        Href.withQuery(path, query)
    }
}

/// The names of the routes' parameters, for registering and for `Request.parameter(_:)`.
enum RouteParameter: String, Sendable {
    case code, id, token, nation, system, item
}

extension String {
    /// Stands for a route's parameter when a route is registered: `routes.get(.nation(.any), use: show)`.
    static let any = ""
}

extension Request {
    /// A route parameter's value; `""` when the route has none of that name.
    func parameter(_ name: RouteParameter) -> String {
        parameters.get(name.rawValue) ?? ""
    }

    /// A route parameter as a UUID; nil when it is not one.
    func parameter(_ name: RouteParameter, as: UUID.Type) -> UUID? {
        parameters.get(name.rawValue, as: UUID.self)
    }

    func redirect(to route: SiteRoute) -> Response {
        redirect(to: route.path)
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.GET, route.pathComponents, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.POST, route.pathComponents, use: handler)
    }

    @discardableResult
    func put<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.PUT, route.pathComponents, use: handler)
    }

    @discardableResult
    func patch<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.PATCH, route.pathComponents, use: handler)
    }

    @discardableResult
    func delete<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.DELETE, route.pathComponents, use: handler)
    }

    @discardableResult
    func on<R: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, body: HTTPBodyStreamStrategy,
        use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        on(method, route.pathComponents, body: body, use: handler)
    }
}
