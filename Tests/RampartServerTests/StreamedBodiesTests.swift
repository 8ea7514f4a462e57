import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Bodies as real clients send them, over a real socket: in chunks, large, from nobody.
@Suite(.serialized) struct StreamedBodiesTests {
    static let uploadMegabytes = Int(ProcessInfo.processInfo.environment["UPLOAD_MB"] ?? "150") ?? 150

    @Test func aFormOf20KBSentInChunksPassesTheCSRFCheck() async throws {
        try await withTestApp { app in
            try await withRunningServer(app, planJobs: false) { server in
                // setup: the anonymous CSRF cookie and token, as a browser gets them
                let form = try await RawHTTP.send(port: server.port, method: "GET", path: "/register", headers: [], chunked: false) { nil }
                let cookie = try #require(form.headers["set-cookie"]?.split(separator: ";").first.map(String.init))
                let token = try #require(form.body.firstMatch(of: /name="csrf_token" value="([^"]+)"/)).1
                let fields =
                    "csrf_token=\(token)&email=chunked%40test.example&display_name=Chunked&password=Str0ng%26Secure%21pw&notes="
                    + String(repeating: "x", count: 20_000)
                let bytes = Array(fields.utf8)
                let pieces = LockedChunks(bytes, size: 700)

                // MUT: the form in 700-byte chunks
                let answer = try await RawHTTP.send(
                    port: server.port, method: "POST", path: "/register",
                    headers: [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded")],
                    chunked: true
                ) { pieces.next() }

                // validate: accepted, not "the form has expired"
                #expect(answer.status == 303, "\(answer.status): \(answer.body.prefix(300))")
                #expect(answer.headers["location"]?.hasPrefix("/verify?email=chunked%40test.example") == true)
                #expect(try await PendingRegistrationRecord.query(on: app.db).count() == 1)
            }
        }
    }

    @Test func anUnauthenticated150MBUploadIsRefusedWithoutBeingHeldInMemory() async throws {
        try await withTestApp { app in
            try await withRunningServer(app, planJobs: false) { server in
                let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 20)
                let before = ResidentMemory.megabytes()

                // MUT: 150 MB with no token, in chunks and then with its length declared
                let sent = LockedCounter()
                let streamed = try await RawHTTP.send(
                    port: server.port, method: "PUT", path: "/api/v1/scenario",
                    headers: [("Content-Type", "application/json")], chunked: true
                ) {
                    sent.increment() <= Self.uploadMegabytes ? chunk : nil
                }
                let after = ResidentMemory.megabytes()
                let declaredCount = LockedCounter()
                let declared = try await RawHTTP.send(
                    port: server.port, method: "PUT", path: "/api/v1/scenario",
                    headers: [("Content-Type", "application/json"), ("Content-Length", String(Self.uploadMegabytes << 20))], chunked: false
                ) { declaredCount.increment() <= Self.uploadMegabytes ? chunk : nil }
                let afterBoth = ResidentMemory.megabytes()

                // validate
                #expect(streamed.status == 401)
                #expect(declared.status == 401)
                #expect(after - before < 50, "resident memory grew by \(after - before) MB")
                #expect(afterBoth - before < 50, "resident memory grew by \(afterBoth - before) MB")
                #expect(try await app.api(.GET, "/health", token: nil).status == .ok)
            }
        }
    }

    @Test func staffImportAScenarioStreamedInChunks() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let observer = try await Fixtures.token(app, Fixtures.observer)
            try await withRunningServer(app, planJobs: false) { server in
                var scenario = Fixtures.scenario()
                scenario.demands.append(Demand(id: "D-FR-STREAM", nation: "FR", item: "SHELL-155", qty: 5, dueMonth: 2, priority: 3))
                let pieces = LockedChunks(Array(try JSONEncoder().encode(scenario)), size: 300)

                // MUT
                let refused = try await RawHTTP.send(
                    port: server.port, method: "PUT", path: "/api/v1/scenario",
                    headers: [("Authorization", "Bearer \(observer)")], chunked: true
                ) { pieces.next() }
                pieces.rewind()
                let imported = try await RawHTTP.send(
                    port: server.port, method: "PUT", path: "/api/v1/scenario",
                    headers: [("Authorization", "Bearer \(staff)"), ("Content-Type", "application/json")],
                    chunked: true
                ) { pieces.next() }

                // validate
                #expect(refused.status == 403)
                #expect(imported.status == 200, "\(imported.status): \(imported.body.prefix(300))")
                #expect(imported.body.contains("\"demands\":4"))
                #expect(try await DemandRecord.query(on: app.db).filter(\.$code == "D-FR-STREAM").count() == 1)
            }
        }
    }
}

/// Hands out a byte array in pieces, from any thread.
final class LockedChunks: @unchecked Sendable {
    private let lock = NSLock()
    private let bytes: [UInt8]
    private let size: Int
    private var offset = 0

    init(_ bytes: [UInt8], size: Int) {
        self.bytes = bytes
        self.size = size
    }

    func next() -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard offset < bytes.count else { return nil }
        let end = min(offset + size, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }

    func rewind() {
        lock.lock()
        offset = 0
        lock.unlock()
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
