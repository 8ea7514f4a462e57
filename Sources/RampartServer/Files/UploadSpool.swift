import Foundation
import NIOCore
import NIOPosix
import Vapor

/// A large request body written to a temporary file as it arrives, never held in memory whole. Call it only
/// after the caller is known to be allowed: until then not a byte of the body is read.
enum UploadSpool {
    struct TooLarge: AbortError {
        var limit: Int
        var status: HTTPResponseStatus { .payloadTooLarge }
        var reason: String { "body: larger than the \(limit / 1_000_000) MB this route takes" }
    }

    /// The body's bytes, mapped from a temporary file that is already unlinked; at most `limit` bytes.
    static func receive(_ req: Request, limit: Int) async throws -> Data {
        if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw TooLarge(limit: limit)
        }
        if let collected = req.body.data {
            guard collected.readableBytes <= limit else { throw TooLarge(limit: limit) }
            return Data(collected.readableBytesView)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-upload-\(UUID().uuidString)").path
        let io = req.application.fileio
        let handle = try await io.openFile(
            path: path, mode: .write, flags: .allowFileCreation(posixMode: 0o600),
            eventLoop: req.eventLoop
        ).get()
        defer { unlink(path) }
        do {
            var size = 0
            for try await chunk in req.body {
                size += chunk.readableBytes
                guard size <= limit else { throw TooLarge(limit: limit) }
                try await io.write(fileHandle: handle, buffer: chunk, eventLoop: req.eventLoop).get()
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    }
}
