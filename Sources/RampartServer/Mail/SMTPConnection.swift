import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP reply; multi-line replies (`250-...` then `250 ...`) arrive as one value.
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    var text: String { lines.joined(separator: " | ") }
}

/// The server's EHLO keywords (`STARTTLS`, `AUTH PLAIN LOGIN`, ...), upper-cased.
struct SMTPExtensions: Equatable {
    var parameters: [String: [String]] = [:]

    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            if let keyword = words.first { parameters[keyword] = Array(words.dropFirst()) }
        }
    }

    func supports(_ keyword: String) -> Bool { parameters[keyword] != nil }
}

/// A TCP connection to an SMTP server that exchanges command lines for replies.
/// Waiting longer than the timeout for the server throws `SMTPError.timeout`.
struct SMTPConnection {
    private let channel: any Channel
    private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    private let timeoutSeconds: Int

    init(
        _ asyncChannel: NIOAsyncChannel<SMTPReply, ByteBuffer>,
        inbound: NIOAsyncChannelInboundStream<SMTPReply>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        timeoutSeconds: Int
    ) {
        channel = asyncChannel.channel
        writer = outbound
        replies = inbound.makeAsyncIterator()
        self.timeoutSeconds = timeoutSeconds
    }

    static func open(
        host: String, port: Int, timeoutSeconds: Int,
        group: any EventLoopGroup
    ) async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        let timeout = TimeAmount.seconds(Int64(timeoutSeconds))
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(timeout)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            IdleStateHandler(readTimeout: timeout),
                            ReadTimeoutHandler(),
                            ByteToMessageHandler(SMTPReplyDecoder()),
                        ])
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch ChannelError.connectTimeout {
            throw SMTPError.timeout(during: "connect", seconds: timeoutSeconds)
        } catch {
            throw SMTPError.connectionFailed(host: host, port: port, reason: String(describing: error))
        }
    }

    /// Sends one command line; `command` names it in errors and logs (never the line: it may hold credentials).
    mutating func send(_ line: String, as command: String, expecting codes: Set<Int>) async throws -> SMTPReply {
        try await write(line + "\r\n", during: command)
        return try await reply(to: command, expecting: codes)
    }

    func write(_ text: String, during command: String) async throws {
        do {
            try await writer.write(ByteBuffer(string: text))
        } catch {
            throw SMTPError.connectionLost(during: command, reason: String(describing: error))
        }
    }

    mutating func reply(to command: String, expecting codes: Set<Int>) async throws -> SMTPReply {
        let reply: SMTPReply?
        do {
            reply = try await replies.next()
        } catch is ReadTimeout {
            throw SMTPError.timeout(during: command, seconds: timeoutSeconds)
        } catch let error as SMTPError {
            throw error
        } catch let error as NIOSSLError {
            throw SMTPError.tlsFailed(reason: String(describing: error))
        } catch {
            throw SMTPError.connectionLost(during: command, reason: String(describing: error))
        }
        guard let reply else {
            throw SMTPError.connectionLost(during: command, reason: "the server closed the connection")
        }
        guard codes.contains(reply.code) else {
            throw SMTPError.unexpectedReply(command: command, code: reply.code, text: reply.text)
        }
        return reply
    }

    /// Puts TLS under everything else in the pipeline; the handshake starts at once.
    func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        let channel = self.channel
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }
}

struct ReadTimeout: Error {}

/// Turns the idle-read event into an error on the inbound stream and closes the connection.
private final class ReadTimeoutHandler: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.fireErrorCaught(ReadTimeout())
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}

/// Splits the byte stream into replies. Bounded, so a hostile server can't make it grow without limit.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    private static let maxLineBytes = 4096
    private static let maxLines = 200
    private var pending: SMTPReply?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLineBytes { throw SMTPError.malformedReply("line too long") }
            return .needMoreData
        }
        var line = buffer.readString(length: newline - buffer.readerIndex) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }

        let utf8 = Array(line.utf8)
        guard utf8.count >= 3, utf8.count <= Self.maxLineBytes,
            utf8[0...2].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let code = Int(String(line.prefix(3))),
            utf8.count == 3 || utf8[3] == UInt8(ascii: " ") || utf8[3] == UInt8(ascii: "-")
        else { throw SMTPError.malformedReply(String(line.prefix(200))) }

        var reply = pending ?? SMTPReply(code: code, lines: [])
        guard reply.code == code, reply.lines.count < Self.maxLines else {
            throw SMTPError.malformedReply(String(line.prefix(200)))
        }
        reply.lines.append(String(line.dropFirst(4)))
        if utf8.count > 3 && utf8[3] == UInt8(ascii: "-") {
            pending = reply
        } else {
            pending = nil
            context.fireChannelRead(Self.wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
