import Foundation
import Logging
import Vapor

enum MailSetup {
    /// SMTP when configured, otherwise the development transport that writes mail to the log.
    static func transport(for config: AppConfig, logger: Logger) -> any MailTransport {
        switch config.mail {
        case .smtp(let settings): SMTPTransport(settings: settings, logger: logger)
        case .log: LogMailTransport(logger: logger)
        }
    }

    /// The background service that drains the outbox while the server runs.
    static func outboxService(for app: Application) -> OutboxService {
        let config = app.rampart.config
        let worker = OutboxWorker(transport: transport(for: config, logger: app.logger), logger: app.logger)
        return OutboxService(worker: worker, interval: .milliseconds(Int(config.outboxIntervalSeconds * 1000)))
    }
}
