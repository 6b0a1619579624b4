import EmulatorCore
import EmulatorCrypto

/// Passkeys: a signed-in user registers one (StartWebAuthnRegistration → the browser's
/// `navigator.credentials.create()` → CompleteWebAuthnRegistration), lists and deletes them. Needs
/// `WEB_AUTHN` in the pool's `Policies.SignInPolicy.AllowedFirstAuthFactors` and a relying party ID
/// (`WebAuthnConfiguration.RelyingPartyId` of SetUserPoolMfaConfig or the pool's `WebAuthnRelyingPartyID`,
/// else the pool's domain).
extension CognitoService {
    /// A user has at most this many passkeys.
    static let maximumPasskeys = 20
    /// How long a registration challenge stays open (the options' `timeout`).
    static let webAuthnTimeout: Double = 180

    /// StartWebAuthnRegistration: the options for `navigator.credentials.create()`.
    package func startWebAuthnRegistration(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        let relyingParty = try relyingParty(of: pool)
        let existing = try passkeys(of: user.username, pool: pool)
        guard existing.count < Self.maximumPasskeys else {
            throw .limitExceeded("The user already has \(Self.maximumPasskeys) passkeys; delete one first.")
        }
        let challenge = SecureRandom.bytes(32)
        let now = clock.now
        webAuthnRegistrations = webAuthnRegistrations.filter { $0.value.expires > now }
        webAuthnRegistrations["\(pool.id)/\(user.username)"] = (challenge, now + Self.webAuthnTimeout)
        let options = JSONValue.object([
            .init("challenge", .string(Base64URL.encode(challenge))),
            .init("rp", .object([.init("id", .string(relyingParty)), .init("name", .string(relyingParty))])),
            .init(
                "user",
                .object([
                    .init("id", .string(Base64URL.encode(Array(user.sub.utf8)))), .init("name", .string(user.username)),
                    .init("displayName", .string(user.username)),
                ])
            ),
            .init(
                "pubKeyCredParams",
                .array([-7, -257].map { .object([.init("type", .string("public-key")), .init("alg", .int($0))]) })
            ),
            .init("timeout", .int(Int(Self.webAuthnTimeout * 1000))),
            .init(
                "excludeCredentials",
                .array(existing.compactMap { $0["CredentialId"] }.map { .object([.init("type", .string("public-key")), .init("id", $0)]) })
            ),
            .init(
                "authenticatorSelection",
                .object([
                    .init("requireResidentKey", .bool(true)), .init("residentKey", .string("required")),
                    .init("userVerification", .string(userVerification(of: pool))),
                ])
            ),
        ])
        return JSONDocument([("CredentialCreationOptions", options)])
    }

    /// CompleteWebAuthnRegistration: the authenticator's answer, verified, becomes a passkey.
    package func completeWebAuthnRegistration(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        let relyingParty = try relyingParty(of: pool)
        let key = "\(pool.id)/\(user.username)"
        guard let pending = webAuthnRegistrations[key], pending.expires > clock.now else {
            throw .webAuthnChallengeNotFound("No passkey registration was started for the user, or it has expired.")
        }
        let credential = request["Credential"] ?? .null
        let verified = try WebAuthnAttestation.verify(
            credential,
            challenge: pending.challenge,
            relyingParty: relyingParty,
            requireUserVerification: userVerification(of: pool) == "required"
        )
        webAuthnRegistrations[key] = nil
        let id = Base64URL.encode(verified.id)
        guard try document(.webAuthnCredential, "\(key)/\(id)") == nil else { throw .invalidParameter("The passkey is already registered.") }
        let stored = JSONValue.object(
            [
                .init("CredentialId", .string(id)), .init("FriendlyCredentialName", .string("Passkey")),
                .init("RelyingPartyId", .string(relyingParty)),
            ] + (credential["authenticatorAttachment"].map { [JSONValue.Member("AuthenticatorAttachment", $0)] } ?? [])
                + [
                    .init("AuthenticatorTransports", credential["response"]?["transports"] ?? .array([])), .init("CreatedAt", .double(clock.now)),
                    .init("PublicKey", .string(Base64URL.encode(verified.publicKey))), .init("SignCount", .int(Int(verified.signCount))),
                ]
        )
        try save(.webAuthnCredential, "\(key)/\(id)", poolID: pool.id, stored)
        return EmptyResponse()
    }

    /// ListWebAuthnCredentials.
    package func listWebAuthnCredentials(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        let described = try passkeys(of: user.username, pool: pool).map {
            Self.summary(
                of: $0,
                ["CredentialId", "FriendlyCredentialName", "RelyingPartyId", "AuthenticatorAttachment", "AuthenticatorTransports", "CreatedAt"]
            )
        }
        return Self.listing("Credentials", try page(described, request: request, defaultLimit: 20))
    }

    /// DeleteWebAuthnCredential.
    package func deleteWebAuthnCredential(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        let id = request["CredentialId"]?.stringValue ?? ""
        guard try deleteDocument(.webAuthnCredential, "\(pool.id)/\(user.username)/\(id)") else {
            throw .resourceNotFound("Passkey \(id) does not exist.")
        }
        return EmptyResponse()
    }

    // MARK: - Helpers

    func passkeys(of username: String, pool: LivePool) throws(CognitoError) -> [JSONValue] {
        try documents(.webAuthnCredential, poolID: pool.id, keyPrefix: "\(pool.id)/\(username)/")
    }

    /// The relying party ID, once passkeys are enabled for the pool.
    func relyingParty(of pool: LivePool) throws(CognitoError) -> String {
        let factors = pool.definition["Policies"]?["SignInPolicy"]?["AllowedFirstAuthFactors"]
        guard case .array(let allowed)? = factors, allowed.contains(.string("WEB_AUTHN")) else {
            throw .webAuthnNotEnabled("Passkeys are not enabled: add WEB_AUTHN to the pool's Policies.SignInPolicy.AllowedFirstAuthFactors.")
        }
        // SetUserPoolMfaConfig's member, or AWS::Cognito::UserPool's property.
        if let configured = (pool.definition["WebAuthnConfiguration"]?["RelyingPartyId"] ?? pool.definition["WebAuthnRelyingPartyID"])?.stringValue {
            return configured
        }
        if let domain = try documents(.domain, poolID: pool.id).first?["Domain"]?.stringValue {
            return domain.contains(".") ? domain : "\(domain).auth.\(region).amazoncognito.com"
        }
        throw .webAuthnConfigurationMissing("The pool has no relying party ID: set WebAuthnConfiguration.RelyingPartyId or a domain.")
    }

    func userVerification(of pool: LivePool) -> String {
        (pool.definition["WebAuthnConfiguration"]?["UserVerification"] ?? pool.definition["WebAuthnUserVerification"])?.stringValue ?? "preferred"
    }
}
