import Fluent
import Foundation
import NIOCore
import Testing
import Vapor

@testable import RampartServer

/// The application serving real HTTP on 127.0.0.1, trusting 127.0.0.1 as a proxy so that a test can speak from
/// any client address through `X-Forwarded-For`; requests go through a real HTTP client with many connections.
struct LiveServer {
    let app: Application
    let port: Int

    /// Runs `body` against the test application served over HTTP (no plan jobs).
    static func run(_ body: (LiveServer) async throws -> Void) async throws {
        try await withTestApp(adjust: { $0.trustedProxies = ["127.0.0.1"] }) { app in
            app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
            try await withRunningServer(app, planJobs: false) { server in
                try await body(LiveServer(app: app, port: server.port))
            }
        }
    }

    struct Answer: Sendable {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: String

        func json<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONDecoder.iso8601.decode(type, from: Data(body.utf8))
        }
    }

    /// A JSON request, from `client` (an address put in `X-Forwarded-For`), with a bearer token if given.
    func send(
        _ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil,
        client: String = "198.51.100.1"
    ) async throws -> Answer {
        var headers = HTTPHeaders()
        headers.add(name: .xForwardedFor, value: client)
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if json != nil { headers.contentType = .json }
        let response = try await app.client.send(method, headers: headers, to: URI(string: "http://127.0.0.1:\(port)\(path)")) { request in
            if let json { request.body = ByteBuffer(string: json) }
        }
        return Answer(
            status: response.status, headers: response.headers,
            body: response.body.map { String(buffer: $0) } ?? "")
    }

    /// `count` copies of one request at once; the answers in the order they were sent.
    func concurrently(_ count: Int, _ request: @escaping @Sendable (Int) async throws -> Answer) async throws -> [Answer] {
        try await withThrowingTaskGroup(of: (Int, Answer).self) { group in
            for index in 0..<count { group.addTask { (index, try await request(index)) } }
            var answers: [(Int, Answer)] = []
            for try await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// Mail as the outbox holds it, for tests that read a code without an SMTP server.
enum Outbox {
    static func latestCode(to email: String, on db: any Database) async throws -> String {
        let mail = try #require(
            try await OutboxMailRecord.query(on: db).filter(\.$recipient == email).sort(\.$createdAt, .descending).first())
        // the code stands alone on its indented line; a name elsewhere in the mail may hold digits too
        let match = try #require(mail.body.firstMatch(of: /\n    (\d{6})\n/))
        return String(match.1)
    }

    static func mails(to email: String, on db: any Database) async throws -> [OutboxMailRecord] {
        try await OutboxMailRecord.query(on: db).filter(\.$recipient == email).sort(\.$createdAt).all()
    }
}
