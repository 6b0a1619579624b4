package import EmulatorCore
package import EmulatorCrypto
import NIOConcurrencyHelpers

/// A pool's signing keys, one for ID tokens and one for access tokens (as Cognito's JWKS lists two):
/// what signs the pool's tokens, what checks them, and what the JWKS publishes.
package struct PoolKeySet: Sendable {
    /// A token's `token_use`.
    package enum TokenUse: String, Sendable {
        case id
        case access
    }

    /// The key that signs ID tokens (and the SAML signing certificate).
    package let id: SigningKey
    /// The key that signs access tokens.
    package let access: SigningKey

    package init(id: SigningKey, access: SigningKey) {
        self.id = id
        self.access = access
    }

    /// Signs an ID token's and an access token's claims, making the keys first if they are new.
    /// - Throws: When a key could not be made or stored.
    package func sign(id idClaims: JSONValue, access accessClaims: JSONValue) async throws -> (id: String, access: String) {
        let idKey = try await id.material()
        let accessKey = try await access.material()
        return (
            try JWT.sign(claims: idClaims, key: idKey.key, keyID: idKey.keyID),
            try JWT.sign(claims: accessClaims, key: accessKey.key, keyID: accessKey.keyID)
        )
    }

    /// Signs an access token alone (client credentials have no ID token).
    /// - Throws: When the key could not be made or stored.
    package func signAccess(_ claims: JSONValue) async throws -> String {
        let key = try await access.material()
        return try JWT.sign(claims: claims, key: key.key, keyID: key.keyID)
    }

    /// `{"keys": [...]}`, as `/.well-known/jwks.json` serves it.
    /// - Throws: When a key could not be made or stored.
    package func jwks() async throws -> JSONValue {
        .object([.init("keys", .array([try await id.material().jwk, try await access.material().jwk]))])
    }

    /// The use of a token this set signed: the key its `kid` names signed it, its `token_use` is that
    /// key's, and it was issued by `now`. Nil for anything else (a key not made yet has signed nothing).
    /// Expiry is the caller's to check: Cognito answers an expired token differently.
    package func verify(_ jwt: JWT, at now: Double) -> TokenUse? {
        guard let keyID = jwt.keyID, let use = jwt.claims["token_use"]?.stringValue.flatMap(TokenUse.init(rawValue:)) else { return nil }
        guard let key = (use == .id ? id : access).current, key.keyID == keyID, jwt.isSigned(by: key.key), jwt.isIssued(before: now) else {
            return nil
        }
        return use
    }

    /// Whether this set's access-token key has this `kid`.
    package func signsAccessTokens(keyID: String) -> Bool { access.current?.keyID == keyID }
}

/// An RSA key that signs tokens, with its `kid` and JWK.
///
/// A key read from the state is ready at once. A new key is generated when it is first needed (the
/// first token, the JWKS, the signing certificate), or in the background from the start for the
/// configuration's pools (``prepare()``), and stored before anything is signed with it: creating a pool
/// through the API costs no RSA work (test suites create many and sign in to few). Until then no token
/// can carry its `kid`, so checks that find it not ready refuse the token.
package final class SigningKey: Sendable {
    /// The key pair and its `kid`.
    package struct Material: Sendable {
        /// The key.
        package let key: RSAKey
        /// `kid`: base64 of the SHA-256 of the public key, as stable as the key.
        package let keyID: String

        init(key: RSAKey) {
            self.key = key
            keyID = Base64URL.encode(Digest.sha256(key.publicKeyDER))
        }

        /// The JWK, as Cognito's JWKS lists it.
        package var jwk: JSONValue {
            .object([
                .init("alg", .string("RS256")), .init("e", .string(Base64URL.encode(key.exponent))), .init("kid", .string(keyID)),
                .init("kty", .string("RSA")), .init("n", .string(Base64URL.encode(key.modulus))), .init("use", .string("sig")),
            ])
        }
    }

    private final class Slot: Sendable {
        let material: NIOLockedValueBox<Material?>
        init(_ material: Material?) { self.material = NIOLockedValueBox(material) }
    }

    private let slot: Slot
    /// Makes the key (run once, on first need; a key read from the state is already made).
    private let make: @Sendable () throws -> Material
    private let running = NIOLockedValueBox<Task<Material, any Error>?>(nil)

    /// A key that is ready now (read from the state).
    package init(key: RSAKey) {
        let material = Material(key: key)
        slot = Slot(material)
        make = { material }
    }

    /// A key generated when first needed; `store` persists it before it is used.
    package init(generatingThen store: @escaping @Sendable (RSAKey) throws -> Void) {
        let slot = Slot(nil)
        self.slot = slot
        make = {
            let key = try RSAKey.generate()
            try store(key)
            let material = Material(key: key)
            slot.material.withLockedValue { $0 = material }
            return material
        }
    }

    /// The key if it is ready, without waiting: what token checks use.
    package var current: Material? { slot.material.withLockedValue { $0 } }

    /// The key, waiting for its generation if needed: what signing and the JWKS use.
    /// - Throws: When generating or storing the key failed.
    package func material() async throws -> Material {
        if let current { return current }
        return try await generation().value
    }

    /// Starts making the key in the background, for a key that will surely be needed soon (the pools
    /// of the configuration, which a service's first sign-in uses), so that sign-in does not wait for it.
    package func prepare() {
        if current == nil { _ = generation() }
    }

    /// The task that makes the key, started on first call.
    private func generation() -> Task<Material, any Error> {
        let make = self.make
        return running.withLockedValue { running in
            if let running { return running }
            let started = Task.detached(priority: .userInitiated) { try make() }
            running = started
            return started
        }
    }
}
