package import CognitoEmulator
import EmulatorCore

/// The seam between authorizers and the user pools: checks a token's signature, issuer, expiry and
/// audience against a pool, and tells whether its session is still active. The Cognito service is one.
package protocol TokenVerifier: Sendable {
    /// Checks a token against a pool's keys and issuer, on the emulator's clock.
    func checkAuthorizerToken(_ token: String, poolID: String) -> AuthorizerTokenCheck
    /// Moves whenever a session is revoked; a check cached at the same epoch is current.
    var revocationEpoch: Int { get }
    /// Whether the session a token belongs to is still active.
    func isSessionActive(originJti: String) -> Bool
}

extension CognitoService: TokenVerifier {}

/// A token checked once: what the authorizer renders from its claims, and what every later request re-checks.
struct VerifiedToken<Rendered: Sendable>: Sendable {
    var rendered: Rendered
    var tokenUse: String
    var scopes: [String]
    /// `aud` (ID tokens) or `client_id` (access tokens).
    var audience: String
    var expires: Double
    var originJti: String
    var epoch: Int
}

/// Verifies tokens of one pool, caching each verified token by its text, so RSA runs once per token;
/// expiry and revocation are still checked on every request.
struct TokenVerification<Rendered: Sendable>: Sendable {
    enum Failure: Error { case invalid, expired }

    let poolID: String
    let verifier: any TokenVerifier
    let clock: any TimeSource
    let render: @Sendable (JSONValue) -> Rendered
    let cache = AuthorizerCache<VerifiedToken<Rendered>>()

    func verify(_ token: String) -> Result<VerifiedToken<Rendered>, Failure> {
        let now = clock.now
        if var cached = cache.value(for: token, now: now) {
            guard cached.expires > now else { return .failure(.expired) }
            let epoch = verifier.revocationEpoch
            if cached.epoch != epoch {
                guard verifier.isSessionActive(originJti: cached.originJti) else { return .failure(.invalid) }
                cached.epoch = epoch
                cache.store(cached, for: token, until: cached.expires)
            }
            return .success(cached)
        }
        let epoch = verifier.revocationEpoch
        switch verifier.checkAuthorizerToken(token, poolID: poolID) {
        case .invalid: return .failure(.invalid)
        case .expired: return .failure(.expired)
        case .valid(let claims, let tokenUse, let scopes):
            let verified = VerifiedToken(
                rendered: render(claims),
                tokenUse: tokenUse,
                scopes: scopes,
                audience: claims["aud"]?.stringValue ?? claims["client_id"]?.stringValue ?? "",
                expires: claims["exp"]?.numberValue ?? 0,
                originJti: claims["origin_jti"]?.stringValue ?? "",
                epoch: epoch
            )
            cache.store(verified, for: token, until: verified.expires)
            return .success(verified)
        }
    }
}
