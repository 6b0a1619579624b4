import EmulatorCore
import EmulatorCrypto
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RespondToAuthChallenge: the pending sign-in the answer names is opened, the answer is checked
/// (a password claim, a code, a new password, a passkey's assertion) and becomes the machine's event.
extension CognitoService {
    /// RespondToAuthChallenge.
    package func respondToAuthChallenge(_ request: RespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        let client = try client(request.ClientId)
        return try await respond(
            challenge: request.ChallengeName,
            session: request.Session,
            responses: request.ChallengeResponses ?? [:],
            client: client
        )
    }

    /// AdminRespondToAuthChallenge.
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
        challenge name: String,
        session: String?,
        responses: [String: String],
        client: LiveClient
    ) async throws(CognitoError)
        -> InitiateAuthResponse
    {
        guard let challenge = ChallengeName(rawValue: name) else {
            throw .invalidParameter("\(name) is not a challenge a sign-in poses; answer the ChallengeName the last response named")
        }
        // Opening takes the sign-in out, so two answers to one challenge never interleave.
        var step = try open(challenge, session: session, responses: responses, client: client)
        let opened = step.signIn
        do {
            let event = try await event(answering: challenge, &step)
            return try await advance(step.signIn.machine.receive(event), &step)
        } catch {
            // A refused answer leaves the sign-in waiting on the same challenge (a mistyped code may be
            // tried again); one the machine ended does not come back, nor does an SRP verifier or a
            // custom challenge, which are answered once.
            if let key = step.openedKey, step.signIn.machine.state != .failed, !Self.answeredOnce.contains(challenge) {
                pendingSignIns[key] = opened
            }
            throw error
        }
    }

    /// Challenges whose pending sign-in is spent by one answer, right or wrong.
    private static let answeredOnce: Set<ChallengeName> = [.passwordVerifier, .devicePasswordVerifier, .customChallenge]

    /// Takes out the pending sign-in the answer is for, with its user (still enabled) and pool; refused
    /// when the key is unknown, another client's, waiting on another challenge, or expired.
    private func open(
        _ challenge: ChallengeName,
        session: String?,
        responses: [String: String],
        client: LiveClient
    ) throws(CognitoError)
        -> SignInStep
    {
        let key: String
        var invalid = CognitoError.notAuthorized("Invalid session for the user.")
        switch challenge {
        case .passwordVerifier, .devicePasswordVerifier:
            guard let block = responses["PASSWORD_CLAIM_SECRET_BLOCK"], responses["PASSWORD_CLAIM_SIGNATURE"] != nil, responses["TIMESTAMP"] != nil,
                responses["USERNAME"] != nil
            else {
                throw .invalidParameter("Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE, TIMESTAMP or USERNAME")
            }
            (key, invalid) = (block, .incorrectCredentials)
        case .deviceSRPAuth:
            guard let username = responses["USERNAME"], let deviceKey = responses["DEVICE_KEY"], responses["SRP_A"] != nil else {
                throw .invalidParameter("Missing required parameter USERNAME, DEVICE_KEY or SRP_A")
            }
            let pool = try pool(client.poolID)
            let user = try database({ db in try lookupUser(pool, username, db) }, write: false)
            (key, invalid) = (Self.deviceSignInKey(pool.id, user?.username ?? username, deviceKey, client.id), .incorrectCredentials)
        default:
            key = session ?? ""
        }
        guard let pending = pendingSignIns[key], pending.clientID == client.id, pending.machine.awaitedChallenge == challenge else { throw invalid }
        guard pending.expires > clock.now else {
            pendingSignIns[key] = nil
            throw .notAuthorized("Invalid session for the user, session is expired.")
        }
        let pool = try pool(pending.poolID)
        try checkSecretHash(responses["SECRET_HASH"], username: responses["USERNAME"] ?? pending.username, client: client)
        let found = try database({ db in try CognitoStore.user(poolID: pool.id, username: pending.username, db) }, write: false)
        guard let user = found, user.enabled else { throw invalid }
        pendingSignIns[key] = nil
        return SignInStep(user: user, client: client, pool: pool, signIn: pending, parameters: responses, openedKey: key)
    }

    /// Checks the answer and says what it means to the machine.
    private func event(answering challenge: ChallengeName, _ step: inout SignInStep) async throws(CognitoError) -> SignInMachine.Event {
        let responses = step.parameters
        func required(_ name: String) throws(CognitoError) -> String {
            guard let value = responses[name] else { throw .invalidParameter("Missing required parameter \(name)") }
            return value
        }
        switch challenge {
        case .passwordVerifier:
            let matches = try await claimMatches(step, realm: step.pool.shortName, identity: step.user.username, verifier: step.user.passwordVerifier)
            step.user = try recordPasswordAttempt(step.user, matched: matches, client: step.client, pool: step.pool)
            return .firstFactorVerified(try facts(of: step))
        case .devicePasswordVerifier:
            guard case .awaitingPasswordClaim(_, let deviceKey?) = step.signIn.machine.state,
                var device = try device(deviceKey, of: step.user.username, pool: step.pool)
            else { throw .incorrectCredentials }
            let verifier = device.verifier.flatMap { Data(base64Encoded: $0) }
            let matches = try await claimMatches(step, realm: device.groupKey, identity: device.key, verifier: verifier)
            if matches {
                device.lastAuthenticated = clock.now
                try save(device, of: step.user.username, pool: step.pool)
            }
            // A remembered device stands in for MFA only where the pool says so (ChallengeRequiredOnNewDevice).
            let replacesMFA = step.pool.definition["DeviceConfiguration"]?["ChallengeRequiredOnNewDevice"] == .bool(true)
            return .deviceVerified(valid: matches, remembered: device.remembered && replacesMFA, try facts(of: step))
        case .deviceSRPAuth:
            return .deviceSRPAnswered
        case .newPasswordRequired:
            step.user = try await setNewPassword(try required("NEW_PASSWORD"), username: try required("USERNAME"), step)
            return .newPasswordSet(try facts(of: step))
        case .softwareTokenMFA:
            let code = try required("SOFTWARE_TOKEN_MFA_CODE")
            let valid = step.user.totpSecret.flatMap(Base32.decode).map { TOTP.verify(code, secret: $0, at: clock.now) } ?? false
            return .softwareTokenAnswered(valid: valid)
        case .smsMFA, .emailOTP, .smsOTP:
            return .codeAnswered(try required(challenge.rawValue + "_CODE"))
        case .mfaSetup:
            return .mfaSetupAnswered
        case .selectMFAType:
            return .mfaChosen(try required("ANSWER"))
        case .selectChallenge:
            return .firstFactorChosen(try required("ANSWER"))
        case .customChallenge:
            return .customAnswered(try required("ANSWER"))
        case .webAuthn:
            guard case .awaitingPasskey(let challenge) = step.signIn.machine.state else { throw .notAuthorized("Invalid session for the user.") }
            try verifyPasskeyAssertion(responses["CREDENTIAL"], challenge: challenge, user: step.user, pool: step.pool)
            return .passkeyVerified
        }
    }

    /// Whether the SRP claim of the step's answer is the one the pending exchange and `verifier` make.
    private func claimMatches(_ step: SignInStep, realm: String, identity: String, verifier: Data?) async throws(CognitoError) -> Bool {
        let responses = step.parameters
        guard let exchange = step.signIn.machine.srpExchange, let verifier, let claim = responses["PASSWORD_CLAIM_SIGNATURE"],
            let timestamp = responses["TIMESTAMP"], let secretBlock = Data(base64Encoded: exchange.secretBlock)
        else { throw .incorrectCredentials }
        return await SRPServer.claimMatches(
            claim,
            exchange: exchange,
            verifier: [UInt8](verifier),
            realm: realm,
            identity: identity,
            secretBlock: [UInt8](secretBlock),
            timestamp: timestamp
        )
    }

    /// NEW_PASSWORD_REQUIRED's answer: the new password (and any attributes still missing) stored, the
    /// user CONFIRMED.
    private func setNewPassword(_ newPassword: String, username: String, _ step: SignInStep) async throws(CognitoError) -> StoredUser {
        let pool = step.pool
        try checkPolicy(newPassword, pool: pool)
        let changes = step.parameters.compactMap { key, value in
            key.hasPrefix("userAttributes.") ? AttributeType(Name: String(key.dropFirst("userAttributes.".count)), Value: value) : nil
        }.sorted { $0.Name < $1.Name }
        try validate(changes, in: pool, requireRequired: false)
        let verifier = await Self.makeVerifier(newPassword, username: step.user.username, pool: pool)
        let expected = step.user.username
        return try database { db in
            guard var user = try lookupUser(pool, username, db), user.username == expected else {
                throw CognitoError.notAuthorized("Invalid session for the user.")
            }
            apply(changes, to: &user)
            if let missing = pool.configuration.requiredAttributes.first(where: { attribute($0.Name, of: user) == nil }) {
                throw CognitoError.invalidParameter("Attributes did not conform to the schema: \(missing.Name): The attribute is required")
            }
            setVerifier(verifier, on: &user)
            user.status = .confirmed
            user.temporaryPasswordExpires = nil
            user.modified = clock.now
            try user.update(db)
            return user
        }
    }
}
