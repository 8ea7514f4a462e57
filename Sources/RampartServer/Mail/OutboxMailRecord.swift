import Fluent
import Foundation

/// A mail waiting to be sent. A mail server that is down delays it (retries with back-off); none is lost.
final class OutboxMailRecord: Model, @unchecked Sendable {
    static let schema = "outbox_mails"

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @OptionalField(key: "unsubscribe_url") var unsubscribeURL: String?
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Field(key: "created_at") var createdAt: Date

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [
            $id, $recipient, $subject, $body, $unsubscribeURL, $status, $attempts, $nextAttemptAt, $lastError, $sentAt,
            $createdAt,
        ]
    }

    init() {}

    init(recipient: String, subject: String, body: String, unsubscribeURL: String?, now: Date) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.unsubscribeURL = unsubscribeURL
        self.status = "pending"
        self.attempts = 0
        self.nextAttemptAt = now
        self.createdAt = now
    }
}
