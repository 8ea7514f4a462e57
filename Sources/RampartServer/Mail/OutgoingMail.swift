/// A mail ready to leave the application: one recipient, plain text.
struct OutgoingMail: Sendable, Equatable {
    var to: String
    var subject: String
    var textBody: String
    var unsubscribeURL: String?
}

/// Something that delivers mail (SMTP in production, the log in development).
protocol MailTransport: Sendable {
    func send(_ mail: OutgoingMail) async throws
}
