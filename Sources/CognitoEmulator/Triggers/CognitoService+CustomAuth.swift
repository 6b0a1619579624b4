import EmulatorCrypto
import GRDB

/// A CUSTOM_AUTH sign-in between challenges.
struct CustomAuthState: Sendable {
    var results: [CognitoTriggerEvent.ChallengeResult]
    var privateParameters: [String: String]
    var metadata: String?
    var clientMetadata: [String: String]?
}

extension CognitoService {
    /// CUSTOM_AUTH: DefineAuthChallenge decides, CreateAuthChallenge poses each CUSTOM_CHALLENGE and
    /// VerifyAuthChallengeResponse checks each answer.
    /// See https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html
    func startCustomAuth(
        username: String,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> InitiateAuthResponse {
        guard pool.configuration.lambdaConfig["DefineAuthChallenge"] != nil else {
            throw .invalidParameter("Custom auth lambda trigger is not configured for the user pool.")
        }
        let user = try await signInCandidate(username, client: client, pool: pool, clientMetadata: clientMetadata)
        let state = CustomAuthState(results: [], privateParameters: [:], metadata: nil, clientMetadata: clientMetadata)
        return try await nextCustomStep(user: user, state: state, client: client, pool: pool)
    }

    /// RespondToAuthChallenge with CUSTOM_CHALLENGE: the answer is verified, then DefineAuthChallenge decides again.
    func answerCustomChallenge(session: String?, responses: [String: String], client: LiveClient) async throws(CognitoError) -> InitiateAuthResponse {
        guard let session, let pending = challengeSessions.removeValue(forKey: session), pending.clientID == client.id,
            pending.challenge == "CUSTOM_CHALLENGE", let asked = pending.custom
        else { throw .notAuthorized("Invalid session for the user.") }
        guard pending.expires > clock.now else { throw .notAuthorized("Invalid session for the user, session is expired.") }
        guard let answer = responses["ANSWER"] else { throw .invalidParameter("Missing required parameter ANSWER") }
        let pool = try pool(pending.poolID)
        try checkSecretHash(responses["SECRET_HASH"], username: pending.username, client: client)
        let found = try database({ db in try StoredUser.fetchOne(db, key: ["poolId": pool.id, "username": pending.username]) }, write: false)
        guard let user = found, user.enabled else { throw .incorrectCredentials }
        let verdict = try await runTrigger(
            "VerifyAuthChallengeResponse",
            source: "VerifyAuthChallengeResponse_Authentication",
            pool: pool,
            username: user.username,
            clientID: client.id,
            request: .init(
                userAttributes: triggerAttributes(of: user),
                clientMetadata: asked.clientMetadata,
                userNotFound: false,
                privateChallengeParameters: asked.privateParameters,
                challengeAnswer: answer
            )
        )
        var state = asked
        state.results.append(
            .init(challengeName: "CUSTOM_CHALLENGE", challengeResult: verdict?.answerCorrect == true, challengeMetadata: state.metadata)
        )
        return try await nextCustomStep(user: user, state: state, client: client, pool: pool)
    }

    /// Asks DefineAuthChallenge what comes next: tokens, a failure, or another challenge.
    private func nextCustomStep(
        user: StoredUser,
        state: CustomAuthState,
        client: LiveClient,
        pool: LivePool
    ) async throws(CognitoError) -> InitiateAuthResponse {
        let decision =
            try await runTrigger(
                "DefineAuthChallenge",
                source: "DefineAuthChallenge_Authentication",
                pool: pool,
                username: user.username,
                clientID: client.id,
                request: .init(
                    userAttributes: triggerAttributes(of: user),
                    clientMetadata: state.clientMetadata,
                    userNotFound: false,
                    session: state.results
                )
            ) ?? .init()
        if decision.failAuthentication == true { throw .incorrectCredentials }
        if decision.issueTokens == true {
            return try await completeSignIn(user, client: client, pool: pool, clientMetadata: state.clientMetadata)
        }
        guard decision.challengeName == "CUSTOM_CHALLENGE" else {
            throw .invalidLambdaResponse("Invalid challenge name: \(decision.challengeName ?? "null"); the emulator poses CUSTOM_CHALLENGE")
        }
        let challenge = try await runTrigger(
            "CreateAuthChallenge",
            source: "CreateAuthChallenge_Authentication",
            pool: pool,
            username: user.username,
            clientID: client.id,
            request: .init(
                userAttributes: triggerAttributes(of: user),
                clientMetadata: state.clientMetadata,
                userNotFound: false,
                session: state.results,
                challengeName: "CUSTOM_CHALLENGE"
            )
        )
        guard let challenge else { throw .invalidParameter("Custom auth lambda trigger is not configured for the user pool.") }
        var next = state
        next.privateParameters = challenge.privateChallengeParameters ?? [:]
        next.metadata = challenge.challengeMetadata
        let session = Base64URL.encode(SecureRandom.bytes(96))
        let now = clock.now
        challengeSessions = challengeSessions.filter { $0.value.expires > now }
        challengeSessions[session] = ChallengeSession(
            poolID: pool.id,
            clientID: client.id,
            username: user.username,
            challenge: "CUSTOM_CHALLENGE",
            expires: now + 180,
            custom: next
        )
        var parameters = challenge.publicChallengeParameters ?? [:]
        parameters["USERNAME"] = user.username
        return InitiateAuthResponse(ChallengeName: "CUSTOM_CHALLENGE", Session: session, ChallengeParameters: parameters, AuthenticationResult: nil)
    }
}
