import EmulatorCrypto
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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

    /// Starts a sign-in of `flow`: the user is found and let through PreAuthentication, then the
    /// sign-in's machine takes over.
    private func startAuth(
        flow: String,
        parameters: [String: String],
        client: LiveClient,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> InitiateAuthResponse {
        guard client.configuration.allows(flow) else { throw .invalidParameter("\(flow) flow not enabled for this client") }
        let pool = try pool(client.poolID)
        if flow == "REFRESH_TOKEN_AUTH" || flow == "REFRESH_TOKEN" {
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
        }
        guard let username = parameters["USERNAME"] else { throw .invalidParameter("Missing required parameter USERNAME") }
        switch flow {
        case "USER_SRP_AUTH":
            guard let srpA = parameters["SRP_A"] else { throw .invalidParameter("Missing required parameter SRP_A") }
            guard let a = BigNumber(hex: srpA), !a.modulo(SRPServer.modulus).isZero else { throw .invalidParameter("SRP_A is not a valid SRP value") }
        case "CUSTOM_AUTH":
            guard pool.configuration.lambdaConfig["DefineAuthChallenge"] != nil else {
                throw .invalidParameter("Custom auth lambda trigger is not configured for the user pool.")
            }
        case "USER_AUTH":
            break
        default:
            guard parameters["PASSWORD"] != nil else { throw .invalidParameter("Missing required parameter PASSWORD") }
        }
        try checkSecretHash(parameters["SECRET_HASH"], username: username, client: client)
        let password = ["USER_SRP_AUTH", "CUSTOM_AUTH", "USER_AUTH"].contains(flow) ? nil : parameters["PASSWORD"]
        let user = try await signInCandidate(username, password: password, client: client, pool: pool, clientMetadata: clientMetadata)
        var step = newSignIn(of: user, client: client, pool: pool, parameters: parameters, clientMetadata: clientMetadata)
        let action: SignInMachine.Action
        switch flow {
        case "USER_SRP_AUTH": action = step.signIn.machine.startWithSRP()
        case "CUSTOM_AUTH": action = step.signIn.machine.startCustom()
        case "USER_AUTH":
            let factors = try availableFactors(for: user, pool: pool)
            action = step.signIn.machine.startChoosing(among: factors, preferred: parameters["PREFERRED_CHALLENGE"])
        default: action = step.signIn.machine.startWithPassword()
        }
        return try await advance(action, &step)
    }

    /// The user signing in, once it exists, may sign in, and the PreAuthentication trigger let it through
    /// (ClientMetadata reaches the trigger as `validationData`, as Cognito passes it). A user the pool
    /// does not know who signs in with a password may be migrated (the UserMigration trigger).
    func signInCandidate(
        _ username: String,
        password: String? = nil,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> StoredUser {
        var found = try database({ db in try lookupUser(pool, username, db) }, write: false)
        if found == nil, let password {
            found = try await migrateUser(username, password: password, client: client, pool: pool, clientMetadata: clientMetadata)
        }
        guard let candidate = found else { throw client.configuration.preventUserExistenceErrors ? .incorrectCredentials : .userNotFound() }
        if !candidate.enabled { throw .userDisabled }
        if let locked = candidate.lockedUntil, locked > clock.now { throw .notAuthorized("Password attempts exceeded") }
        // An imported user has no password to check: the reset comes first, whatever was typed.
        if candidate.status == .resetRequired, candidate.passwordVerifier == nil { throw .passwordResetRequired() }
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
            guard var user = try CognitoStore.user(poolID: pool.id, username: candidate.username, db) else {
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
            try await commits.insert(session)
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
