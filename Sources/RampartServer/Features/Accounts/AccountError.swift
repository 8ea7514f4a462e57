import Vapor

/// What went wrong with an account request, with the field it concerns; shown on the form and as a JSON error.
struct AccountError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case invalid
        case unauthorized
        case tooManyAttempts
        case conflict
    }

    var kind: Kind
    var field: String?
    var messages: [String]
    /// For `tooManyAttempts`: when to try again, sent as `Retry-After`.
    var retryAfterSeconds: Int? = nil

    static func invalid(_ field: String, _ messages: [String]) -> AccountError { .init(kind: .invalid, field: field, messages: messages) }
    static func invalid(_ field: String, _ message: String) -> AccountError { .invalid(field, [message]) }

    var status: HTTPResponseStatus {
        switch kind {
        case .invalid: .unprocessableEntity
        case .unauthorized: .unauthorized
        case .tooManyAttempts: .tooManyRequests
        case .conflict: .conflict
        }
    }

    var message: String { messages.joined(separator: "; ") }
}
