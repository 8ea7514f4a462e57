import Foundation
import NIOConcurrencyHelpers

/// The server's one source of "now": the system's time, or, in tests, a fixed instant that moves only when a test
/// moves it. Tests move either forward to expire codes and leases without waiting.
final class AppClock: Sendable {
    private struct State {
        var offset: TimeInterval = 0
        var readings: Int = 0
    }

    private let start: Date?
    private let state = NIOLockedValueBox(State())

    /// The system's time.
    init() { start = nil }

    /// A clock that stands at `instant`. Each reading adds a microsecond, so that records made one after another
    /// (two plan runs, two audit entries) keep the order they were made in.
    init(fixedAt instant: Date) { start = instant }

    func now() -> Date {
        let (offset, readings) = state.withLockedValue { state in
            state.readings += 1
            return (state.offset, state.readings)
        }
        guard let start else { return Date().addingTimeInterval(offset) }
        return start.addingTimeInterval(offset + Double(readings) * 1e-6)
    }

    func advance(by seconds: TimeInterval) { state.withLockedValue { $0.offset += seconds } }
}
