import EmulatorCore
import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The OAuth 2.0 token and revocation endpoints (`POST /oauth2/token`, `POST /oauth2/revoke`), as
/// Cognito serves them: form bodies, the client authenticated by HTTP Basic or by `client_id` and
/// `client_secret` in the body, JSON answers, `{"error": …}` refusals.
extension CognitoService {
    /// An answer of the OAuth endpoints: the status and JSON body.
    package struct OAuthAnswer: Sendable {
        /// The HTTP status.
        package var status: Int
        /// The JSON body.
        package var body: [UInt8]
    }

    /// `POST /oauth2/token` with `form` (the decoded body) and the `Authorization` header.
    package func oauthToken(form: [String: String], authorization: String?) async -> OAuthAnswer {
        do throws(OAuthError) {
            let client = try authenticateClient(form: form, authorization: authorization)
            let answer: JSONValue
            switch form["grant_type"] {
            case "client_credentials":
                answer = try await clientCredentials(client, scope: form["scope"], metadata: form["aws_client_metadata"])
            case "refresh_token": answer = try await refreshGrant(client, token: form["refresh_token"])
            case nil: throw OAuthError.invalidRequest
            case .some: throw OAuthError.unsupportedGrantType
            }
            return OAuthAnswer(status: 200, body: Array(answer.serialized.utf8))
        } catch {
            return OAuthAnswer(status: error.status, body: error.body)
        }
    }

    /// `POST /oauth2/revoke`: the refresh token (and what it produced) stops working. Cognito answers 200
    /// with an empty body, also for a token it does not know.
    package func oauthRevoke(form: [String: String], authorization: String?) -> OAuthAnswer {
        do throws(OAuthError) {
            let client = try authenticateClient(form: form, authorization: authorization)
            guard let token = form["token"], !token.isEmpty else { throw OAuthError.invalidRequest }
            do {
                _ = try revokeToken(RevokeTokenRequest(Token: token, ClientId: client.id, ClientSecret: client.acceptedSecrets.first))
            } catch  where error.type == "UnsupportedTokenTypeException" {
                // RFC 7009: an unknown token is no error.
            } catch  where error.type == "UnsupportedOperationException" {
                throw OAuthError("unsupported_token_type")
            } catch {
                throw OAuthError.invalidRequest
            }
            return OAuthAnswer(status: 200, body: [])
        } catch {
            return OAuthAnswer(status: error.status, body: error.body)
        }
    }

    /// The client a request names, authenticated: a confidential client must send one of its secrets
    /// (Basic or `client_secret`); a public client must send none.
    func authenticateClient(form: [String: String], authorization: String?) throws(OAuthError) -> LiveClient {
        var clientID = form["client_id"]
        var secret = form["client_secret"]
        if let authorization {
            guard authorization.hasPrefix("Basic "), let decoded = Data(base64Encoded: String(authorization.dropFirst(6))),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { throw OAuthError.invalidClient }
            // Client IDs and secrets are alphanumeric: their form-encoding (RFC 6749 2.3.1) is themselves.
            let basicID = String(text[..<colon])
            if let clientID, clientID != basicID { throw OAuthError.invalidClient }
            clientID = basicID
            secret = String(text[text.index(after: colon)...])
        }
        guard let clientID, !clientID.isEmpty else { throw OAuthError.invalidRequest }
        guard let client = try? client(clientID) else { throw OAuthError.invalidClient }
        if client.acceptedSecrets.isEmpty {
            guard secret == nil || secret == "" else { throw OAuthError.invalidClient }
        } else {
            guard let secret, client.acceptedSecrets.contains(where: { Digest.constantTimeEquals(Array($0.utf8), Array(secret.utf8)) }) else {
                throw OAuthError.invalidClient
            }
        }
        return client
    }

