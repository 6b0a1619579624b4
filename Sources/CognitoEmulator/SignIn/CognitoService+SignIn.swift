import EmulatorCore
import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A sign-in between two requests: its user, client and pool, until when it may be answered, and
/// where its ``SignInMachine`` stands. Kept under the key its challenge is answered by (a session,
/// an SRP secret block, or a device).
struct PendingSignIn: Sendable {
    var poolID: String
    var clientID: String
    var username: String
    var expires: Double
    var clientMetadata: [String: String]?
    var machine: SignInMachine
}

/// What one request brings to a sign-in: the user as stored now, the client and pool, the request's
/// parameters (`AuthParameters` or `ChallengeResponses`), and the key the sign-in was taken out
/// from (nil for a new one).
struct SignInStep {
    var user: StoredUser
    let client: LiveClient
    let pool: LivePool
    var signIn: PendingSignIn
    let parameters: [String: String]
    var openedKey: String? = nil
}

extension CognitoService {
    /// How long a challenge may be answered (Cognito's sign-in sessions last three minutes).
    static let signInStepValidity: Double = 180

    /// A new sign-in of `user`, its machine in the pool's MFA setting.
    func newSignIn(
        of user: StoredUser,
        client: LiveClient,
        pool: LivePool,
        parameters: [String: String],
        clientMetadata: [String: String]?
    )
        -> SignInStep
    {
        let mfa = MFAConfiguration(rawValue: pool.configuration.mfaConfiguration) ?? .off
        let signIn = PendingSignIn(
            poolID: pool.id,
            clientID: client.id,
            username: user.username,
            expires: clock.now + Self.signInStepValidity,
            clientMetadata: clientMetadata,
            machine: SignInMachine(mfa: mfa)
        )
        return SignInStep(user: user, client: client, pool: pool, signIn: signIn, parameters: parameters)
    }

    /// Does the machine's actions until it poses a challenge, issues tokens or fails.
    func advance(_ first: SignInMachine.Action, _ step: inout SignInStep) async throws(CognitoError) -> InitiateAuthResponse {
        var action = first
        var delivery: [String: String] = [:]
        while true {
            switch action {
            case .checkPassword:
                guard let password = step.parameters["PASSWORD"] else { throw .invalidParameter("Missing required parameter PASSWORD") }
                let matches = await Self.passwordMatches(password, user: step.user, pool: step.pool)
                step.user = try recordPasswordAttempt(step.user, matched: matches, client: step.client, pool: step.pool)
                action = step.signIn.machine.receive(.firstFactorVerified(try facts(of: step)))
            case .startSRP(let deviceKey):
                action = step.signIn.machine.receive(.srpStarted(try await startSRP(step, deviceKey: deviceKey)))
            case .sendCode(let medium, let challenge):
                let sent = try await sendSignInCode(
                    medium,
                    for: challenge,
                    to: step.user,
                    pool: step.pool,
                    clientID: step.client.id,
                    clientMetadata: step.signIn.clientMetadata
                )
                delivery = sent.parameters
                action = step.signIn.machine.receive(.codeSent(sent.code))
            case .makePasskeyChallenge:
                action = step.signIn.machine.receive(.passkeyChallengeMade(SecureRandom.bytes(32)))
            case .runTrigger(let trigger):
                action = step.signIn.machine.receive(try await run(trigger, step))
            case .challenge(let name):
                return try pose(name, &step, delivery: delivery)
            case .issueTokens(let source, let offersDevice):
                var result = try await startSession(
                    user: step.user,
                    client: step.client,
                    pool: step.pool,
                    source: source.rawValue,
                    clientMetadata: step.signIn.clientMetadata
                )
                if offersDevice { result.NewDeviceMetadata = try offerDevice(to: step.user, pool: step.pool) }
                return InitiateAuthResponse(ChallengeName: nil, Session: nil, ChallengeParameters: [:], AuthenticationResult: result)
            case .reject(let error), .fail(let error):
                throw error
            }
        }
    }

