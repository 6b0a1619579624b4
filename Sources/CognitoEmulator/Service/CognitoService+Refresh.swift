import EmulatorCrypto
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Refresh tokens: renewal (REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken), rotation when the client
/// enables it, and revocation. Only a token's SHA-256 is stored.
extension CognitoService {
    /// GetTokensFromRefreshToken: new ID and access tokens, and a new refresh token when the client rotates them.
    /// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
    package func getTokensFromRefreshToken(
        _ request: GetTokensFromRefreshTokenRequest
    ) async throws(CognitoError) -> GetTokensFromRefreshTokenResponse {
        let client = try client(request.ClientId)
        if !client.acceptedSecrets.isEmpty, !client.acceptedSecrets.contains(request.ClientSecret ?? "") {
            throw .notAuthorized("Client secret is not valid for client \(client.id)")
        }
        guard client.configuration.allows("REFRESH_TOKEN_AUTH") else {
            throw .invalidParameter("REFRESH_TOKEN_AUTH flow not enabled for this client")
        }
        let pool = try pool(client.poolID)
        return GetTokensFromRefreshTokenResponse(
            AuthenticationResult: try await refresh(token: request.RefreshToken, client: client, pool: pool, clientMetadata: request.ClientMetadata)
        )
    }

    /// New tokens for the session a refresh token belongs to. With rotation, the answer carries a new
    /// refresh token and the one presented keeps working only for the client's grace period.
    func refresh(
        token: String,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> AuthenticationResultType {
        let hash = Digest.sha256(Array(token.utf8)).hexString
        let now = clock.now
        let rotated = client.configuration.rotationGraceSeconds.map { _ in Self.newRefreshToken() }
        let (session, user): (StoredSession, StoredUser) = try database { db in
            guard var session = try Self.session(refreshTokenHash: hash, now: now, db), session.clientId == client.id else {
                throw CognitoError.notAuthorized("Invalid Refresh Token")
            }
            if session.revoked { throw CognitoError.notAuthorized("Refresh Token has been revoked") }
            if session.refreshExpires < now { throw CognitoError.notAuthorized("Refresh Token has expired") }
            guard let user = try CognitoStore.user(poolID: pool.id, username: session.username, db) else {
                throw CognitoError.notAuthorized("Invalid Refresh Token")
            }
            if !user.enabled { throw CognitoError.userDisabled }
            if let rotated, let grace = client.configuration.rotationGraceSeconds {
                if session.refreshTokenHash == hash {
                    session.previousRefreshTokenHash = hash
                    session.previousValidUntil = now + Double(grace)
                }
                session.refreshTokenHash = Digest.sha256(Array(rotated.utf8)).hexString
                try session.update(db)
            }
            return (session, user)
        }
        let tokens = try await issueTokens(
            user: user,
            client: client,
            pool: pool,
            originJti: session.originJti,
            authTime: session.authTime,
            source: "TokenGeneration_RefreshTokens",
            clientMetadata: clientMetadata,
            oauth: session.scopes.map { OAuthGrant(scopes: $0.split(separator: " ").map(String.init), nonce: nil) }
        )
        return AuthenticationResultType(
            AccessToken: tokens.access,
            ExpiresIn: client.configuration.accessTokenValiditySeconds,
            TokenType: "Bearer",
            RefreshToken: rotated,
            IdToken: tokens.id
        )
    }

    /// RevokeToken: the refresh token, and the ID and access tokens it produced, stop working.
    package func revokeToken(_ request: RevokeTokenRequest) throws(CognitoError) -> EmptyResponse {
        let client = try client(request.ClientId)
        if !client.acceptedSecrets.isEmpty, !client.acceptedSecrets.contains(request.ClientSecret ?? "") {
            throw .notAuthorized("Client secret is not valid for client \(client.id)")
        }
        guard client.configuration.enableTokenRevocation else {
            throw .unsupportedOperation("Token revocation is not enabled for the client")
        }
        let hash = Digest.sha256(Array(request.Token.utf8)).hexString
        let now = clock.now
        try database { db in
            guard var session = try Self.session(refreshTokenHash: hash, now: now, db) else {
                throw CognitoError.unsupportedTokenType("The token type provided is not supported")
            }
            guard session.clientId == client.id else { throw CognitoError.notAuthorized("Invalid Refresh Token") }
            session.revoked = true
            try session.update(db)
            noteRevocation()
        }
        return EmptyResponse()
    }

    /// The session a refresh token belongs to: its current token, or the one rotated out while its grace period lasts.
    static func session(refreshTokenHash hash: String, now: Double, _ db: Database) throws -> StoredSession? {
        if let current = try StoredSession.filter(Column("refreshTokenHash") == hash).fetchOne(db) { return current }
        return try StoredSession.filter(Column("previousRefreshTokenHash") == hash && Column("previousValidUntil") > now).fetchOne(db)
    }

    /// An opaque refresh token shaped like Cognito's (a JWE: header and four random parts).
    static func newRefreshToken() -> String {
        let header = Base64URL.encode(Array("{\"cty\":\"JWT\",\"enc\":\"A256GCM\",\"alg\":\"RSA-OAEP\"}".utf8))
        return [
            header, Base64URL.encode(SecureRandom.bytes(256)), Base64URL.encode(SecureRandom.bytes(12)),
            Base64URL.encode(SecureRandom.bytes(384)), Base64URL.encode(SecureRandom.bytes(16)),
        ].joined(separator: ".")
    }
}