    /// Client credentials: an access token for the client itself, with resource servers' custom scopes
    /// (all the client may have when `scope` is absent). A pool whose PreTokenGeneration trigger is
    /// `V3_0` runs it first (`TokenGeneration_ClientCredentials`, with `aws_client_metadata`'s map as
    /// `clientMetadata`): it may add and suppress the token's claims and scopes.
    private func clientCredentials(_ client: LiveClient, scope: String?, metadata: String?) async throws(OAuthError) -> JSONValue {
        let settings = OAuthClient(client: client)
        guard !client.acceptedSecrets.isEmpty, settings.flows.contains("client_credentials") else { throw OAuthError.unauthorizedClient }
        let custom = try resourceServerScopes(poolID: client.poolID)
        let allowed = settings.scopes.filter { custom.contains($0) }
        let asked = scope.map { $0.split(separator: " ").map(String.init) } ?? allowed
        guard !asked.isEmpty, asked.allSatisfy({ allowed.contains($0) }) else { throw OAuthError.invalidScope }
        guard let pool = try? pool(client.poolID) else { throw OAuthError.invalidClient }
        var granted = asked
        var changes: CognitoTriggerEvent.TokenGeneration?
        if pool.configuration.preTokenGenerationVersion == "V3_0" {
            var clientMetadata: [String: String]?
            if let metadata {
                guard case .object(let members)? = JSONValue.parse(Array(metadata.utf8)), members.allSatisfy({ $0.value.stringValue != nil }) else {
                    throw OAuthError("invalid_request", "aws_client_metadata must be a JSON object of strings")
                }
                clientMetadata = Dictionary(members.map { ($0.key, $0.value.stringValue ?? "") }, uniquingKeysWith: { _, last in last })
            }
            let passed = clientMetadata
            do {
                changes = try await runTrigger(
                    "PreTokenGeneration",
                    source: "TokenGeneration_ClientCredentials",
                    pool: pool,
                    username: client.id,
                    clientID: client.id,
                    request: .init(userAttributes: [:], clientMetadata: passed, scopes: asked),
                    version: "3"
                )?.claimsAndScopeOverrideDetails?.accessTokenGeneration
            } catch {
                throw OAuthError("invalid_request", error.message)
            }
            for added in changes?.scopesToAdd ?? [] where !granted.contains(added) { granted.append(added) }
            granted.removeAll { (changes?.scopesToSuppress ?? []).contains($0) }
        }
        let now = Int(clock.now.rounded(.down))
        let claims = Self.applying(
            changes,
            to: JSONValue.object([
                .init("sub", .string(client.id)), .init("token_use", .string("access")), .init("scope", .string(granted.joined(separator: " "))),
                .init("auth_time", .int(now)), .init("iss", .string(issuer(poolID: pool.id))),
                .init("exp", .int(now + client.configuration.accessTokenValiditySeconds)), .init("iat", .int(now)), .init("version", .int(2)),
                .init("jti", .string(SecureRandom.uuidString())), .init("client_id", .string(client.id)),
            ])
        )
        let token: String
        do {
            token = try await pool.keys.signAccess(claims)
        } catch {
            throw OAuthError("server_error", "signing the token failed")
        }
        return .object([
            .init("access_token", .string(token)), .init("expires_in", .int(client.configuration.accessTokenValiditySeconds)),
            .init("token_type", .string("Bearer")),
        ])
    }

    /// The refresh token grant: new ID and access tokens for the token's session (and a new refresh
    /// token when the client rotates them).
    private func refreshGrant(_ client: LiveClient, token: String?) async throws(OAuthError) -> JSONValue {
        guard let token, !token.isEmpty else { throw OAuthError.invalidRequest }
        guard client.configuration.allows("REFRESH_TOKEN_AUTH") || OAuthClient(client: client).enabled else { throw OAuthError.unauthorizedClient }
        guard let pool = try? pool(client.poolID) else { throw OAuthError.invalidClient }
        let result: AuthenticationResultType
        do {
            result = try await refresh(token: token, client: client, pool: pool, clientMetadata: nil)
        } catch {
            throw OAuthError.invalidGrant
        }
        var members: [JSONValue.Member] = [
            .init("id_token", .string(result.IdToken)), .init("access_token", .string(result.AccessToken)),
        ]
        if let rotated = result.RefreshToken { members.append(.init("refresh_token", .string(rotated))) }
        members += [.init("expires_in", .int(result.ExpiresIn)), .init("token_type", .string("Bearer"))]
        return .object(members)
    }

    /// Every `<identifier>/<scope>` of the pool's resource servers.
    private func resourceServerScopes(poolID: String) throws(OAuthError) -> Set<String> {
        let servers: [JSONValue]
        do {
            servers = try documents(.resourceServer, poolID: poolID)
        } catch {
            throw OAuthError("server_error")
        }
        var scopes = Set<String>()
        for server in servers {
            guard let identifier = server["Identifier"]?.stringValue, case .array(let items)? = server["Scopes"] else { continue }
            for item in items { if let name = item["ScopeName"]?.stringValue { scopes.insert("\(identifier)/\(name)") } }
        }
        return scopes
    }
}
