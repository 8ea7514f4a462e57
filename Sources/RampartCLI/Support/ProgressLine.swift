import Foundation

/// A progress line on stderr for work that runs over a second; silent before that and when not asked.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private var lastPrint = Date.distantPast
    private var shown = false
    private let enabled: Bool
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ stage: String, _ fraction: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastPrint) >= 0.2 || fraction >= 1 else { return }
        lastPrint = now
        shown = true
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded())
        let elapsed = String(format: "%.1f", now.timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage): \(percent)% (\(elapsed) s)".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown {
            let elapsed = String(format: "%.1f", Date().timeIntervalSince(start))
            FileHandle.standardError.write(Data("\r\u{1B}[Kdone in \(elapsed) s\n".utf8))
            shown = false
        }
    }
}