    /// What the machine decides on about the step's user, read now.
    func facts(of step: SignInStep) throws(CognitoError) -> SignInMachine.UserFacts {
        let user = step.user
        var device: Device?
        if let key = step.parameters["DEVICE_KEY"] { device = try self.device(key, of: user.username, pool: step.pool) }
        return SignInMachine.UserFacts(
            status: user.status,
            temporaryPasswordExpired: user.temporaryPasswordExpires.map { $0 < clock.now } ?? false,
            mfaMethods: mfaMethods(of: user),
            preferredMFA: user.preferredMfa,
            confirmedDevice: device?.isConfirmed == true ? device?.key : nil
        )
    }

    /// SRP values for the user's password verifier, or for the device's when it has a key.
    private func startSRP(_ step: SignInStep, deviceKey: String?) async throws(CognitoError) -> SRPExchange {
        guard let srpA = step.parameters["SRP_A"] else { throw .invalidParameter("Missing required parameter SRP_A") }
        guard let a = BigNumber(hex: srpA), !a.modulo(SRPServer.modulus).isZero else { throw .invalidParameter("SRP_A is not a valid SRP value") }
        let verifier: Data
        if let deviceKey {
            guard let device = try device(deviceKey, of: step.user.username, pool: step.pool),
                let stored = device.verifier.flatMap({ Data(base64Encoded: $0) })
            else { throw .incorrectCredentials }
            verifier = stored
        } else {
            guard step.user.passwordSalt != nil, let stored = step.user.passwordVerifier else { throw .incorrectCredentials }
            verifier = stored
        }
        let (b, bigB) = await SRPServer.serverValues(verifier: [UInt8](verifier))
        return SRPExchange(a: a, b: b, bigB: bigB, secretBlock: Data(SecureRandom.bytes(64)).base64EncodedString())
    }

    /// Runs a trigger the machine asked for and turns its answer into the machine's event.
    private func run(_ trigger: SignInTrigger, _ step: SignInStep) async throws(CognitoError) -> SignInMachine.Event {
        let attributes = triggerAttributes(of: step.user)
        let metadata = step.signIn.clientMetadata
        let progress = step.signIn.machine.customProgress ?? CustomAuthProgress()
        let results = progress.outcomes.map {
            CognitoTriggerEvent.ChallengeResult(challengeName: "CUSTOM_CHALLENGE", challengeResult: $0.correct, challengeMetadata: $0.metadata)
        }
        func call(_ request: CognitoTriggerEvent.Request) async throws(CognitoError) -> CognitoTriggerEvent.Response? {
            try await runTrigger(
                trigger.rawValue,
                source: "\(trigger.rawValue)_Authentication",
                pool: step.pool,
                username: step.user.username,
                clientID: step.client.id,
                request: request
            )
        }
        switch trigger {
        case .postAuthentication:
            _ = try await call(.init(userAttributes: attributes, clientMetadata: metadata, newDeviceUsed: false))
            return .postAuthenticationPassed
        case .defineAuthChallenge:
            let decision =
                try await call(.init(userAttributes: attributes, clientMetadata: metadata, userNotFound: false, session: results)) ?? .init()
            let verdict: SignInMachine.CustomDecision =
                decision.failAuthentication == true
                ? .failAuthentication : decision.issueTokens == true ? .issueTokens : .challenge(decision.challengeName)
            return .customDecided(verdict, try facts(of: step))
        case .createAuthChallenge:
            let request = CognitoTriggerEvent.Request(
                userAttributes: attributes,
                clientMetadata: metadata,
                userNotFound: false,
                session: results,
                challengeName: "CUSTOM_CHALLENGE"
            )
            guard let challenge = try await call(request) else {
                throw .invalidParameter("Custom auth lambda trigger is not configured for the user pool.")
            }
            return .customChallengeCreated(
                publicParameters: challenge.publicChallengeParameters ?? [:],
                privateParameters: challenge.privateChallengeParameters ?? [:],
                metadata: challenge.challengeMetadata
            )
        case .verifyAuthChallengeResponse:
            let request = CognitoTriggerEvent.Request(
                userAttributes: attributes,
                clientMetadata: metadata,
                userNotFound: false,
                privateChallengeParameters: progress.privateParameters,
                challengeAnswer: progress.answer ?? ""
            )
            return .customAnswerVerified(correct: try await call(request)?.answerCorrect == true)
        }
    }

