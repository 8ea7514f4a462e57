import Fluent
import Foundation
import NIOCore
import RampartCore
import RampartTestSupport
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The shared two-nation scenario, and one account per role.
enum Fixtures {
    static let password = "Correct-Horse-42!"

    /// The two-nation scenario every server test starts from: `SampleScenarios.twoNations`.
    static func scenario() -> Scenario { SampleScenarios.twoNations() }

    struct Person {
        var email: String
        var role: Role
        var nation: String? = nil
        var company: String? = nil
    }

    static let staff = Person(email: "staff@test.example", role: .staff)
    static let frDelegate = Person(email: "fr@test.example", role: .delegate, nation: "FR")
    static let plDelegate = Person(email: "pl@test.example", role: .delegate, nation: "PL")
    static let knds = Person(email: "knds@test.example", role: .industry, company: "KNDS France")
    static let mesko = Person(email: "mesko@test.example", role: .industry, company: "Mesko")
    static let observer = Person(email: "observer@test.example", role: .observer)
    static let everyone = [staff, frDelegate, plDelegate, knds, mesko, observer]

    /// Imports the scenario and creates the accounts (verified, with `password`).
    static func seed(_ app: Application) async throws {
        try await app.db.transaction { tx in try await ScenarioStore.replace(with: scenario(), references: [], on: tx) }
        let hash = try await app.rampart.hasher.hash(password)
        for person in everyone {
            let user = UserRecord(
                email: person.email, displayName: "Test \(person.role.rawValue)", passwordHash: hash,
                role: person.role, nation: person.nation, company: person.company, verified: true,
                unsubscribeToken: Secrets.token(), createdAt: app.rampart.clock.now())
            try await user.create(on: app.db)
        }
    }

    /// A second run waiting beside one already queued, as two servers' states can leave them (`PlanRuns.enqueue`
    /// refuses a second one): without the queue slot, with its job.
    static func secondQueuedRun(_ app: Application) async throws -> PlanRunRecord {
        let run = PlanRunRecord(requestedBy: nil, scenarioName: "second", demandCount: 0, createdAt: app.rampart.clock.now())
        run.queueSlot = nil
        try await run.create(on: app.db)
        let job = try await JobQueue.enqueue(
            kind: PlanRunJob.kind, payload: PlanRunJob.Payload(planRun: try run.requireID()), at: app.rampart.clock.now(), on: app.db)
        run.jobID = job.id
        try await run.update(on: app.db)
        return run
    }

    /// A bearer token for `person`, issued directly.
    static func token(_ app: Application, _ person: Person) async throws -> String {
        let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == person.email).first())
        return try await APITokens.issue(for: user, name: "test", actor: .system, now: app.rampart.clock.now(), on: app.db)
    }

    /// A job worker as a server runs one, computing on the application's thread pool.
    static func jobWorker(_ app: Application, name: String = "test-worker") -> JobWorker {
        JobWorker(handlers: JobKinds.all, name: name, computeThread: app.threadPool)
    }

    static func queue(_ app: Application, on db: (any Database)? = nil, worker: String = "test-worker") -> JobQueue {
        JobQueue(db: db ?? app.db, clock: app.rampart.clock, worker: worker)
    }

    /// Runs every queued job to the end, as a server's worker would (on `db`, by default the application's).
    static func runQueuedPlans(_ app: Application, on db: (any Database)? = nil) async throws {
        try await jobWorker(app).drain(queue(app, on: db), logger: app.logger)
    }

    /// The fixture scenario seeded and one plan run queued, its job claimed by "test-worker", not yet run.
    static func claimedRun(_ app: Application) async throws -> (worker: JobWorker, queue: JobQueue, job: JobRecord, run: PlanRunRecord) {
        try await seed(app)
        let run = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
        let queue = queue(app)
        let job = try #require(try await queue.claim(kinds: [PlanRunJob.kind]))
        return (jobWorker(app), queue, job, run)
    }
}

