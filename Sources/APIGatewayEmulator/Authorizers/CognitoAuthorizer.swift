import CognitoEmulator
import EmulatorCore

/// A COGNITO_USER_POOLS authorizer: verifies the token in the identity header against the pool.
/// Without `scopes` it takes ID tokens; with `scopes` it takes access tokens carrying one of them.
/// Verified tokens are cached by their text, so RSA runs once per token; expiry and revocation are
/// still checked on every request.
struct CognitoAuthorizer: Sendable {
    struct Verified: Sendable {
        var claims: [String: String]
        var tokenUse: String
        var scopes: [String]
        var expires: Double
        var originJti: String
        var epoch: Int
    }

    let poolID: String?
    let scopes: [String]
    let headerName: String
    let cognito: CognitoService
    let clock: any TimeSource
    let cache = AuthorizerCache<Verified>()

    func authorize(_ request: GatewayRequest) -> Result<APIGatewayProxyRequest.Authorizer, GatewayError> {
        guard let poolID, var token = request.header(headerName), !token.isEmpty else { return .failure(.unauthorized) }
        if token.hasPrefix("Bearer ") { token = String(token.dropFirst(7)) }
        let now = clock.now
        let verified: Verified
        if var cached = cache.value(for: token, now: now) {
            guard cached.expires > now else { return .failure(.expiredToken) }
            let epoch = cognito.revocationEpoch
            if cached.epoch != epoch {
                guard cognito.isSessionActive(originJti: cached.originJti) else { return .failure(.unauthorized) }
                cached.epoch = epoch
                cache.store(cached, for: token, until: cached.expires)
            }
            verified = cached
        } else {
            let epoch = cognito.revocationEpoch
            switch cognito.checkAuthorizerToken(token, poolID: poolID) {
            case .invalid: return .failure(.unauthorized)
            case .expired: return .failure(.expiredToken)
            case .valid(let claims, let tokenUse, let scopes):
                verified = Verified(
                    claims: ClaimRendering.render(claims),
                    tokenUse: tokenUse,
                    scopes: scopes,
                    expires: claims["exp"]?.numberValue ?? 0,
                    originJti: claims["origin_jti"]?.stringValue ?? "",
                    epoch: epoch
                )
                cache.store(verified, for: token, until: verified.expires)
            }
        }
        if scopes.isEmpty {
            guard verified.tokenUse == "id" else { return .failure(.unauthorized) }
            return .success(.init(claims: verified.claims))
        }
        guard verified.tokenUse == "access", verified.scopes.contains(where: scopes.contains) else { return .failure(.unauthorized) }
        return .success(.init(claims: verified.claims, scopes: verified.scopes))
    }
}
