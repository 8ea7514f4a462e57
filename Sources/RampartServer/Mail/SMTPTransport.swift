import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends each mail over its own SMTP connection: EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA, QUIT.
struct SMTPTransport: MailTransport {
    let settings: SMTPSettings
    let logger: Logger
    let eventLoopGroup: any EventLoopGroup
    let now: @Sendable () -> Date

    init(
        settings: SMTPSettings, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.now = now
    }

    func send(_ mail: OutgoingMail) async throws {
        let message = try SMTPMessage(mail: mail, from: settings.from, date: now())
        let tlsContext = settings.security == .startTLS ? try makeTLSContext() : nil
        let channel = try await SMTPConnection.open(
            host: settings.host, port: settings.port, timeoutSeconds: settings.timeoutSeconds, group: eventLoopGroup)
        try await channel.executeThenClose { inbound, outbound in
            var connection = SMTPConnection(
                channel, inbound: inbound, outbound: outbound,
                timeoutSeconds: settings.timeoutSeconds)
            try await deliver(message, over: &connection, tlsContext: tlsContext)
        }
        logger.debug("SMTP: mail accepted", metadata: ["to": .string(message.envelopeTo)])
    }

    private func deliver(
        _ message: SMTPMessage, over connection: inout SMTPConnection,
        tlsContext: NIOSSLContext?
    ) async throws {
        _ = try await connection.reply(to: "greeting", expecting: [220])
        var extensions = try await hello(&connection)
        if let tlsContext {
            guard extensions.supports("STARTTLS") else { throw SMTPError.startTLSNotOffered }
            _ = try await connection.send("STARTTLS", as: "STARTTLS", expecting: [220])
            try await connection.startTLS(context: tlsContext, serverHostname: serverNameIndication)
            do {
                extensions = try await hello(&connection)
            } catch SMTPError.connectionLost(_, let reason) {
                // The handshake runs with the first write; a refused certificate can close the channel
                // before its error is read, so a connection lost right here is the handshake failing.
                throw SMTPError.tlsFailed(reason: "the connection closed during the TLS handshake (\(reason))")
            }
        }
        if let username = settings.username, !username.isEmpty, let password = settings.password {
            try await authenticate(&connection, extensions: extensions, username: username, password: password)
        }
        _ = try await connection.send("MAIL FROM:<\(message.envelopeFrom)>", as: "MAIL FROM", expecting: [250])
        _ = try await connection.send("RCPT TO:<\(message.envelopeTo)>", as: "RCPT TO", expecting: [250, 251])
        _ = try await connection.send("DATA", as: "DATA", expecting: [354])
        try await connection.write(message.data, during: "DATA")
        _ = try await connection.reply(to: "end of DATA", expecting: [250])
        do {
            _ = try await connection.send("QUIT", as: "QUIT", expecting: [221])
        } catch {
            // The server has taken the mail; failing now would only make the outbox send it twice.
            logger.debug("SMTP: QUIT failed after the mail was accepted: \(error)")
        }
    }

    private func hello(_ connection: inout SMTPConnection) async throws -> SMTPExtensions {
        let reply = try await connection.send("EHLO \(settings.heloName)", as: "EHLO", expecting: [250])
        return SMTPExtensions(ehlo: reply)
    }

    private func authenticate(
        _ connection: inout SMTPConnection, extensions: SMTPExtensions,
        username: String, password: String
    ) async throws {
        guard let mechanisms = extensions.parameters["AUTH"] else {
            logger.warning("SMTP: credentials are set but \(settings.host) offers no AUTH; sending without")
            return
        }
        if mechanisms.contains("PLAIN") {
            let token = base64("\0\(username)\0\(password)")
            _ = try await connection.send("AUTH PLAIN \(token)", as: "AUTH PLAIN", expecting: [235])
        } else if mechanisms.contains("LOGIN") {
            _ = try await connection.send("AUTH LOGIN", as: "AUTH LOGIN", expecting: [334])
            _ = try await connection.send(base64(username), as: "AUTH LOGIN (username)", expecting: [334])
            _ = try await connection.send(base64(password), as: "AUTH LOGIN (password)", expecting: [235])
        } else {
            throw SMTPError.noSupportedAuth(offered: mechanisms.joined(separator: " "))
        }
    }

    private func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    private func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !settings.tlsVerify { configuration.certificateVerification = .none }
        return try NIOSSLContext(configuration: configuration)
    }

    /// SNI and certificate name; an IP address may not be sent as SNI.
    private var serverNameIndication: String? {
        (try? SocketAddress(ipAddress: settings.host, port: 0)) == nil ? settings.host : nil
    }
}

enum SMTPError: Error, Equatable, CustomStringConvertible {
    /// The server answered `command` with a code other than the expected one.
    case unexpectedReply(command: String, code: Int, text: String)
    /// A header value holds CR, LF or another control character (header injection), or is otherwise unusable.
    case invalidHeader(field: String)
    case invalidAddress(field: String, value: String)
    case startTLSNotOffered
    case noSupportedAuth(offered: String)
    case timeout(during: String, seconds: Int)
    case connectionFailed(host: String, port: Int, reason: String)
    case connectionLost(during: String, reason: String)
    case tlsFailed(reason: String)
    case malformedReply(String)

    var description: String {
        switch self {
        case let .unexpectedReply(command, code, text):
            "SMTP server answered \(command) with \(code): \(text)"
        case let .invalidHeader(field):
            "mail refused before sending: \(field) contains a line break, control character or unusable text"
        case let .invalidAddress(field, value):
            "mail refused before sending: \(field) \(value.debugDescription) is not a plain mail address"
        case .startTLSNotOffered:
            "SMTP server does not offer STARTTLS, which the settings require"
        case let .noSupportedAuth(offered):
            "SMTP server offers AUTH \(offered) but neither PLAIN nor LOGIN"
        case let .timeout(during, seconds):
            "SMTP server did not answer \(during) within \(seconds) s"
        case let .connectionFailed(host, port, reason):
            "could not connect to SMTP server \(host):\(port): \(reason)"
        case let .connectionLost(during, reason):
            "SMTP connection lost during \(during): \(reason)"
        case let .tlsFailed(reason):
            "TLS with the SMTP server failed: \(reason)"
        case let .malformedReply(line):
            "SMTP server sent a malformed reply: \(line.debugDescription)"
        }
    }
}
