import CognitoEmulator
import EmulatorCrypto
import NIOConcurrencyHelpers
import Testing

@Suite("A pool's key set signs its tokens and checks them with the time passed in")
struct PoolKeySetTests {
    static func claims(_ use: String, iat: Int = 1_000) -> JSONValue {
        .object([.init("sub", .string("u")), .init("token_use", .string(use)), .init("iat", .int(iat)), .init("exp", .int(iat + 3600))])
    }

    @Test("each token checks out against its own key and use, from the moment it was issued (less the allowed skew)")
    func verify() async throws {
        let keys = PoolKeySet(id: SigningKey(key: try RSAKey.generate()), access: SigningKey(key: try RSAKey.generate()))
        let (id, access) = try await keys.sign(id: Self.claims("id"), access: Self.claims("access"))
        let idToken = try #require(JWT(id))
        let accessToken = try #require(JWT(access))
        #expect(keys.verify(idToken, at: 1_000) == .id)
        #expect(keys.verify(accessToken, at: 2_000) == .access)
        // Issued in the future beyond the allowed clock skew: not yet.
        #expect(keys.verify(idToken, at: 1_000 - JWT.allowedSkew) == .id)
        #expect(keys.verify(idToken, at: 999 - JWT.allowedSkew) == nil)
        // An access token signed with the ID key (or claiming the other use) is no token of this set.
        let (swapped, _) = try await keys.sign(id: Self.claims("access"), access: Self.claims("access"))
        #expect(keys.verify(try #require(JWT(swapped)), at: 1_000) == nil)
        // Another pool's keys sign nothing of this one's.
        let other = PoolKeySet(id: SigningKey(key: try RSAKey.generate()), access: SigningKey(key: try RSAKey.generate()))
        #expect(other.verify(idToken, at: 1_000) == nil)
        let accessKeyID = try #require(accessToken.keyID)
        #expect(keys.signsAccessTokens(keyID: accessKeyID) && !other.signsAccessTokens(keyID: accessKeyID))
        guard case .array(let published)? = try await keys.jwks()["keys"] else {
            Issue.record("no keys in the JWKS")
            return
        }
        #expect(published.map { $0["kid"] } == [idToken.keyID.map(JSONValue.string), .string(accessKeyID)])
    }

    @Test("a new pool's key is made on first need, once, and stored before it signs")
    func lazyKey() async throws {
        let stored = Counter()
        let key = SigningKey(generatingThen: { _ in stored.increment() })
        #expect(key.current == nil && stored.value == 0)
        async let first = key.material()
        async let second = key.material()
        let (a, b) = try await (first, second)
        #expect(a.keyID == b.keyID && stored.value == 1)
        #expect(key.current?.keyID == a.keyID)
    }
}

/// A count shared with a key's store closure.
final class Counter: Sendable {
    private let count = NIOLockedValueBox(0)
    func increment() { count.withLockedValue { $0 += 1 } }
    var value: Int { count.withLockedValue { $0 } }
}
