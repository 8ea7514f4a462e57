import Logging

/// Development transport: each mail goes to the log instead of a mail server.
struct LogMailTransport: MailTransport {
    let logger: Logger

    func send(_ mail: OutgoingMail) async throws {
        var metadata: Logger.Metadata = ["to": .string(mail.to), "subject": .string(mail.subject)]
        if let url = mail.unsubscribeURL { metadata["unsubscribe"] = .string(url) }
        logger.info("Mail (not sent, development transport):\n\(mail.textBody)", metadata: metadata)
    }
}
