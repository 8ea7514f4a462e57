import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

struct OutboxDelivery: Sendable, Equatable {
    var sent: Int
    var failed: Int
}

/// Sends the outbox. A failed mail stays pending and is retried with back-off; none is dropped.
struct OutboxWorker: Sendable {
    let transport: any MailTransport
    let logger: Logger

    static let firstRetryDelay: TimeInterval = 30
    static let maxRetryDelay: TimeInterval = 3600

    /// Adds a mail to the outbox; call it inside the transaction that decides to send it.
    static func enqueue(_ mail: OutgoingMail, on db: any Database, now: Date) async throws {
        let record = OutboxMailRecord(
            recipient: mail.to, subject: mail.subject, body: mail.textBody,
            unsubscribeURL: mail.unsubscribeURL, now: now)
        try await record.create(on: db)
    }

    func deliverDue(on db: any Database, now: Date, limit: Int = 50) async throws -> OutboxDelivery {
        let due = try await OutboxMailRecord.query(on: db)
            .filter(\.$status == "pending")
            .filter(\.$nextAttemptAt <= now)
            .sort(\.$createdAt)
            .limit(limit)
            .all()
        var delivery = OutboxDelivery(sent: 0, failed: 0)
        for record in due {
            do {
                try await transport.send(Self.mail(from: record))
                record.status = "sent"
                record.sentAt = now
                record.lastError = nil
                try await record.save(on: db)
                delivery.sent += 1
            } catch {
                record.attempts += 1
                record.lastError = String(String(describing: error).prefix(500))
                record.nextAttemptAt = now.addingTimeInterval(Self.retryDelay(afterAttempts: record.attempts))
                try await record.save(on: db)
                delivery.failed += 1
                logger.warning("Outbox: mail \(record.id?.uuidString ?? "?") failed (attempt \(record.attempts)): \(error)")
                // With the server unreachable, the rest of the batch would only wait out the same failure.
                if Self.isServerUnreachable(error) { break }
            }
        }
        return delivery
    }

    /// 30 s, 60 s, 120 s, ... capped at one hour.
    static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        let doublings = min(max(attempts - 1, 0), 16)
        return min(firstRetryDelay * pow(2, Double(doublings)), maxRetryDelay)
    }

    private static func mail(from record: OutboxMailRecord) -> OutgoingMail {
        OutgoingMail(
            to: record.recipient, subject: record.subject, textBody: record.body,
            unsubscribeURL: record.unsubscribeURL)
    }

    private static func isServerUnreachable(_ error: any Error) -> Bool {
        switch error as? SMTPError {
        case .connectionFailed, .timeout(during: "connect", _): true
        default: false
        }
    }
}

/// Runs the outbox every `interval` while the application is up.
final class OutboxService: LifecycleHandler {
    let worker: OutboxWorker
    let interval: Duration
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(worker: OutboxWorker, interval: Duration = .seconds(30)) {
        self.worker = worker
        self.interval = interval
    }

    func didBoot(_ application: Application) throws {
        let worker = worker
        let interval = interval
        let loop = Task {
            // The first run waits one interval, so short commands (migrate, routes) never send mail.
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                do {
                    let delivery = try await worker.deliverDue(on: application.db, now: application.rampart.clock.now())
                    if delivery.sent + delivery.failed > 0 {
                        worker.logger.info("Outbox: \(delivery.sent) sent, \(delivery.failed) failed")
                    }
                } catch {
                    worker.logger.error("Outbox: delivery run failed: \(String(reflecting: error))")
                }
            }
        }
        task.withLockedValue {
            $0?.cancel(); $0 = loop
        }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue {
            $0?.cancel(); $0 = nil
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { current in
            defer { current = nil }
            return current
        }
        running?.cancel()
        await running?.value
    }
}
