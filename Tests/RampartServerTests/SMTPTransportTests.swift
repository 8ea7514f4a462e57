import Foundation
import NIOCore
import Testing
import Vapor

@testable import RampartServer

/// SMTPTransport against a real SMTP server (aiosmtpd, Support/smtp_sink.py) on 127.0.0.1.
@Suite struct SMTPTransportTests {
    static let fixedDate = Date(timeIntervalSince1970: 1_772_528_700)  // Tue, 03 Mar 2026 09:05:00 UTC

    static let mail = OutgoingMail(
        to: "ops@example.org",
        subject: "Plan ready — Übersicht für die nächsten Monate: Zünder, Treibladungen und Hülsen",
        textBody: """
            Hello,
            .hidden line starting with a dot
            .
            ..two dots
            \(String(repeating: "long line with ünïcödé and = signs ", count: 8))
            trailing space 
            End
            """,
        unsubscribeURL: "https://rampart.test/unsubscribe?token=abc123")

    static func settings(
        port: Int, security: SMTPSecurity = .none, username: String? = nil,
        password: String? = nil
    ) -> SMTPSettings {
        SMTPSettings(
            host: "127.0.0.1", port: port, username: username, password: password, security: security,
            from: "Rampart <no-reply@rampart.test>", timeoutSeconds: 20)
    }

    static func transport(_ settings: SMTPSettings) -> SMTPTransport {
        SMTPTransport(settings: settings, logger: Logger(label: "smtp-test"), now: { fixedDate })
    }

