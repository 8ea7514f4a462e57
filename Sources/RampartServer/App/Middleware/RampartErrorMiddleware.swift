import Vapor

/// JSON errors under `/api/` (`{"error": true, "reason": ..., "field": ...}`), an error page elsewhere;
/// a signed-out page request goes to the sign-in page instead of a bare 401.
struct RampartErrorMiddleware: AsyncMiddleware {
    var environment: Environment

    struct ErrorBody: Content {
        var error: Bool
        var reason: String
        var field: String?
        var problems: [String]?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, reason, field, problems) = describe(error)
            if status.code >= 500 {
                request.logger.error("\(request.method) \(request.url.path) failed: \(String(reflecting: error))")
            } else {
                request.logger.info("\(request.method) \(request.url.path): \(status.code) \(reason)")
            }
            // Machines read /metrics and /health: a sign-in redirect or an HTML page would mean nothing to them.
            let forMachines = request.isAPI || [SiteRoute.metrics.path, SiteRoute.health.path].contains(request.url.path)
            if forMachines || request.headers.accept.first?.mediaType == .json {
                let response = Response(status: status)
                try response.content.encode(ErrorBody(error: true, reason: reason, field: field, problems: problems))
                if let abort = error as? any AbortError { response.headers.add(contentsOf: abort.headers) }
                Self.addRetryAfter(for: error, to: response)
                return response
            }
            if status == .unauthorized, request.method == .GET {
                return request.redirect(to: SiteRoute.signIn.path(query: [(name: "next", value: request.url.path)]))
            }
            let context = request.pageContext(title: "Error \(status.code)")
            let page = ErrorPage.render(context, ErrorPage.Model(status: Int(status.code), message: reason))
            let response = try await page.encodeResponse(for: request)
            response.status = status
            Self.addRetryAfter(for: error, to: response)
            return response
        }
    }

    static func addRetryAfter(for error: any Error, to response: Response) {
        if let seconds = (error as? AccountError)?.retryAfterSeconds {
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
        }
    }

    /// A decoding error as the field's path and what is wrong with it, without Swift's internals.
    static func explain(_ error: DecodingError) -> (String, String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is missing")
        case .valueNotFound(_, let context):
            return (path(context.codingPath).isEmpty ? "body" : path(context.codingPath), "must not be null")
        case .typeMismatch(let type, let context):
            let expected =
                type is any Numeric.Type
                ? "a number" : type == Bool.self ? "true or false" : type == String.self ? "a string" : "of another type"
            return (path(context.codingPath).isEmpty ? "body" : path(context.codingPath), "must be \(expected)")
        case .dataCorrupted(let context):
            return (path(context.codingPath).isEmpty ? "body" : path(context.codingPath), "is not valid (\(context.debugDescription))")
        @unknown default:
            return ("body", "cannot be read")
        }
    }

    private func describe(_ error: any Error) -> (HTTPResponseStatus, String, String?, [String]?) {
        switch error {
        case let account as AccountError:
            return (account.status, account.message, account.field, account.messages)
        case let input as InputError:
            return (input.status, input.description, input.field, input.problems)
        case let decoding as DecodingError:
            let (field, problem) = Self.explain(decoding)
            return (.badRequest, "\(field): \(problem)", field, ["\(field): \(problem)"])
        case let abort as any AbortError:
            return (abort.status, abort.reason, nil, nil)
        default:
            let reason = environment.isRelease ? "something went wrong on the server" : String(describing: error)
            return (.internalServerError, reason, nil, nil)
        }
    }
}

/// A request whose input is wrong: names the field and the problem.
struct InputError: Error, CustomStringConvertible {
    var status: HTTPResponseStatus = .unprocessableEntity
    var field: String?
    var problems: [String]

    init(_ field: String, _ problem: String, status: HTTPResponseStatus = .unprocessableEntity) {
        self.field = field
        self.problems = ["\(field): \(problem)"]
        self.status = status
    }

    init(problems: [String], field: String? = nil, status: HTTPResponseStatus = .unprocessableEntity) {
        self.problems = problems
        self.field = field
        self.status = status
    }

    var description: String { problems.joined(separator: "; ") }

    static func conflict(_ entity: String, current: Int) -> InputError {
        InputError(
            problems: [
                "version: someone else changed this \(entity) first (it is now at version \(current)); reload it and apply your change again"
            ],
            field: "version", status: .conflict)
    }
}
