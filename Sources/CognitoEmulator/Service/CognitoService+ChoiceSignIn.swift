import EmulatorCore
import EmulatorCrypto
import GRDB

/// Choice-based sign-in (`USER_AUTH`): the user signs in with any first factor the pool allows
/// (`Policies.SignInPolicy.AllowedFirstAuthFactors`) and they have set up — `PASSWORD`, `PASSWORD_SRP`,
/// `EMAIL_OTP`, `SMS_OTP`, `WEB_AUTHN` — named by `PREFERRED_CHALLENGE`, else chosen in SELECT_CHALLENGE.
/// A password is followed by MFA as in the other flows; a one-time code or a passkey is the whole sign-in.
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
extension CognitoService {
    /// The first factors a user may choose, in AWS's order.
    func availableFactors(for user: StoredUser, pool: LivePool) throws(CognitoError) -> [String] {
        var allowed = ["PASSWORD"]
        if case .array(let items)? = pool.definition["Policies"]?["SignInPolicy"]?["AllowedFirstAuthFactors"] {
            allowed = items.compactMap(\.stringValue)
        }
        var factors: [String] = []
        if allowed.contains("PASSWORD"), user.passwordVerifier != nil { factors += ["PASSWORD", "PASSWORD_SRP"] }
        if allowed.contains("EMAIL_OTP"), attribute("email_verified", of: user) == "true", user.email != nil { factors.append("EMAIL_OTP") }
        if allowed.contains("SMS_OTP"), attribute("phone_number_verified", of: user) == "true", user.phoneNumber != nil { factors.append("SMS_OTP") }
        if allowed.contains("WEB_AUTHN"), try !passkeys(of: user.username, pool: pool).isEmpty { factors.append("WEB_AUTHN") }
        return factors
    }

