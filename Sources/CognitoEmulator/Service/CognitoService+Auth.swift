import EmulatorCrypto
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A pending NEW_PASSWORD_REQUIRED or CUSTOM_CHALLENGE challenge (Cognito's sessions last three minutes).
struct ChallengeSession: Sendable {
    var poolID: String
    var clientID: String
    var username: String
    var challenge: String
    var expires: Double
    /// CUSTOM_AUTH: the challenges answered so far and what CreateAuthChallenge kept private.
    var custom: CustomAuthState?
    /// SMS_MFA and EMAIL_OTP: the code sent; MFA_SETUP: whether VerifySoftwareToken succeeded.
    var mfaCode: String?
    var mfaSetUp = false
    var clientMetadata: [String: String]?
    /// WEB_AUTHN: the challenge the assertion must sign.
    var webAuthnChallenge: [UInt8]?
}

extension CognitoService {
    /// InitiateAuth: USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN.
    package func initiateAuth(_ request: InitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        let client = try client(request.ClientId)
        switch request.AuthFlow {
        case "USER_PASSWORD_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "USER_SRP_AUTH", "CUSTOM_AUTH", "USER_AUTH":
            return try await startAuth(
                flow: request.AuthFlow,
                parameters: request.AuthParameters ?? [:],
                client: client,
                clientMetadata: request.ClientMetadata
            )
        case "ADMIN_NO_SRP_AUTH", "ADMIN_USER_PASSWORD_AUTH":
            throw .invalidParameter("Initiate Auth method not supported.")
        default:
            throw .invalidParameter(
                "1 validation error detected: Value '\(request.AuthFlow)' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]"
            )
        }
    }

    /// AdminInitiateAuth: ADMIN_NO_SRP_AUTH / ADMIN_USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN.
    package func adminInitiateAuth(_ request: AdminInitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        let pool = try pool(request.UserPoolId)
        let client = try client(request.ClientId, poolID: pool.id)
        switch request.AuthFlow {
        case "ADMIN_NO_SRP_AUTH", "ADMIN_USER_PASSWORD_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "CUSTOM_AUTH", "USER_AUTH":
            return try await startAuth(
                flow: request.AuthFlow,
                parameters: request.AuthParameters ?? [:],
                client: client,
                clientMetadata: request.ClientMetadata
            )
        case "USER_PASSWORD_AUTH", "USER_SRP_AUTH":
            throw .invalidParameter("Initiate Auth method not supported.")
        default:
            throw .invalidParameter(
                "1 validation error detected: Value '\(request.AuthFlow)' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]"
            )
        }
    }

    private func startAuth(
        flow: String,
        parameters: [String: String],
        client: LiveClient,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> InitiateAuthResponse {
        guard client.configuration.allows(flow) else { throw .invalidParameter("\(flow) flow not enabled for this client") }
        let pool = try pool(client.poolID)
        switch flow {
        case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN":
            guard let token = parameters["REFRESH_TOKEN"] else { throw .invalidParameter("Missing required parameter REFRESH_TOKEN") }
            if client.configuration.rotationGraceSeconds != nil {
                throw .invalidParameter("Refresh token rotation is enabled for this client; renew the session with GetTokensFromRefreshToken")
            }
            return InitiateAuthResponse(
                ChallengeName: nil,
                Session: nil,
                ChallengeParameters: [:],
                AuthenticationResult: try await refresh(token: token, client: client, pool: pool, clientMetadata: clientMetadata)
            )
        case "USER_SRP_AUTH":
            guard let username = parameters["USERNAME"] else { throw .invalidParameter("Missing required parameter USERNAME") }
            guard let srpA = parameters["SRP_A"] else { throw .invalidParameter("Missing required parameter SRP_A") }
            try checkSecretHash(parameters["SECRET_HASH"], username: username, client: client)
            return try await startSRP(username: username, srpA: srpA, client: client, pool: pool, clientMetadata: clientMetadata)
        case "USER_AUTH":
            guard let username = parameters["USERNAME"] else { throw .invalidParameter("Missing required parameter USERNAME") }
            try checkSecretHash(parameters["SECRET_HASH"], username: username, client: client)
            return try await startChoiceSignIn(username: username, parameters: parameters, client: client, pool: pool, clientMetadata: clientMetadata)
        case "CUSTOM_AUTH":
            guard let username = parameters["USERNAME"] else { throw .invalidParameter("Missing required parameter USERNAME") }
            try checkSecretHash(parameters["SECRET_HASH"], username: username, client: client)
            return try await startCustomAuth(username: username, client: client, pool: pool, clientMetadata: clientMetadata)
        default:
            guard let username = parameters["USERNAME"] else { throw .invalidParameter("Missing required parameter USERNAME") }
            guard let password = parameters["PASSWORD"] else { throw .invalidParameter("Missing required parameter PASSWORD") }
            try checkSecretHash(parameters["SECRET_HASH"], username: username, client: client)
            return try await signIn(
                username: username,
                password: password,
                deviceKey: parameters["DEVICE_KEY"],
                client: client,
                pool: pool,
                clientMetadata: clientMetadata
            )
        }
    }

    /// Checks a password sign-in, counting failures and locking the user out as Cognito does: after
    /// five failures, one second, doubling with each further failure, up to about 15 minutes.
    private func signIn(
        username: String,
        password: String,
        deviceKey: String?,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> InitiateAuthResponse {
        let candidate = try await signInCandidate(username, client: client, pool: pool, clientMetadata: clientMetadata)
        // The verifier is recomputed off the actor; the outcome is recorded against the user as it is now.
        let matches = await Self.passwordMatches(password, user: candidate, pool: pool)
        let user = try recordPasswordAttempt(candidate, matched: matches, client: client, pool: pool)
        return try await completeSignIn(user, client: client, pool: pool, clientMetadata: clientMetadata, deviceKey: deviceKey)
    }

    /// The user signing in, once it exists, may sign in, and the PreAuthentication trigger let it through
    /// (ClientMetadata reaches the trigger as `validationData`, as Cognito passes it).
    func signInCandidate(
        _ username: String,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> StoredUser {
        let found = try database({ db in try lookupUser(pool, username, db) }, write: false)
        guard let candidate = found else { throw client.configuration.preventUserExistenceErrors ? .incorrectCredentials : .userNotFound() }
        if !candidate.enabled { throw .userDisabled }
        if let locked = candidate.lockedUntil, locked > clock.now { throw .notAuthorized("Password attempts exceeded") }
        // An imported user has no password to check: the reset comes first, whatever was typed.
        if candidate.status == "RESET_REQUIRED", candidate.passwordVerifier == nil { throw .passwordResetRequired() }
        _ = try await runTrigger(
            "PreAuthentication",
            source: "PreAuthentication_Authentication",
            pool: pool,
            username: candidate.username,
            clientID: client.id,
            request: .init(userAttributes: triggerAttributes(of: candidate), validationData: clientMetadata ?? [:], userNotFound: false)
        )
        return candidate
    }

    /// Records a password check against the user as stored now: failures count towards the lockout,
    /// success clears it, and a user locked meanwhile is refused either way (counted atomically, in
    /// the same write). A verifier changed since the check counts as a failure.
    func recordPasswordAttempt(
        _ candidate: StoredUser,
        matched matches: Bool,
        client: LiveClient,
        pool: LivePool
    ) throws(CognitoError) -> StoredUser {
        let now = clock.now
        // The common case, a right password with nothing to reset, writes nothing: one read shows the
        // verifier is still the one checked.
        if matches, candidate.failedAttempts == 0, candidate.lockedUntil == nil {
            let current = try database({ db in try CognitoStore.user(poolID: pool.id, username: candidate.username, db) }, write: false)
            if let current, current.passwordVerifier == candidate.passwordVerifier, current.failedAttempts == 0, current.lockedUntil == nil {
                recordAuthEvent(pool: pool, username: current.username, passed: true)
                return current
            }
        }
        let outcome: Result<StoredUser, CognitoError> = try database { db in
            guard var user = try StoredUser.fetchOne(db, key: ["poolId": pool.id, "username": candidate.username]) else {
                return .failure(client.configuration.preventUserExistenceErrors ? .incorrectCredentials : .userNotFound())
            }
            // Checked again inside the write: attempts made in parallel all passed the first check, and
            // once five failures have committed the rest are refused unseen (their outcome is not revealed).
            if let locked = user.lockedUntil, locked > now { return .failure(.notAuthorized("Password attempts exceeded")) }
            guard matches, user.passwordVerifier == candidate.passwordVerifier else {
                user.failedAttempts += 1
                if user.failedAttempts >= 5 { user.lockedUntil = now + min(Double(1 << min(user.failedAttempts - 5, 10)), 900) }
                try user.update(db)
                return .failure(.incorrectCredentials)
            }
            if user.failedAttempts != 0 || user.lockedUntil != nil {
                user.failedAttempts = 0
                user.lockedUntil = nil
                try user.update(db)
            }
            return .success(user)
        }
        if case .success(let user) = outcome {
            recordAuthEvent(pool: pool, username: user.username, passed: true)
        } else {
            recordAuthEvent(pool: pool, username: candidate.username, passed: false)
        }
        return try outcome.get()
    }

    /// USER_SRP_AUTH: answers the PASSWORD_VERIFIER challenge with the salt, `B` and a secret block.
    private func startSRP(
        username: String,
        srpA: String,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> InitiateAuthResponse {
        guard let a = BigNumber(hex: srpA), !a.modulo(SRPServer.modulus).isZero else { throw .invalidParameter("SRP_A is not a valid SRP value") }
        let user = try await signInCandidate(username, client: client, pool: pool, clientMetadata: clientMetadata)
        return try await srpChallenge(for: user, a: a, client: client, pool: pool)
    }

    /// PASSWORD_VERIFIER for a user whose sign-in may go on: the salt, `B` and a secret block.
    func srpChallenge(for user: StoredUser, a: BigNumber, client: LiveClient, pool: LivePool) async throws(CognitoError) -> InitiateAuthResponse {
        guard let salt = user.passwordSalt, let verifier = user.passwordVerifier else { throw .incorrectCredentials }
        let (b, bigB) = await SRPServer.serverValues(verifier: [UInt8](verifier))
        let secretBlock = Data(SecureRandom.bytes(64)).base64EncodedString()
        let now = clock.now
        srpSessions = srpSessions.filter { $0.value.expires > now }
        srpSessions[secretBlock] = SRPServer.Session(
            poolID: pool.id,
            clientID: client.id,
            username: user.username,
            a: a,
            b: b,
            bigB: bigB,
            expires: now + 180
        )
        return InitiateAuthResponse(
            ChallengeName: "PASSWORD_VERIFIER",
            Session: nil,
            ChallengeParameters: [
                "SALT": salt, "SECRET_BLOCK": secretBlock, "SRP_B": bigB.hex, "USERNAME": user.username, "USER_ID_FOR_SRP": user.username,
            ],
            AuthenticationResult: nil
        )
    }

    /// PASSWORD_VERIFIER: checks the client's password claim against the pending SRP session.
    private func verifySRP(_ responses: [String: String], client: LiveClient) async throws(CognitoError) -> InitiateAuthResponse {
        guard let block = responses["PASSWORD_CLAIM_SECRET_BLOCK"], let claim = responses["PASSWORD_CLAIM_SIGNATURE"],
            let timestamp = responses["TIMESTAMP"], let username = responses["USERNAME"]
        else { throw .invalidParameter("Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE, TIMESTAMP or USERNAME") }
        guard let session = srpSessions.removeValue(forKey: block), session.clientID == client.id, session.expires > clock.now,
            session.deviceKey == nil, let secretBlock = Data(base64Encoded: block)
        else { throw .incorrectCredentials }
        let pool = try pool(session.poolID)
        try checkSecretHash(responses["SECRET_HASH"], username: username, client: client)
        let found = try database({ db in try StoredUser.fetchOne(db, key: ["poolId": pool.id, "username": session.username]) }, write: false)
        guard let candidate = found, let verifier = candidate.passwordVerifier else { throw .incorrectCredentials }
        let matches = await SRPServer.claimMatches(
            claim,
            session: session,
            verifier: [UInt8](verifier),
            realm: pool.shortName,
            identity: session.username,
            secretBlock: [UInt8](secretBlock),
            timestamp: timestamp
        )
        let user = try recordPasswordAttempt(candidate, matched: matches, client: client, pool: pool)
        return try await completeSignIn(user, client: client, pool: pool, clientMetadata: nil, deviceKey: responses["DEVICE_KEY"])
    }

    /// After the password checked out: the user's status decides between tokens and a challenge; a
    /// confirmed device the client names must then prove itself (DEVICE_SRP_AUTH).
    func completeSignIn(
        _ user: StoredUser,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?,
        deviceKey: String? = nil
    ) async throws(CognitoError) -> InitiateAuthResponse {
        let now = clock.now
        switch user.status {
        case "UNCONFIRMED": throw .userNotConfirmed()
        case "RESET_REQUIRED": throw .passwordResetRequired()
        case "FORCE_CHANGE_PASSWORD":
            if let expires = user.temporaryPasswordExpires, expires < now {
                throw .notAuthorized("Temporary password has expired and must be reset by an administrator.")
            }
            let session = Base64URL.encode(SecureRandom.bytes(96))
            challengeSessions = challengeSessions.filter { $0.value.expires > now }
            challengeSessions[session] = ChallengeSession(
                poolID: pool.id,
                clientID: client.id,
                username: user.username,
                challenge: "NEW_PASSWORD_REQUIRED",
                expires: now + 180
            )
            let userAttributes = JSONValue.object(Self.decode(user.attributes).map { .init($0.Name, .string($0.Value ?? "")) })
            let required = pool.configuration.requiredAttributes.filter { schema in attribute(schema.Name, of: user) == nil }.map {
                "userAttributes.\($0.Name)"
            }
            return InitiateAuthResponse(
                ChallengeName: "NEW_PASSWORD_REQUIRED",
                Session: session,
                ChallengeParameters: [
                    "USER_ID_FOR_SRP": user.username, "requiredAttributes": JSONValue.array(required.map(JSONValue.string)).serialized,
                    "userAttributes": userAttributes.serialized,
                ],
                AuthenticationResult: nil
            )
        default:
            if let challenge = try deviceChallenge(for: user, deviceKey: deviceKey, client: client, pool: pool) { return challenge }
            if let challenge = try mfaChallenge(for: user, client: client, pool: pool, clientMetadata: clientMetadata) { return challenge }
            return try await finishSignIn(user, client: client, pool: pool, clientMetadata: clientMetadata)
        }
    }

    /// The PostAuthentication trigger, then the session and its tokens; a sign-in without a known
    /// device is offered a new one to confirm when the pool tracks devices.
    func finishSignIn(
        _ user: StoredUser,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?,
        signedInDevice: String? = nil
    ) async throws(CognitoError) -> InitiateAuthResponse {
        _ = try await runTrigger(
            "PostAuthentication",
            source: "PostAuthentication_Authentication",
            pool: pool,
            username: user.username,
            clientID: client.id,
            request: .init(userAttributes: triggerAttributes(of: user), clientMetadata: clientMetadata, newDeviceUsed: false)
        )
        var result = try await startSession(
            user: user,
            client: client,
            pool: pool,
            source: "TokenGeneration_Authentication",
            clientMetadata: clientMetadata
        )
        if signedInDevice == nil { result.NewDeviceMetadata = try offerDevice(to: user, pool: pool) }
        return InitiateAuthResponse(ChallengeName: nil, Session: nil, ChallengeParameters: [:], AuthenticationResult: result)
    }

    /// RespondToAuthChallenge (NEW_PASSWORD_REQUIRED).
    package func respondToAuthChallenge(_ request: RespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        let client = try client(request.ClientId)
        return try await respond(
            challenge: request.ChallengeName,
            session: request.Session,
            responses: request.ChallengeResponses ?? [:],
            client: client
        )
    }

    /// AdminRespondToAuthChallenge (NEW_PASSWORD_REQUIRED).
    package func adminRespondToAuthChallenge(_ request: AdminRespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        let pool = try pool(request.UserPoolId)
        let client = try client(request.ClientId, poolID: pool.id)
        return try await respond(
            challenge: request.ChallengeName,
            session: request.Session,
            responses: request.ChallengeResponses ?? [:],
            client: client
        )
    }

    private func respond(
        challenge: String,
        session: String?,
        responses: [String: String],
        client: LiveClient
    ) async throws(CognitoError) -> InitiateAuthResponse {
        if challenge == "PASSWORD_VERIFIER" { return try await verifySRP(responses, client: client) }
        if challenge == "SELECT_CHALLENGE" { return try await answerSelectChallenge(session: session, responses: responses, client: client) }
        if challenge == "WEB_AUTHN" { return try await answerWebAuthnChallenge(session: session, responses: responses, client: client) }
        if challenge == "DEVICE_SRP_AUTH" { return try await startDeviceSRP(responses, client: client) }
        if challenge == "DEVICE_PASSWORD_VERIFIER" { return try await verifyDeviceSRP(responses, client: client) }
        if challenge == "CUSTOM_CHALLENGE" { return try await answerCustomChallenge(session: session, responses: responses, client: client) }
        if Self.mfaChallenges.contains(challenge) {
            return try await answerMFAChallenge(challenge, session: session, responses: responses, client: client)
        }
        guard challenge == "NEW_PASSWORD_REQUIRED" else {
            throw .invalidParameter(
                "\(challenge) is not supported by the emulator yet; it answers PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED and CUSTOM_CHALLENGE"
            )
        }
        guard let session, let pending = challengeSessions[session], pending.clientID == client.id, pending.challenge == challenge else {
            throw .notAuthorized("Invalid session for the user.")
        }
        guard pending.expires > clock.now else {
            challengeSessions[session] = nil
            throw .notAuthorized("Invalid session for the user, session is expired.")
        }
        guard let newPassword = responses["NEW_PASSWORD"] else { throw .invalidParameter("Missing required parameter NEW_PASSWORD") }
        guard let username = responses["USERNAME"] else { throw .invalidParameter("Missing required parameter USERNAME") }
        let pool = try pool(pending.poolID)
        try checkSecretHash(responses["SECRET_HASH"], username: username, client: client)
        try checkPolicy(newPassword, pool: pool)
        let changes = responses.compactMap { key, value in
            key.hasPrefix("userAttributes.") ? AttributeType(Name: String(key.dropFirst("userAttributes.".count)), Value: value) : nil
        }.sorted { $0.Name < $1.Name }
        try validate(changes, in: pool, requireRequired: false)
        let verifier = await Self.makeVerifier(newPassword, username: pending.username, pool: pool)
        guard challengeSessions[session] != nil else { throw .notAuthorized("Invalid session for the user.") }
        let user: StoredUser = try database { db in
            guard var user = try lookupUser(pool, username, db), user.username == pending.username else {
                throw CognitoError.notAuthorized("Invalid session for the user.")
            }
            apply(changes, to: &user)
            let missing = pool.configuration.requiredAttributes.filter { attribute($0.Name, of: user) == nil }
            if let first = missing.first {
                throw CognitoError.invalidParameter("Attributes did not conform to the schema: \(first.Name): The attribute is required")
            }
            setVerifier(verifier, on: &user)
            user.status = "CONFIRMED"
            user.temporaryPasswordExpires = nil
            user.modified = clock.now
            try user.update(db)
            return user
        }
        challengeSessions[session] = nil
        var result = try await startSession(user: user, client: client, pool: pool, source: "TokenGeneration_NewPasswordChallenge")
        result.NewDeviceMetadata = try offerDevice(to: user, pool: pool)
        return InitiateAuthResponse(ChallengeName: nil, Session: nil, ChallengeParameters: [:], AuthenticationResult: result)
    }

    /// Signs a user in without a password (for tests): a new session with real, verifiable tokens,
    /// as if the user had just authenticated through `clientID`.
    package func mintTokens(userPoolID: String, username: String, clientID: String) async throws(CognitoError) -> AuthenticationResultType {
        let pool = try pool(userPoolID)
        let client = try client(clientID, poolID: pool.id)
        let user = try database({ db in try requireUser(pool, username, db) }, write: false)
        return try await startSession(user: user, client: client, pool: pool, source: "TokenGeneration_Authentication")
    }

    /// A new sign-in session: a refresh token and the first ID and access tokens.
    func startSession(
        user: StoredUser,
        client: LiveClient,
        pool: LivePool,
        source: String,
        clientMetadata: [String: String]? = nil
    ) async throws(CognitoError) -> AuthenticationResultType {
        let now = clock.now
        let originJti = SecureRandom.uuidString()
        let refreshToken = Self.newRefreshToken()
        let session = StoredSession(
            originJti: originJti,
            poolId: pool.id,
            username: user.username,
            clientId: client.id,
            refreshTokenHash: Digest.sha256(Array(refreshToken.utf8)).hexString,
            authTime: now.rounded(.down),
            created: now,
            refreshExpires: now + Double(client.configuration.refreshTokenValiditySeconds),
            revoked: false
        )
        do {
            try await sessionRows.insert(session)
        } catch {
            throw stateFailure(error)
        }
        let tokens = try await issueTokens(
            user: user,
            client: client,
            pool: pool,
            originJti: originJti,
            authTime: session.authTime,
            source: source,
            clientMetadata: clientMetadata
        )
        return AuthenticationResultType(
            AccessToken: tokens.access,
            ExpiresIn: client.configuration.accessTokenValiditySeconds,
            TokenType: "Bearer",
            RefreshToken: refreshToken,
            IdToken: tokens.id
        )
    }
}
