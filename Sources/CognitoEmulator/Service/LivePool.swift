public import EmulatorCrypto

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
    /// The key that signs ID tokens.
    public var idKey: SigningKey
    /// The key that signs access tokens.
    public var accessKey: SigningKey

    /// The part of the ID after the region, used by SRP.
    var shortName: String { String(id.split(separator: "_", maxSplits: 1).last ?? "") }
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
}

/// An RSA key that signs tokens, with its `kid` and JWK.
public struct SigningKey: Sendable {
    /// The key.
    public var key: RSAKey
    /// `kid`: base64 of the SHA-256 of the public key, as stable as the key.
    public var keyID: String

    init(key: RSAKey) {
        self.key = key
        keyID = Base64URL.encode(Digest.sha256(key.publicKeyDER))
    }

    /// The JWK, as Cognito's JWKS lists it.
    public var jwk: JSONValue {
        .object([
            .init("alg", .string("RS256")), .init("e", .string(Base64URL.encode(key.exponent))), .init("kid", .string(keyID)),
            .init("kty", .string("RSA")), .init("n", .string(Base64URL.encode(key.modulus))), .init("use", .string("sig")),
        ])
    }
}
