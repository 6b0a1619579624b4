import NIOConcurrencyHelpers

/// Signing keys already derived, by secret and scope: a key changes once a day per scope, and
/// deriving it is four HMACs on every request otherwise. Bounded: past `capacity` entries it starts over.
public final class SigningKeyCache: Sendable {
    private let keys = NIOLockedValueBox<[String: [UInt8]]>([:])
    private let capacity: Int

    /// A cache of at most `capacity` keys.
    public init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The signing key of `credential`'s scope for `secret`, derived once.
    public func key(secret: String, credential: SigV4.Credential) -> [UInt8] {
        let name = "\(credential.scope)\u{0}\(secret)"
        if let known = keys.withLockedValue({ $0[name] }) { return known }
        let key = SigV4.signingKey(secret: secret, credential: credential)
        keys.withLockedValue { keys in
            if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
            keys[name] = key
        }
        return key
    }
}
