import NIOConcurrencyHelpers

/// Remembered authorizer results by key (a token, or a REQUEST authorizer's identity values),
/// each until its own expiry; bounded so a flood of distinct tokens cannot grow it without end.
final class AuthorizerCache<Value: Sendable>: Sendable {
    private let entries = NIOLockedValueBox<[String: (value: Value, expires: Double)]>([:])
    private let limit: Int

    init(limit: Int = 10_000) {
        self.limit = limit
    }

    func value(for key: String, now: Double) -> Value? {
        entries.withLockedValue { entries in
            guard let entry = entries[key] else { return nil }
            if entry.expires <= now {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    func store(_ value: Value, for key: String, until expires: Double) {
        entries.withLockedValue { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = (value, expires)
        }
    }
}
