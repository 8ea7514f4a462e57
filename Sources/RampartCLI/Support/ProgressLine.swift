import Foundation

/// A progress line on stderr for work that runs over a second; silent before that and when not asked.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private var lastPrint = Date.distantPast
    private var shown = false
    private let enabled: Bool
    private let lock = NSLock()
    /// Each stage and when it started, for `--timings`.
    private(set) var stages: [(String, Date)] = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ stage: String, _ fraction: Double) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if stages.last?.0 != stage { stages.append((stage, now)) }
        guard enabled else { return }
        guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastPrint) >= 0.2 || fraction >= 1 else { return }
        lastPrint = now
        shown = true
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded())
        let elapsed = String(format: "%.1f", now.timeIntervalSince(start))
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K\(stage): \(percent)% (\(elapsed) s)".utf8))
    }

    /// Seconds spent in each stage, in order.
    func stageTimings() -> [(String, Double)] {
        lock.lock()
        defer { lock.unlock() }
        let end = Date()
        return stages.enumerated().map { k, stage in
            (stage.0, (k + 1 < stages.count ? stages[k + 1].1 : end).timeIntervalSince(stage.1))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown {
            let elapsed = String(format: "%.1f", Date().timeIntervalSince(start))
            try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[Kdone in \(elapsed) s\n".utf8))
            shown = false
        }
    }
}
