import EmulatorCrypto
import GRDB

/// The outcome of checking a token for an API Gateway Cognito authorizer.
package enum AuthorizerTokenCheck: Sendable {
    /// The token is genuine and current; its claims, use (`id` or `access`) and scopes.
    case valid(claims: JSONValue, tokenUse: String, scopes: [String])
    /// The token was genuine but has expired.
    case expired
    /// Anything else: malformed, another pool's, forged, revoked, or for a user who no longer may sign in.
    case invalid
}

extension CognitoService {
    /// Checks a token as API Gateway's COGNITO_USER_POOLS authorizer does: the signature against the
    /// pool's keys, the issuer, the expiry on the emulator's clock, and an audience or client that
    /// belongs to the pool. Unlike API Gateway, a token whose session was revoked (GlobalSignOut,
    /// RevokeToken, a disabled or deleted user) is refused too. Runs without entering the actor.
    package nonisolated func checkAuthorizerToken(_ token: String, poolID: String) -> AuthorizerTokenCheck {
        guard let pool = pools[poolID], let jwt = JWT(token), let use = pool.keys.verify(jwt, at: clock.now),
            acceptsIssuer(jwt.claims["iss"]?.stringValue, poolID: pool.id), let expires = jwt.claims["exp"]?.numberValue
        else { return .invalid }
        let clientID = use == .id ? jwt.claims["aud"]?.stringValue : jwt.claims["client_id"]?.stringValue
        guard let clientID, clients[clientID]?.poolID == pool.id else { return .invalid }
        guard expires > clock.now else { return .expired }
        guard let originJti = jwt.claims["origin_jti"]?.stringValue, isSessionActive(originJti: originJti) else { return .invalid }
        let scopes = jwt.claims["scope"]?.stringValue?.split(separator: " ").map(String.init) ?? []
        return .valid(claims: jwt.claims, tokenUse: use.rawValue, scopes: scopes)
    }

    /// Whether a sign-in session exists, is not revoked, and its user is still enabled.
    package nonisolated func isSessionActive(originJti: String) -> Bool {
        (try? store.read { db -> Bool in
            // One prepared statement: every token check at an authorizer passes here.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT users.enabled FROM sessions JOIN users ON users.poolId = sessions.poolId AND users.username = sessions.username
                    WHERE sessions.originJti = ? AND NOT sessions.revoked
                    """
            )
            return try Bool.fetchOne(statement, arguments: [originJti]) == true
        }) ?? false
    }
}