    @Test func plainDeliveryCarriesHeadersBodyAndDots() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }

        try await Self.transport(Self.settings(port: sink.port)).send(Self.mail)

        let received = try #require(try sink.messages().first)
        #expect(try sink.messages().count == 1)
        #expect(received.mail_from == "no-reply@rampart.test")
        #expect(received.rcpt_tos == ["ops@example.org"])
        #expect(received.subject == Self.mail.subject)
        #expect(received.body.replacingOccurrences(of: "\r\n", with: "\n") == Self.mail.textBody + "\n")
        #expect(received.headers["From"] == "Rampart <no-reply@rampart.test>")
        #expect(received.headers["To"] == "ops@example.org")
        #expect(received.headers["Date"] == "Tue, 03 Mar 2026 09:05:00 +0000")
        #expect(received.headers["Message-ID"]?.hasSuffix("@rampart.test>") == true)
        #expect(received.headers["Content-Type"]?.contains("text/plain") == true)
        #expect(received.headers["Content-Type"]?.contains("utf-8") == true)
        #expect(received.headers["List-Unsubscribe"] == "<https://rampart.test/unsubscribe?token=abc123>")
        #expect(received.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        // What the server kept after removing the transparency dots: the lines as written.
        #expect(received.raw.contains("\r\n.hidden line starting with a dot\r\n.\r\n..two dots\r\n"))
        #expect(!received.tls)
        #expect(!received.authenticated)
    }

    @Test func withoutUnsubscribeURLThereIsNoListHeader() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        var mail = Self.mail
        mail.unsubscribeURL = nil

        try await Self.transport(Self.settings(port: sink.port)).send(mail)

        let received = try #require(try sink.messages().first)
        #expect(received.headers["List-Unsubscribe"] == nil)
        #expect(received.headers["List-Unsubscribe-Post"] == nil)
    }

    @Test func authenticatesWhenTheServerRequiresIt() async throws {
        let sink = try await SMTPSink.start(auth: "mailer:s3cret pass")
        defer { sink.stop() }

        let settings = Self.settings(port: sink.port, username: "mailer", password: "s3cret pass")
        try await Self.transport(settings).send(Self.mail)

        let received = try #require(try sink.messages().first)
        #expect(received.authenticated)
        #expect(received.rcpt_tos == ["ops@example.org"])
    }

    @Test func aWrongPasswordFailsNamingAUTH() async throws {
        let sink = try await SMTPSink.start(auth: "mailer:s3cret")
        defer { sink.stop() }

        let settings = Self.settings(port: sink.port, username: "mailer", password: "wrong-password")
        let error = await #expect(throws: SMTPError.self) {
            try await Self.transport(settings).send(Self.mail)
        }
        guard case let .unexpectedReply(command, code, _) = error else {
            Issue.record("expected a refused AUTH, got \(String(describing: error))")
            return
        }
        #expect(command == "AUTH PLAIN")
        #expect(code == 535)
        let description = String(describing: error!)
        #expect(description.contains("AUTH") && description.contains("535"))
        #expect(!description.contains("wrong-password"))
        #expect(try sink.messages().isEmpty)
    }

    @Test func startTLSThenAuthOverTheEncryptedConnection() async throws {
        let certificate = try SelfSignedCertificate.make()
        let sink = try await SMTPSink.start(auth: "mailer:s3cret", certificate: certificate)
        defer { sink.stop() }

        var settings = Self.settings(port: sink.port, security: .startTLS, username: "mailer", password: "s3cret")
        settings.tlsVerify = false
        try await Self.transport(settings).send(Self.mail)

        let received = try #require(try sink.messages().first)
        #expect(received.tls)
        #expect(received.authenticated)
        #expect(received.subject == Self.mail.subject)
    }

    @Test func startTLSVerifiesTheCertificateByDefault() async throws {
        let certificate = try SelfSignedCertificate.make()
        let sink = try await SMTPSink.start(certificate: certificate)
        defer { sink.stop() }

        let error = await #expect(throws: SMTPError.self) {
            try await Self.transport(Self.settings(port: sink.port, security: .startTLS)).send(Self.mail)
        }
        guard case .tlsFailed = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(try sink.messages().isEmpty)
    }

    @Test func startTLSRequiredButNotOffered() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }

        await #expect(throws: SMTPError.startTLSNotOffered) {
            try await Self.transport(Self.settings(port: sink.port, security: .startTLS)).send(Self.mail)
        }
        #expect(try sink.messages().isEmpty)
    }

    @Test func aClosedPortIsAConnectionFailure() async throws {
        let port = try await SMTPSink.closedPort()

        let error = await #expect(throws: SMTPError.self) {
            try await Self.transport(Self.settings(port: port)).send(Self.mail)
        }
        guard case .connectionFailed(host: "127.0.0.1", port: port, reason: _) = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let sink = try await SMTPSink.start(mute: true)
        defer { sink.stop() }
        var settings = Self.settings(port: sink.port)
        settings.timeoutSeconds = 1

        await #expect(throws: SMTPError.timeout(during: "greeting", seconds: 1)) {
            try await Self.transport(settings).send(Self.mail)
        }
    }

    @Test(arguments: [
        ("Subject", OutgoingMail(to: "ops@example.org", subject: "Hi\r\nBcc: victim@example.org", textBody: "x")),
        ("Subject", OutgoingMail(to: "ops@example.org", subject: "Hi\nBcc: victim@example.org", textBody: "x")),
        ("To", OutgoingMail(to: "ops@example.org\r\nBcc: victim@example.org", subject: "Hi", textBody: "x")),
        ("To", OutgoingMail(to: "ops@example.org>\r\nRCPT TO:<victim@example.org", subject: "Hi", textBody: "x")),
        (
            "List-Unsubscribe",
            OutgoingMail(
                to: "ops@example.org", subject: "Hi", textBody: "x",
                unsubscribeURL: "https://x.test/u>\r\nBcc: victim@example.org")
        ),
    ])
    func headerInjectionIsRefusedBeforeConnecting(field: String, mail: OutgoingMail) async throws {
        // A closed port: had the transport connected, the error would be a connection failure instead.
        let port = try await SMTPSink.closedPort()
        let error = await #expect(throws: SMTPError.self) {
            try await Self.transport(Self.settings(port: port)).send(mail)
        }
        switch error {
        case let .invalidHeader(name), let .invalidAddress(name, _): #expect(name == field)
        default: Issue.record("expected a refused \(field), got \(String(describing: error))")
        }
    }

    @Test func anInjectedSenderIsRefused() async throws {
        var settings = Self.settings(port: 1)
        settings.from = "no-reply@rampart.test\r\nBcc: victim@example.org"
        await #expect(throws: SMTPError.self) {
            try await Self.transport(settings).send(Self.mail)
        }
    }

    @Test func multiLineRepliesArriveAsOne() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMTPReplyDecoder()))
        try channel.writeInbound(ByteBuffer(string: "250-rampart.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n221 bye\r\n"))

        let ehlo = try #require(try channel.readInbound(as: SMTPReply.self))
        #expect(ehlo == SMTPReply(code: 250, lines: ["rampart.test", "STARTTLS", "AUTH PLAIN LOGIN"]))
        #expect(SMTPExtensions(ehlo: ehlo).parameters["AUTH"] == ["PLAIN", "LOGIN"])
        #expect(try channel.readInbound(as: SMTPReply.self) == SMTPReply(code: 221, lines: ["bye"]))
        #expect(throws: SMTPError.self) { try channel.writeInbound(ByteBuffer(string: "250-a\r\n354 b\r\n")) }
    }

    @Test func dotStuffingDoublesLeadingDotsOnly() throws {
        #expect(SMTPMessage.dotStuffed("a\r\n.b\r\n.\r\nc.d\r\n") == "a\r\n..b\r\n..\r\nc.d\r\n")
        let message = try SMTPMessage(mail: Self.mail, from: "no-reply@rampart.test", date: Self.fixedDate)
        #expect(message.data.hasSuffix("\r\n.\r\n"))
        let lines = message.data.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 || $0.hasPrefix("List-Unsubscribe:") })
        #expect(!message.data.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}

