public import EmulatorCore
package import EmulatorCrypto
import NIOConcurrencyHelpers

/// A provisioned user pool: its configuration, identity and signing keys.
public struct LivePool: Sendable {
    /// `us-east-1_AbCdEfGhI`.
    public var id: String
    /// `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`.
    public var arn: String
    /// The configuration from serverless.yml.
    public var configuration: UserPoolConfiguration
    /// When it was first provisioned (seconds since 1970), stable across restarts.
    public var created: Double
    /// When it was last changed.
    public var modified: Double
    /// How it came to be: from serverless.yml (rebuilt from it at every start) or through CreateUserPool.
    public var origin: Origin
    /// The members it was created or last updated with (CreateUserPool/UpdateUserPool), returned by
    /// DescribeUserPool where the configuration does not model them; empty for serverless.yml's pools.
    public var definition: JSONValue
    /// The key that signs ID tokens.
    package var idKey: SigningKey
    /// The key that signs access tokens.
    package var accessKey: SigningKey

    /// The part of the ID after the region, used by SRP.
    var shortName: String { String(id.split(separator: "_", maxSplits: 1).last ?? "") }
}

/// Where a pool or client comes from.
public enum Origin: String, Sendable, Codable {
    /// serverless.yml (or the configuration a test passes): rebuilt from it at every start.
    case configuration
    /// The API (CreateUserPool, CreateUserPoolClient): stored, and restored at every start.
    case api
}

/// A provisioned app client.
public struct LiveClient: Sendable {
    /// 26 lower-case alphanumerics.
    public var id: String
    /// The pool's ID.
    public var poolID: String
    /// The configuration from serverless.yml.
    public var configuration: UserPoolClientConfiguration
    /// The client secret, when `GenerateSecret` is true.
    public var secret: String?
    /// When it was first provisioned.
    public var created: Double
    /// When it was last changed.
    public var modified: Double
    /// How it came to be.
    public var origin: Origin
    /// The members it was created or last updated with, returned by DescribeUserPoolClient where the
    /// configuration does not model them.
    public var definition: JSONValue
    /// Every secret, once AddUserPoolClientSecret has been used (`secret` is the first); empty before.
    package var rotatedSecrets: [ClientSecretEntry] = []

    /// The secrets a `SECRET_HASH` or `ClientSecret` may be made with.
    package var acceptedSecrets: [String] { rotatedSecrets.isEmpty ? (secret.map { [$0] } ?? []) : rotatedSecrets.map(\.value) }
}

/// One secret of an app client, as ListUserPoolClientSecrets describes it.
package struct ClientSecretEntry: Sendable, Codable, Hashable {
    /// `<client-id>--<epoch-create-time>`.
    package var id: String
    /// The secret.
    package var value: String
    /// When it was created.
    package var created: Double
}

/// The pools and clients the service knows, from the configuration and from the API.
struct PoolRegistry: Sendable {
    var pools: [String: LivePool] = [:]
    /// Pool IDs in the order they were provisioned or created.
    var order: [String] = []
    var clients: [String: LiveClient] = [:]

    mutating func add(_ pool: LivePool) {
        if pools.updateValue(pool, forKey: pool.id) == nil { order.append(pool.id) }
    }

    mutating func removePool(_ id: String) {
        pools[id] = nil
        order.removeAll { $0 == id }
        clients = clients.filter { $0.value.poolID != id }
    }
}

/// An RSA key that signs tokens, with its `kid` and JWK.
///
/// A key read from the state is ready at once; a new pool's key is generated when it is first needed
/// (the first token, the JWKS, the signing certificate) and stored before anything is signed with it,
/// so creating a pool costs no RSA work (test suites create many and sign in to few). Until then no
/// token can carry its `kid`, so checks that find it not ready refuse the token.
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
    private let generation = NIOLockedValueBox<Task<Material, any Error>?>(nil)

    /// A key that is ready now (read from the state).
    init(key: RSAKey) {
        let material = Material(key: key)
        slot = Slot(material)
        make = { material }
    }

    /// A key generated when first needed; `store` persists it before it is used.
    init(generatingThen store: @escaping @Sendable (RSAKey) throws -> Void) {
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
        let make = self.make
        let task = generation.withLockedValue { running in
            if let running { return running }
            let started = Task.detached(priority: .userInitiated) { try make() }
            running = started
            return started
        }
        return try await task.value
    }
}
