import CognitoEmulator
import EmulatorCore
import EmulatorCrypto

/// Verifies the tokens of an issuer the emulator does not serve, against that issuer's JWKS given as a
/// local file (`custom.emulate.jwks.<issuerUrl>: path`): an RS256 signature by one of its keys, its `iss`,
/// `exp` and `iat`/`nbf` on the emulator's clock. Such tokens are never revoked offline.
struct JWKSVerifier: TokenVerifier {
    let issuer: String
    let keys: [String: RSAKey]
    let clock: any TimeSource

    func checkAuthorizerToken(_ token: String, poolID: String) -> AuthorizerTokenCheck {
        let now = clock.now
        guard let jwt = JWT(token), let keyID = jwt.keyID, let key = keys[keyID], jwt.isSigned(by: key),
            jwt.claims["iss"]?.stringValue == issuer, jwt.isIssued(before: now), let expiry = jwt.claims["exp"]?.numberValue
        else { return .invalid }
        guard expiry > now else { return .expired }
        let scopes = jwt.claims["scope"]?.stringValue.map { $0.split(separator: " ").map(String.init) } ?? []
        let use = jwt.claims["token_use"]?.stringValue ?? (jwt.claims["aud"] == nil ? "access" : "id")
        return .valid(claims: jwt.claims, tokenUse: use, scopes: scopes)
    }

    var revocationEpoch: Int { 0 }

    func isSessionActive(originJti: String) -> Bool { true }
}