    /// InitiateAuth with USER_AUTH.
    func startChoiceSignIn(
        username: String,
        parameters: [String: String],
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> InitiateAuthResponse {
        let user = try await signInCandidate(username, client: client, pool: pool, clientMetadata: clientMetadata)
        let factors = try availableFactors(for: user, pool: pool)
        if let preferred = parameters["PREFERRED_CHALLENGE"], factors.contains(preferred) {
            return try await begin(preferred, for: user, responses: parameters, client: client, pool: pool, clientMetadata: clientMetadata)
        }
        guard !factors.isEmpty else { throw .notAuthorized("The user has no sign-in factor this pool allows.") }
        let session = newChallengeSession(for: user, challenge: "SELECT_CHALLENGE", client: client, pool: pool, clientMetadata: clientMetadata)
        var answer = InitiateAuthResponse(ChallengeName: "SELECT_CHALLENGE", Session: session.key, ChallengeParameters: [:])
        answer.AvailableChallenges = factors
        return answer
    }

    /// RespondToAuthChallenge with SELECT_CHALLENGE: `ANSWER` names the factor (with `PASSWORD` or `SRP_A`).
    func answerSelectChallenge(session: String?, responses: [String: String], client: LiveClient) async throws(CognitoError) -> InitiateAuthResponse {
        let (pending, user, pool) = try openChallenge(session, "SELECT_CHALLENGE", client: client)
        try checkSecretHash(responses["SECRET_HASH"], username: user.username, client: client)
        guard let factor = responses["ANSWER"], try availableFactors(for: user, pool: pool).contains(factor) else {
            throw .invalidParameter("ANSWER must be one of the available challenges.")
        }
        challengeSessions[session ?? ""] = nil
        return try await begin(factor, for: user, responses: responses, client: client, pool: pool, clientMetadata: pending.clientMetadata)
    }

    /// RespondToAuthChallenge with WEB_AUTHN: `CREDENTIAL`, the passkey's assertion as JSON.
    func answerWebAuthnChallenge(session: String?, responses: [String: String], client: LiveClient) async throws(CognitoError) -> InitiateAuthResponse
    {
        let (pending, user, pool) = try openChallenge(session, "WEB_AUTHN", client: client)
        try checkSecretHash(responses["SECRET_HASH"], username: user.username, client: client)
        guard let text = responses["CREDENTIAL"], let credential = JSONValue.parse(Array(text.utf8), duplicateKeys: .lastWins),
            let challenge = pending.webAuthnChallenge
        else { throw .invalidParameter("Missing required parameter CREDENTIAL") }
        let presented = (credential["rawId"] ?? credential["id"])?.stringValue ?? ""
        let key = "\(pool.id)/\(user.username)/\(presented)"
        guard let stored = try document(.webAuthnCredential, key), let publicKey = stored["PublicKey"]?.stringValue.flatMap({ Base64URL.decode($0) })
        else { throw .notAuthorized("The passkey is not one of the user's.") }
        let count = try WebAuthnAssertion.verify(
            credential,
            credentialID: presented,
            publicKey: publicKey,
            signCount: UInt32(stored["SignCount"]?.numberValue ?? 0),
            challenge: challenge,
            relyingParty: try relyingParty(of: pool),
            requireUserVerification: userVerification(of: pool) == "required"
        )
        try save(
            .webAuthnCredential,
            key,
            poolID: pool.id,
            .object((stored.members ?? []).filter { $0.key != "SignCount" } + [.init("SignCount", .int(Int(count)))])
        )
        challengeSessions[session ?? ""] = nil
        recordAuthEvent(pool: pool, username: user.username, passed: true, challenge: "WebAuthn")
        return try await finishSignIn(user, client: client, pool: pool, clientMetadata: pending.clientMetadata)
    }

    // MARK: - Helpers

    /// The challenge of `factor`, or its outcome when the answer came with it (a password).
    private func begin(
        _ factor: String,
        for user: StoredUser,
        responses: [String: String],
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> InitiateAuthResponse {
        switch factor {
        case "PASSWORD":
            guard let password = responses["PASSWORD"] else { throw .invalidParameter("Missing required parameter PASSWORD") }
            let matches = await Self.passwordMatches(password, user: user, pool: pool)
            let checked = try recordPasswordAttempt(user, matched: matches, client: client, pool: pool)
            return try await completeSignIn(checked, client: client, pool: pool, clientMetadata: clientMetadata)
        case "PASSWORD_SRP":
            guard let srpA = responses["SRP_A"], let a = BigNumber(hex: srpA), !a.modulo(SRPServer.modulus).isZero else {
                throw .invalidParameter("Missing or invalid parameter SRP_A")
            }
            return try await srpChallenge(for: user, a: a, client: client, pool: pool)
        case "EMAIL_OTP", "SMS_OTP":
            let (code, delivery) = sendSignInCode(email: factor == "EMAIL_OTP", trigger: factor, to: user, pool: pool)
            var session = newChallengeSession(for: user, challenge: factor, client: client, pool: pool, clientMetadata: clientMetadata)
            session.value.mfaCode = code
            challengeSessions[session.key] = session.value
            return InitiateAuthResponse(ChallengeName: factor, Session: session.key, ChallengeParameters: delivery)
        default:
            let challenge = SecureRandom.bytes(32)
            var session = newChallengeSession(for: user, challenge: "WEB_AUTHN", client: client, pool: pool, clientMetadata: clientMetadata)
            session.value.webAuthnChallenge = challenge
            challengeSessions[session.key] = session.value
            let allowed = try passkeys(of: user.username, pool: pool).compactMap { $0["CredentialId"] }
            let options = JSONValue.object([
                .init("challenge", .string(Base64URL.encode(challenge))), .init("timeout", .int(Int(Self.webAuthnTimeout * 1000))),
                .init("rpId", .string(try relyingParty(of: pool))),
                .init("allowCredentials", .array(allowed.map { .object([.init("type", .string("public-key")), .init("id", $0)]) })),
                .init("userVerification", .string(userVerification(of: pool))),
            ])
            return InitiateAuthResponse(
                ChallengeName: "WEB_AUTHN",
                Session: session.key,
                ChallengeParameters: ["CREDENTIAL_REQUEST_OPTIONS": options.serialized]
            )
        }
    }

    private func newChallengeSession(
        for user: StoredUser,
        challenge: String,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) -> (key: String, value: ChallengeSession) {
        let now = clock.now
        let key = Base64URL.encode(SecureRandom.bytes(96))
        let value = ChallengeSession(
            poolID: pool.id,
            clientID: client.id,
            username: user.username,
            challenge: challenge,
            expires: now + Self.mfaCodeValidity,
            clientMetadata: clientMetadata
        )
        challengeSessions = challengeSessions.filter { $0.value.expires > now }
        challengeSessions[key] = value
        return (key, value)
    }

    /// The pending challenge a session names, its user (still enabled) and pool; refused when the
    /// session is unknown, another client's, for another challenge or expired.
    func openChallenge(
        _ session: String?,
        _ challenge: String,
        client: LiveClient
    ) throws(CognitoError) -> (ChallengeSession, StoredUser, LivePool) {
        guard let session, let pending = challengeSessions[session], pending.clientID == client.id, pending.challenge == challenge else {
            throw .notAuthorized("Invalid session for the user.")
        }
        guard pending.expires > clock.now else {
            challengeSessions[session] = nil
            throw .notAuthorized("Invalid session for the user, session is expired.")
        }
        let pool = try pool(pending.poolID)
        let found = try database({ db in try StoredUser.fetchOne(db, key: ["poolId": pool.id, "username": pending.username]) }, write: false)
        guard let user = found, user.enabled else { throw .notAuthorized("Invalid session for the user.") }
        return (pending, user, pool)
    }
}
