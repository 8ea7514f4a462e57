import Foundation

/// Buffers text and writes it out in large blocks, to stdout or to a file. A file is written under a temporary
/// name beside it and renamed into place at the end, so a failure or a kill never leaves half a file.
final class OutputSink {
    private let handle: FileHandle
    private let path: String?
    private let temporaryPath: String?
    private var buffer = Data()
    private var failure: (any Error)?

    init(path: String?) throws {
        guard let path, path != "-" else {
            self.path = nil
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let h = FileHandle(forWritingAtPath: temporary) else {
            throw UserError("cannot write \(path)")
        }
        self.path = path
        temporaryPath = temporary
        handle = h
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    /// Writes bytes straight through, without copying them into the buffer.
    func write(bytes: some DataProtocol) {
        flush()
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            failure = error
        }
    }

    private func flush() {
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        guard let path, let temporaryPath else {
            if let failure { throw UserError("cannot write to standard output: \(failure.localizedDescription)") }
            return
        }
        try? handle.close()
        if let failure {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw UserError("cannot write \(path): \(failure.localizedDescription)")
        }
        if rename(temporaryPath, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw UserError("cannot write \(path)")
        }
    }
}