    /// Answers with the challenge the machine poses, and keeps the sign-in under the key that
    /// challenge is answered by: its `SECRET_BLOCK` for the SRP verifiers, the device for
    /// DEVICE_SRP_AUTH (neither comes back with a session), else a new session.
    private func pose(_ name: ChallengeName, _ step: inout SignInStep, delivery: [String: String]) throws(CognitoError) -> InitiateAuthResponse {
        let user = step.user
        let machine = step.signIn.machine
        var parameters = ["USER_ID_FOR_SRP": user.username]
        var available: [String]?
        var key = Base64URL.encode(SecureRandom.bytes(96))
        var session: String? = key
        switch machine.state {
        case .awaitingPasswordClaim(let exchange, nil):
            parameters.merge([
                "SALT": user.passwordSalt ?? "", "SECRET_BLOCK": exchange.secretBlock, "SRP_B": exchange.bigB.hex, "USERNAME": user.username,
            ]) { _, new in new }
            (key, session) = (exchange.secretBlock, nil)
        case .awaitingPasswordClaim(let exchange, let deviceKey?):
            let salt = try device(deviceKey, of: user.username, pool: step.pool)?.salt.flatMap { Data(base64Encoded: $0) } ?? Data()
            parameters = [
                "USERNAME": user.username, "DEVICE_KEY": deviceKey, "SALT": [UInt8](salt).hexString, "SRP_B": exchange.bigB.hex,
                "SECRET_BLOCK": exchange.secretBlock,
            ]
            (key, session) = (exchange.secretBlock, nil)
        case .awaitingDeviceSRP(let deviceKey):
            parameters = ["USERNAME": user.username, "DEVICE_KEY": deviceKey]
            (key, session) = (Self.deviceSignInKey(step.pool.id, user.username, deviceKey, step.client.id), nil)
        case .awaitingNewPassword:
            let attributes = JSONValue.object(user.attributes.list.map { .init($0.Name, .string($0.Value ?? "")) })
            let required = step.pool.configuration.requiredAttributes.filter { attribute($0.Name, of: user) == nil }.map {
                "userAttributes.\($0.Name)"
            }
            parameters["requiredAttributes"] = JSONValue.array(required.map(JSONValue.string)).serialized
            parameters["userAttributes"] = attributes.serialized
        case .awaitingSignInCode:
            parameters = delivery
        case .awaitingMFACode:
            parameters.merge(delivery) { _, new in new }
        case .settingUpMFA:
            parameters["MFAS_CAN_SETUP"] = #"["SOFTWARE_TOKEN_MFA"]"#
        case .choosingMFA(let methods):
            parameters["MFAS_CAN_CHOOSE"] = JSONValue.array(methods.map { .string($0.rawValue) }).serialized
        case .choosingFirstFactor(let factors):
            parameters = [:]
            available = factors.map(\.rawValue)
        case .awaitingCustomAnswer(let progress):
            parameters = progress.publicParameters
            parameters["USERNAME"] = user.username
        case .awaitingPasskey(let challenge):
            parameters = ["CREDENTIAL_REQUEST_OPTIONS": try passkeyRequestOptions(challenge, for: user, pool: step.pool).serialized]
        default:
            throw .internalError("The sign-in posed \(name.rawValue) from a state that has none.")
        }
        let now = clock.now
        step.signIn.expires = now + Self.signInStepValidity
        pendingSignIns = pendingSignIns.filter { $0.value.expires > now }
        pendingSignIns[key] = step.signIn
        step.openedKey = nil
        var answer = InitiateAuthResponse(ChallengeName: name.rawValue, Session: session, ChallengeParameters: parameters, AuthenticationResult: nil)
        answer.AvailableChallenges = available
        return answer
    }

    /// The key a DEVICE_SRP_AUTH sign-in waits under: the device, its user and the client.
    static func deviceSignInKey(_ poolID: String, _ username: String, _ deviceKey: String, _ clientID: String) -> String {
        "device:\(poolID)/\(username)/\(deviceKey)/\(clientID)"
    }
}
