import EmulatorCore
import EmulatorCrypto
import NIOConcurrencyHelpers

/// The OpenID tokens identity pools issue (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity): RS256
/// JWTs from `https://cognito-identity.amazonaws.com`, `aud` the identity pool, `sub` the identity,
/// `amr` how it signed in — what STS's AssumeRoleWithWebIdentity takes in the basic flow.
struct OpenIDTokens: Sendable {
    static let issuer = "https://cognito-identity.amazonaws.com"
    static let provider = "cognito-identity.amazonaws.com"

    let key: OpenIDSigningKey
    let keyID: String

    func sign(identityID: String, poolID: String, amr: [String], now: Double, duration: Int) throws -> String {
        let header = JSONValue.object([.init("kid", .string(keyID)), .init("typ", .string("JWS")), .init("alg", .string("RS256"))])
        let issued = Int(now.rounded(.down))
        let claims = JSONValue.object([
            .init("sub", .string(identityID)), .init("aud", .string(poolID)),
            .init("amr", .array(amr.map(JSONValue.string))), .init("iss", .string(Self.issuer)),
            .init("exp", .int(issued + duration)), .init("iat", .int(issued)),
        ])
        let input = Base64URL.encode(Array(header.serialized.utf8)) + "." + Base64URL.encode(Array(claims.serialized.utf8))
        return input + "." + Base64URL.encode(try key.get().signRS256(Array(input.utf8)))
    }

    enum Check {
        case valid(JSONValue)
        case expired(JSONValue)
        case invalid
    }

    /// A token of ours, checked: signature, issuer, expiry at `now`.
    func check(_ token: String, now: Double) -> Check {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let key = try? key.get(), let headerBytes = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]), let header = JSONValue.parse(headerBytes), header["alg"]?.stringValue == "RS256",
            header["kid"]?.stringValue == keyID,
            key.verifyRS256(signature: signature, message: Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)),
            let claims = JSONValue.parse(payload), claims["iss"]?.stringValue == Self.issuer, let expires = claims["exp"]?.numberValue
        else { return .invalid }
        return expires > now ? .valid(claims) : .expired(claims)
    }
}

/// The identity pools' token signing key, read from the state or made on first need: generating an RSA
/// key takes 50–400 ms here, which would otherwise sit on every in-memory start-up's path.
final class OpenIDSigningKey: Sendable {
    private let load: @Sendable () throws -> RSAKey
    private let loaded = NIOLockedValueBox<RSAKey?>(nil)

    /// A key that `load` reads or makes, once.
    init(load: @escaping @Sendable () throws -> RSAKey) {
        self.load = load
    }

    /// The key, loading it the first time.
    func get() throws -> RSAKey {
        try loaded.withLockedValue { key in
            if let key { return key }
            let made = try load()
            key = made
            return made
        }
    }
}
