import Foundation
import NIOConcurrencyHelpers

/// The server's one source of "now". Tests move it forward to expire codes without waiting.
final class AppClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)

    func now() -> Date { Date().addingTimeInterval(offset.withLockedValue { $0 }) }

    func advance(by seconds: TimeInterval) { offset.withLockedValue { $0 += seconds } }
}
