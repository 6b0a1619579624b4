import EmulatorCrypto
import GRDB
import NIOConcurrencyHelpers

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CognitoService {
    /// Signs an ID token and an access token with Cognito's claims, in Cognito's order, after the
    /// PreTokenGeneration trigger (`source` is its trigger source) — off the actor, so the RSA work of
    /// concurrent sign-ins runs on every core.
    nonisolated func issueTokens(
        user: StoredUser,
        client: LiveClient,
        pool: LivePool,
        originJti: String,
        authTime: Double,
        source: String,
        clientMetadata: [String: String]? = nil,
        oauth: OAuthGrant? = nil
    ) async throws(CognitoError) -> (id: String, access: String) {
        let now = clock.now.rounded(.down)
        var groups: [String]
        var roles: GroupRoles
        do {
            (groups, roles) = try store.read { db in
                (
                    try CognitoStore.groupNames(poolID: pool.id, username: user.username, db),
                    GroupRoles(try CognitoStore.groupRoles(poolID: pool.id, username: user.username, db))
                )
            }
        } catch {
            throw stateFailure(error)
        }
        var scopes = oauth?.scopes ?? ["aws.cognito.signin.user.admin"]
        let overrides = try await preTokenGeneration(
            user: user,
            groups: groups,
            roles: roles,
            scopes: scopes,
            client: client,
            pool: pool,
            source: source,
            clientMetadata: clientMetadata
        )
        if let groupOverride = overrides?.groups { groups = groupOverride }
        if let roleOverride = overrides?.roles { roles = roleOverride }
        if let access = overrides?.access {
            scopes = (scopes + (access.scopesToAdd ?? [])).filter { !(access.scopesToSuppress ?? []).contains($0) }
        }
        let groupsClaim: [JSONValue.Member] = groups.isEmpty ? [] : [.init("cognito:groups", .array(groups.map(JSONValue.string)))]
        let issuer = issuer(poolID: pool.id)
        let readable = client.configuration.readAttributes
        var attributeClaims: [JSONValue.Member] = []
        for attribute in user.attributes.list where readable.isEmpty || readable.contains(attribute.Name) {
            guard let value = attribute.Value else { continue }
            switch attribute.Name {
            case "email_verified", "phone_number_verified": attributeClaims.append(.init(attribute.Name, .bool(value == "true")))
            case "updated_at": attributeClaims.append(.init(attribute.Name, Int(value).map(JSONValue.int) ?? .string(value)))
            // A federated user's linked identities: a JSON list in the attribute, a list in the token.
            case "identities": attributeClaims.append(.init(attribute.Name, JSONValue.parse(Array(value.utf8)) ?? .string(value)))
            default: attributeClaims.append(.init(attribute.Name, .string(value)))
            }
        }
        for (contact, flag) in [("email", "email_verified"), ("phone_number", "phone_number_verified")]
        where attributeClaims.contains(where: { $0.key == contact }) && !attributeClaims.contains(where: { $0.key == flag }) {
            attributeClaims.append(.init(flag, .bool(false)))
        }
        let verified = attributeClaims.filter { $0.key.hasSuffix("_verified") }
        let others = attributeClaims.filter { !$0.key.hasSuffix("_verified") }
        let eventID = SecureRandom.uuidString()
        let idClaims = Self.applying(
            overrides?.id,
            to: JSONValue.object(
                [.init("sub", .string(user.sub))] + groupsClaim + roles.claims + verified + [
                    .init("iss", .string(issuer)), .init("cognito:username", .string(user.username)), .init("origin_jti", .string(originJti)),
                    .init("aud", .string(client.id)), .init("event_id", .string(eventID)), .init("token_use", .string("id")),
                    .init("auth_time", .int(Int(authTime))), .init("exp", .int(Int(now) + client.configuration.idTokenValiditySeconds)),
                ] + (oauth?.nonce.map { [JSONValue.Member("nonce", .string($0))] } ?? []) + [
                    .init("iat", .int(Int(now))), .init("jti", .string(SecureRandom.uuidString())),
                ] + others
            )
        )
        let accessClaims = Self.applying(
            overrides?.access,
            to: JSONValue.object(
                [.init("sub", .string(user.sub))] + groupsClaim + [
                    .init("iss", .string(issuer)), .init("client_id", .string(client.id)), .init("origin_jti", .string(originJti)),
                    .init("event_id", .string(eventID)), .init("token_use", .string("access")),
                    .init("scope", .string(scopes.joined(separator: " "))), .init("auth_time", .int(Int(authTime))),
                    .init("exp", .int(Int(now) + client.configuration.accessTokenValiditySeconds)), .init("iat", .int(Int(now))),
                    .init("jti", .string(SecureRandom.uuidString())), .init("username", .string(user.username)),
                ]
            )
        )
        do {
            return try await pool.keys.sign(id: idClaims, access: accessClaims)
        } catch {
            throw .internalError("signing a token failed: \(error)")
        }
    }

    /// Checks an access token as Cognito's token-taking operations do: signature, issuer, use,
    /// expiry and revocation; answers the pool and the (current) user. Runs without entering the actor:
    /// a token's signature is checked once (``VerifiedAccessTokens``), its expiry and session every time.
    nonisolated func authenticate(accessToken: String) throws(CognitoError) -> (LivePool, StoredUser) {
        let token: VerifiedAccessTokens.Token
        if let known = verifiedAccessTokens.lookup(accessToken) {
            token = known
        } else {
            guard let jwt = JWT(accessToken), let keyID = jwt.keyID,
                let pool = pools.values.first(where: { $0.keys.signsAccessTokens(keyID: keyID) }),
                pool.keys.verify(jwt, at: clock.now) == .access, acceptsIssuer(jwt.claims["iss"]?.stringValue, poolID: pool.id),
                let username = jwt.claims["username"]?.stringValue, let expires = jwt.claims["exp"]?.numberValue
            else { throw .invalidAccessToken }
            token = .init(
                poolID: pool.id,
                username: username,
                originJti: jwt.claims["origin_jti"]?.stringValue ?? "",
                usableFrom: jwt.usableFrom,
                expires: expires
            )
            verifiedAccessTokens.remember(token, for: accessToken)
        }
        guard token.usableFrom <= clock.now else { throw .invalidAccessToken }
        guard token.expires > clock.now else { throw .expiredAccessToken }
        guard let pool = pools[token.poolID] else { throw .invalidAccessToken }
        do {
            return try store.read { db in
                // A deleted user's sessions are gone with it, so its tokens read as revoked, as Cognito answers.
                guard let session = try CognitoStore.session(originJti: token.originJti, db), !session.revoked else {
                    throw CognitoError.revokedAccessToken
                }
                guard let user = try CognitoStore.user(poolID: pool.id, username: token.username, db) else { throw CognitoError.revokedAccessToken }
                return (pool, user)
            }
        } catch let error as CognitoError {
            throw error
        } catch {
            throw stateFailure(error)
        }
    }

    /// The client an access token was issued to.
    nonisolated func accessTokenClient(_ accessToken: String) throws(CognitoError) -> LiveClient {
        guard let id = JWT(accessToken)?.claims["client_id"]?.stringValue, let client = clients[id] else { throw .invalidAccessToken }
        return client
    }
}

/// Access tokens whose signature, issuer and use have been checked, by their text (at most 10,000;
/// the memo starts over when full). Their time window and revocation are checked on every use.
final class VerifiedAccessTokens: Sendable {
    struct Token: Sendable {
        var poolID: String
        var username: String
        var originJti: String
        var usableFrom: Double
        var expires: Double
    }

    private static let capacity = 10_000
    private let tokens = NIOLockedValueBox<[String: Token]>([:])

    func lookup(_ text: String) -> Token? { tokens.withLockedValue { $0[text] } }

    func remember(_ token: Token, for text: String) {
        tokens.withLockedValue { tokens in
            if tokens.count >= Self.capacity { tokens.removeAll(keepingCapacity: true) }
            tokens[text] = token
        }
    }
}
