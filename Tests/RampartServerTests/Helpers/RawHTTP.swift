import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 over a plain socket, for what a ready-made client smooths over: a body sent in chunks, as slowly or
/// as large as a test wants, without holding it in memory. Blocking calls run on a thread of their own.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Sends the request head, then `chunks()` until it returns nil, with chunked transfer encoding (or raw, with
    /// the given Content-Length header, when `chunked` is false); reads the answer. A server that answers and closes
    /// before the body is through ends the sending early; that is not a failure.
    static func send(
        port: Int, method: String, path: String, headers: [(String, String)], chunked: Bool,
        chunks: @escaping @Sendable () -> [UInt8]?
    ) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(
                        returning: try exchange(
                            port: port, method: method, path: path, headers: headers,
                            chunked: chunked, chunks: chunks))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    /// Sends `bytes` (a request begun and never finished) and waits; the seconds until the server closed the
    /// connection, or nil if it was still open after `patience` seconds.
    static func secondsUntilClosed(port: Int, sending bytes: [UInt8], patience: Int) async throws -> Double? {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let fd = try connected(port: port)
                    defer { close(fd) }
                    var timeout = timeval(tv_sec: patience, tv_usec: 0)
                    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    let start = Date()
                    _ = write(fd, bytes)
                    var buffer = [UInt8](repeating: 0, count: 1024)
                    let count = recv(fd, &buffer, buffer.count, 0)
                    continuation.resume(returning: count == 0 ? Date().timeIntervalSince(start) : nil)
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    private static func connected(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect: \(errno)")
        }
        return fd
    }

    private static func exchange(
        port: Int, method: String, path: String, headers: [(String, String)], chunked: Bool,
        chunks: () -> [UInt8]?
    ) throws -> Response {
        let fd = try connected(port: port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // A server that answers early stops reading: a send that waits this long means it has answered.
        var sendTimeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))

        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if chunked { head += "Transfer-Encoding: chunked\r\n" }
        head += "\r\n"
        guard write(fd, Array(head.utf8)) else {
            throw Failure(description: "the server closed the connection before the request head was sent")
        }
        var open = true
        while open, let chunk = chunks() {
            if chunked {
                open = write(fd, Array((String(chunk.count, radix: 16) + "\r\n").utf8)) && write(fd, chunk) && write(fd, Array("\r\n".utf8))
            } else {
                open = write(fd, chunk)
            }
        }
        if open, chunked { _ = write(fd, Array("0\r\n\r\n".utf8)) }

        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return try parse(received)
    }

    /// Writes all of `bytes`; false when the peer has closed the connection.
    private static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private static func parse(_ bytes: [UInt8]) throws -> Response {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no answer from the server: \(text.prefix(200))") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.1 "),
            let status = Int(statusLine.dropFirst(9).prefix(3))
        else { throw Failure(description: "bad status line: \(lines.first ?? "")") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ text: String) -> String {
        var rest = Substring(text)
        var body = ""
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let bytes = Array(rest[start...].utf8)
            body += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size), as: UTF8.self)).dropFirst(2)
        }
        return body
    }
}

/// This process's resident memory, from /proc.
enum ResidentMemory {
    static func megabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
