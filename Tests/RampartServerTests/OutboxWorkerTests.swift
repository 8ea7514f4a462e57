import Fluent
import Foundation
import Testing
import Vapor

@testable import RampartServer

/// The outbox keeps a mail while the SMTP server is down and sends it once the server is back.
@Suite struct OutboxWorkerTests {
    static let mail = OutgoingMail(
        to: "outbox-test@example.org", subject: "Outbox check", textBody: "Body\n.dot line",
        unsubscribeURL: nil)

    static func worker(port: Int, logger: Logger) -> OutboxWorker {
        let settings = SMTPSettings(
            host: "127.0.0.1", port: port, username: nil, password: nil, security: .none,
            from: "no-reply@rampart.test", timeoutSeconds: 5)
        return OutboxWorker(transport: SMTPTransport(settings: settings, logger: logger), logger: logger)
    }

    static func record(on db: any Database) async throws -> OutboxMailRecord {
        try #require(try await OutboxMailRecord.query(on: db).filter(\.$recipient == mail.to).first())
    }

    @Test func aMailWaitsWhileTheServerIsDownAndGoesOutWhenItIsBack() async throws {
        try await withTestApp { app in
            // Far ahead of the application's clock, so its own outbox loop never picks this mail up.
            let base = app.rampart.clock.now().addingTimeInterval(365 * 86_400)
            try await OutboxWorker.enqueue(Self.mail, on: app.db, now: base)

            // MUT: the server is down
            let down = try await Self.worker(port: SMTPSink.closedPort(), logger: app.logger)
            let first = try await down.deliverDue(on: app.db, now: base)
            #expect(first.sent == 0 && first.failed >= 1)
            var record = try await Self.record(on: app.db)
            #expect(record.status == "pending")
            #expect(record.attempts == 1)
            #expect(record.lastError?.contains("could not connect") == true)
            #expect(abs(record.nextAttemptAt.timeIntervalSince(base) - 30) < 0.01)

            let sink = try await SMTPSink.start()
            defer { sink.stop() }
            let up = Self.worker(port: sink.port, logger: app.logger)

            // MUT: the server is back, but the retry is not due yet
            _ = try await up.deliverDue(on: app.db, now: base.addingTimeInterval(10))
            #expect(try await Self.record(on: app.db).status == "pending")
            #expect(try sink.messages().isEmpty)

            // MUT: the retry is due
            let sentAt = base.addingTimeInterval(31)
            let second = try await up.deliverDue(on: app.db, now: sentAt)
            #expect(second.sent >= 1 && second.failed == 0)
            record = try await Self.record(on: app.db)
            #expect(record.status == "sent")
            #expect(abs((record.sentAt ?? .distantPast).timeIntervalSince(sentAt)) < 0.01)
            #expect(record.attempts == 1)
            let received = try sink.messages().filter { $0.rcpt_tos == [Self.mail.to] }
            #expect(received.count == 1)
            #expect(received.first?.subject == "Outbox check")
            #expect(received.first?.body.replacingOccurrences(of: "\r\n", with: "\n") == Self.mail.textBody + "\n")

            // MUT: a sent mail is not sent again
            _ = try await up.deliverDue(on: app.db, now: sentAt.addingTimeInterval(3600))
            #expect(try sink.messages().filter { $0.rcpt_tos == [Self.mail.to] }.count == 1)
        }
    }

    @Test func retryDelayDoublesUpToAnHour() {
        #expect(OutboxWorker.retryDelay(afterAttempts: 1) == 30)
        #expect(OutboxWorker.retryDelay(afterAttempts: 2) == 60)
        #expect(OutboxWorker.retryDelay(afterAttempts: 5) == 480)
        #expect(OutboxWorker.retryDelay(afterAttempts: 8) == 3600)
        #expect(OutboxWorker.retryDelay(afterAttempts: 1000) == 3600)
    }
}