/// A received message as smtp_sink.py records it.
struct SinkMessage: Decodable {
    var mail_from: String
    var rcpt_tos: [String]
    var raw: String
    var subject: String
    var body: String
    var headers: [String: String]
    var tls: Bool
    var authenticated: Bool
}

struct SinkError: Error, CustomStringConvertible {
    var description: String
}

/// smtp_sink.py as a child process on a free port of 127.0.0.1; `stop()` it in a `defer`.
final class SMTPSink: @unchecked Sendable {
    let port: Int
    let directory: URL
    private let process: Process

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Support/smtp_sink.py")

    private init(port: Int, directory: URL, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    static func start(
        auth: String? = nil, certificate: SelfSignedCertificate? = nil,
        mute: Bool = false
    ) async throws -> SMTPSink {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var arguments = [script.path, "--port", "0", "--out", directory.appendingPathComponent("mail.jsonl").path]
        if let auth { arguments += ["--auth", auth] }
        if let certificate { arguments += ["--tls-cert", certificate.certificatePath, "--tls-key", certificate.keyPath] }
        if mute { arguments.append("--mute") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let output = LockedText()
        stdout.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
        try process.run()

        // The output is read once more after the deadline: while CPU-heavy tests hold every thread of the
        // test pool, this loop may wake only after the deadline, long after the sink said READY.
        let deadline = Date().addingTimeInterval(60)
        while true {
            let pastDeadline = Date() >= deadline
            if let line = output.text.split(separator: "\n").first(where: { $0.hasPrefix("READY ") }),
                let port = Int(line.dropFirst("READY ".count))
            {
                stdout.fileHandleForReading.readabilityHandler = nil
                return SMTPSink(port: port, directory: directory, process: process)
            }
            if !process.isRunning {
                stdout.fileHandleForReading.readabilityHandler = nil
                let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                if message.contains("aiosmtpd") {
                    throw SinkError(description: "the SMTP tests need aiosmtpd: run `pip install aiosmtpd` (\(message))")
                }
                throw SinkError(description: "smtp_sink.py exited (\(process.terminationStatus)): \(message)")
            }
            if pastDeadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        stdout.fileHandleForReading.readabilityHandler = nil
        kill(process.processIdentifier, SIGKILL)
        throw SinkError(description: "smtp_sink.py did not report READY within 60 s")
    }

    /// A port on 127.0.0.1 where nothing listens (a sink's port after it stopped).
    static func closedPort() async throws -> Int {
        let sink = try await start(mute: true)
        sink.stop()
        return sink.port
    }

    func messages() throws -> [SinkMessage] {
        let file = directory.appendingPathComponent("mail.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(SinkMessage.self, from: Data($0.utf8))
        }
    }

    func stop() {
        // SIGKILL: the child inherits the test runner's blocked signals, SIGTERM may never arrive.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A throwaway self-signed certificate for CN=localhost.
struct SelfSignedCertificate {
    let certificatePath: String
    let keyPath: String

    static func make() throws -> SelfSignedCertificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-days", "1",
            "-keyout", key, "-out", certificate,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SinkError(description: "openssl could not make a self-signed certificate")
        }
        return SelfSignedCertificate(certificatePath: certificate, keyPath: key)
    }
}

private final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
