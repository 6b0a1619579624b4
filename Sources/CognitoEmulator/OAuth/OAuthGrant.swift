import EmulatorCrypto
import GRDB

/// What a sign-in through the hosted pages was granted: the OAuth scopes (the access token's `scope`;
/// an ID token only with `openid`) and the `nonce` its first ID token carries.
struct OAuthGrant: Sendable {
    var scopes: [String]
    var nonce: String?
}

extension CognitoService {
    /// Tokens for the session `refreshToken` began (a sign-in on the hosted pages), with OAuth scopes:
    /// the session keeps them for its refreshed tokens. Nil when the token is not a current session of `client`.
    func oauthTokens(
        refreshToken: String,
        client: LiveClient,
        grant: OAuthGrant
    ) async throws(CognitoError) -> (id: String?, access: String, expiresIn: Int) {
        let pool = try pool(client.poolID)
        let hash = Digest.sha256(Array(refreshToken.utf8)).hexString
        let now = clock.now
        let (session, user): (StoredSession, StoredUser) = try database { db in
            guard var session = try Self.session(refreshTokenHash: hash, now: now, db), session.clientId == client.id, !session.revoked,
                let user = try CognitoStore.user(poolID: pool.id, username: session.username, db)
            else { throw CognitoError.notAuthorized("Invalid Refresh Token") }
            session.scopes = grant.scopes.joined(separator: " ")
            try session.update(db)
            return (session, user)
        }
        let tokens = try await issueTokens(
            user: user,
            client: client,
            pool: pool,
            originJti: session.originJti,
            authTime: session.authTime,
            source: "TokenGeneration_HostedAuth",
            oauth: grant
        )
        return (grant.scopes.contains("openid") ? tokens.id : nil, tokens.access, client.configuration.accessTokenValiditySeconds)
    }

    /// Signs in with a password as the hosted pages do (the client's `ExplicitAuthFlows` do not apply):
    /// tokens and a refresh token, or the challenge the sign-in poses next.
    func hostedPasswordSignIn(username: String, password: String, client: LiveClient) async throws(CognitoError) -> InitiateAuthResponse {
        let pool = try pool(client.poolID)
        let user = try await signInCandidate(username, password: password, client: client, pool: pool, clientMetadata: nil)
        var step = newSignIn(of: user, client: client, pool: pool, parameters: ["USERNAME": username, "PASSWORD": password], clientMetadata: nil)
        return try await advance(step.signIn.machine.startWithPassword(), &step)
    }
}

extension CognitoService {
    /// Starts a choice-based sign-in as the hosted pages do, with the first factor the user chose on
    /// the page (`preferred`): the factor's challenge, or SELECT_CHALLENGE when it is not available.
    func hostedChoiceSignIn(username: String, preferred: String, client: LiveClient) async throws(CognitoError) -> InitiateAuthResponse {
        let pool = try pool(client.poolID)
        let user = try await signInCandidate(username, client: client, pool: pool, clientMetadata: nil)
        var step = newSignIn(
            of: user,
            client: client,
            pool: pool,
            parameters: ["USERNAME": username, "PREFERRED_CHALLENGE": preferred],
            clientMetadata: nil
        )
        let factors = try availableFactors(for: user, pool: pool)
        return try await advance(step.signIn.machine.startChoosing(among: factors, preferred: preferred), &step)
    }
}