/// A browser-like client over the in-memory tester: keeps cookies and the CSRF token.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    var csrf: String {
        get async throws {
            if let session = cookies[AuthenticationMiddleware.sessionCookie], !session.isEmpty,
                let record = try await WebSessionRecord.query(on: app.db).filter(\.$tokenHash == Secrets.sha256(session)).first()
            {
                return record.csrfToken
            }
            if cookies[CSRFMiddleware.anonymousCookie] == nil { _ = try await get("/signin") }
            return cookies[CSRFMiddleware.anonymousCookie] ?? ""
        }
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, form: nil)
    }

    /// Posts a form; adds the CSRF token unless `csrf` is given (pass "" to leave it out).
    @discardableResult
    func post(_ path: String, _ form: [String: String], csrf: String? = nil) async throws -> TestingHTTPResponse {
        var fields = form
        let token: String
        if let csrf { token = csrf } else { token = try await self.csrf }
        if !token.isEmpty { fields["csrf_token"] = token }
        return try await send(.POST, path, form: fields)
    }

    func signIn(_ email: String, password: String = Fixtures.password) async throws -> TestingHTTPResponse {
        try await post("/signin", ["email": email, "password": password, "next": "/dashboard"])
    }

    private func send(_ method: HTTPMethod, _ path: String, form: [String: String]?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        var body: ByteBuffer?
        if let form {
            headers.contentType = .urlEncodedForm
            let encoded = form.map { "\(Href.percentEncoded($0.key))=\(Href.percentEncoded($0.value))" }.joined(separator: "&")
            body = ByteBuffer(string: encoded)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.maxAge == 0 { cookies[name] = nil } else { cookies[name] = value.string }
        }
        return response
    }
}

extension Application {
    /// A JSON API request with a bearer token.
    func api(
        _ method: HTTPMethod, _ path: String, token: String?, json: String? = nil, csv: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        if let csv {
            headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            body = ByteBuffer(string: csv)
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }
}

/// An API error as `RampartErrorMiddleware` writes it.
struct ErrorAnswer: Decodable {
    var error: Bool
    var reason: String
    var field: String?
    var problems: [String]?

    /// Every problem the answer names, or its reason when it lists none.
    var allProblems: [String] { problems ?? [reason] }
}

extension TestingHTTPResponse {
    /// The body decoded as JSON (dates ISO 8601, as the server writes them); throws when it is not `T`.
    /// The body as an API error; throws when it is not one.
    func error() throws -> ErrorAnswer { try decoded(ErrorAnswer.self) }

    func decoded<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(body.readableBytesView))
    }
}

extension Fixtures {
    /// Two 155 mm howitzers: FR operates 58 CAESAR, for which FR qualified SHELL-155; PL operates 122 KRAB and
    /// recognises FR's qualifications.
    static func seedInteroperability(_ app: Application) async throws {
        try await InterchangeabilityStore.change(now: app.rampart.clock.now(), on: app.db) { tx in
            try await WeaponSystemRecord(WeaponSystem(code: "CAESAR", name: "CAESAR 6x6", kind: .howitzer, calibre: "155 mm")).create(
                on: tx)
            try await WeaponSystemRecord(WeaponSystem(code: "KRAB", name: "AHS Krab", kind: .howitzer, calibre: "155 mm")).create(on: tx)
            try await FleetRecord(Fleet(nation: "FR", system: "CAESAR", count: 58)).create(on: tx)
            try await FleetRecord(Fleet(nation: "PL", system: "KRAB", count: 122)).create(on: tx)
            try await QualificationRecord(
                Qualification(item: "SHELL-155", system: "CAESAR", nation: "FR", qualifiedOn: CalendarDay(2019, 6, 1))
            ).create(on: tx)
            try await RecognitionRecord(Recognition(nation: "PL", recognises: "FR")).create(on: tx)
        }
    }
}
