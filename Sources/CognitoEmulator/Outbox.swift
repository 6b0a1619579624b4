import NIOConcurrencyHelpers

/// A message Cognito would have e-mailed or texted: a code or an invitation.
public struct OutboxMessage: Sendable, Codable, Hashable {
    /// The pool.
    public var userPoolId: String
    /// The user's username.
    public var username: String
    /// `SignUp`, `ResendConfirmationCode`, `ForgotPassword`, `AdminCreateUser`, `VerifyUserAttribute`.
    public var trigger: String
    /// `EMAIL` or `SMS`.
    public var deliveryMedium: String
    /// The address or number it would have gone to.
    public var destination: String
    /// The code, when the message carries one.
    public var code: String?
    /// The message text.
    public var message: String
    /// The e-mail subject a CustomMessage trigger set, if any.
    public var subject: String?
    /// When it was sent (seconds since 1970).
    public var sentAt: Double

    /// A message.
    public init(
        userPoolId: String,
        username: String,
        trigger: String,
        deliveryMedium: String,
        destination: String,
        code: String?,
        message: String,
        subject: String? = nil,
        sentAt: Double
    ) {
        self.userPoolId = userPoolId
        self.username = username
        self.trigger = trigger
        self.deliveryMedium = deliveryMedium
        self.destination = destination
        self.code = code
        self.message = message
        self.subject = subject
        self.sentAt = sentAt
    }
}

/// The messages sent so far, newest last. Kept in memory: a temporary password never reaches disk.
public final class Outbox: Sendable {
    private let messages = NIOLockedValueBox<[OutboxMessage]>([])
    private let limit: Int

    /// An empty outbox keeping at most `limit` messages.
    public init(limit: Int = 10_000) {
        self.limit = limit
    }

    func append(_ message: OutboxMessage) {
        messages.withLockedValue { list in
            list.append(message)
            if list.count > limit { list.removeFirst(list.count - limit) }
        }
    }

    /// Forgets every message.
    public func removeAll() {
        messages.withLockedValue { $0.removeAll() }
    }

    /// The messages, newest last, optionally for one pool and username.
    public func list(userPoolId: String? = nil, username: String? = nil) -> [OutboxMessage] {
        messages.withLockedValue { list in
            list.filter { (userPoolId == nil || $0.userPoolId == userPoolId) && (username == nil || $0.username == username) }
        }
    }
}
