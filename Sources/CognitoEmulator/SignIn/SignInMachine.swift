package import EmulatorCrypto

/// One sign-in, from the moment its user is known to its tokens, as a pure state machine: the
/// service feeds it events (a password checked out, a code answered, a trigger's verdict) and does
/// the actions it answers with (pose a challenge, send a code, run a trigger, issue tokens, fail).
///
/// It does no I/O and reads no clock: whatever it decides on comes in with the events (the user's
/// status and MFA methods as ``UserFacts``, whether an SRP claim or a TOTP code checked out, the codes
/// and nonces the service generated). An event the state does not expect fails the sign-in with
/// "Invalid session for the user.", as Cognito answers a session used for the wrong step.
///
/// The order of steps follows Cognito's: the first factor (password, SRP, a one-time code, a passkey,
/// or custom challenges); then the user's status (a temporary password must be replaced); then a
/// confirmed device the client names (DEVICE_SRP_AUTH), which skips MFA when remembered; then MFA as
/// the pool's `MfaConfiguration` and the user's methods ask (SELECT_MFA_TYPE when the user enabled
/// several and prefers none; MFA_SETUP when the pool requires MFA and the user has none); then the
/// PostAuthentication trigger and the tokens. A one-time code or passkey as first factor is the whole
/// sign-in: no MFA follows.
package struct SignInMachine: Sendable, Equatable {
    /// Where a sign-in stands.
    package enum State: Sendable, Equatable {
        /// The user is known; no factor is proved yet.
        case identified
        /// The password given with the request is being checked.
        case checkingPassword
        /// USER_AUTH's SELECT_CHALLENGE: waiting for one of these factors to be chosen.
        case choosingFirstFactor([FirstFactor])
        /// SRP values are being made for the user's verifier (or, with a device key, the device's).
        case startingSRP(deviceKey: String?)
        /// PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER: waiting for the claim.
        case awaitingPasswordClaim(SRPExchange, deviceKey: String?)
        /// A code is being sent for a challenge: a first factor's (EMAIL_OTP, SMS_OTP) or an MFA method's.
        case sendingCode(ChallengeName, firstFactor: Bool)
        /// EMAIL_OTP or SMS_OTP as the first factor: waiting for the code sent.
        case awaitingSignInCode(ChallengeName, code: String)
        /// A passkey challenge is being made.
        case makingPasskeyChallenge
        /// WEB_AUTHN: waiting for an assertion over this challenge.
        case awaitingPasskey(challenge: [UInt8])
        /// CUSTOM_AUTH: a trigger is deciding, creating or verifying.
        case runningCustomTrigger(SignInTrigger, CustomAuthProgress)
        /// CUSTOM_CHALLENGE: waiting for the answer.
        case awaitingCustomAnswer(CustomAuthProgress)
        /// NEW_PASSWORD_REQUIRED: waiting for the new password.
        case awaitingNewPassword
        /// DEVICE_SRP_AUTH: waiting for the device's `SRP_A`.
        case awaitingDeviceSRP(deviceKey: String)
        /// SELECT_MFA_TYPE: waiting for one of these methods to be chosen.
        case choosingMFA([MFAMethod])
        /// An MFA challenge: waiting for the code (nil: a software token's, checked by the service).
        case awaitingMFACode(MFAMethod, code: String?)
        /// MFA_SETUP: waiting for VerifySoftwareToken (`verified`), then for the answer.
        case settingUpMFA(verified: Bool)
        /// PostAuthentication is running; the tokens come next.
        case finishing(TokenSource)
        /// Tokens issued.
        case signedIn
        /// Refused; nothing further is accepted.
        case failed
    }

    /// What the sign-in decides on about its user, read from the store when an event needs it.
    package struct UserFacts: Sendable, Equatable {
        package var status: UserStatus
        /// A FORCE_CHANGE_PASSWORD user's temporary password has expired.
        package var temporaryPasswordExpired: Bool
        /// The MFA methods the user enabled and can receive codes for, in Cognito's order.
        package var mfaMethods: [MFAMethod]
        package var preferredMFA: MFAMethod?
        /// The key of a confirmed device of the user the client named (`DEVICE_KEY`).
        package var confirmedDevice: String?

        package init(
            status: UserStatus,
            temporaryPasswordExpired: Bool = false,
            mfaMethods: [MFAMethod] = [],
            preferredMFA: MFAMethod? = nil,
            confirmedDevice: String? = nil
        ) {
            self.status = status
            self.temporaryPasswordExpired = temporaryPasswordExpired
            self.mfaMethods = mfaMethods
            self.preferredMFA = preferredMFA
            self.confirmedDevice = confirmedDevice
        }
    }

    /// DefineAuthChallenge's decision.
    package enum CustomDecision: Sendable, Equatable {
        case issueTokens
        case failAuthentication
        /// Pose this challenge (Cognito's custom flow poses `CUSTOM_CHALLENGE`).
        case challenge(String?)
    }

    /// What happens to a sign-in.
    package enum Event: Sendable, Equatable {
        /// The password or SRP claim checked out (the service counted the attempt).
        case firstFactorVerified(UserFacts)
        /// USER_AUTH: a factor was named (`PREFERRED_CHALLENGE` or SELECT_CHALLENGE's `ANSWER`).
        case firstFactorChosen(String)
        /// SRP values were made.
        case srpStarted(SRPExchange)
        /// A code was sent.
        case codeSent(String)
        /// A sent code was answered with this.
        case codeAnswered(String)
        /// A software-token code was answered; the service checked it against the secret and the time.
        case softwareTokenAnswered(valid: Bool)
        /// MFA_SETUP was answered.
        case mfaSetupAnswered
        /// SELECT_MFA_TYPE was answered with this.
        case mfaChosen(String)
        /// A passkey challenge was made.
        case passkeyChallengeMade([UInt8])
        /// The passkey's assertion checked out.
        case passkeyVerified
        /// The new password was stored; the facts are the user's now.
        case newPasswordSet(UserFacts)
        /// DEVICE_SRP_AUTH was answered with the device's `SRP_A`.
        case deviceSRPAnswered
        /// The device's claim checked out, or not; `remembered`: a remembered device in a pool where that
        /// stands in for MFA (`ChallengeRequiredOnNewDevice`).
        case deviceVerified(valid: Bool, remembered: Bool, UserFacts)
        /// DefineAuthChallenge decided; the facts are the user's.
        case customDecided(CustomDecision, UserFacts)
        /// CreateAuthChallenge made a challenge.
        case customChallengeCreated(publicParameters: [String: String], privateParameters: [String: String], metadata: String?)
        /// CUSTOM_CHALLENGE was answered with this.
        case customAnswered(String)
        /// VerifyAuthChallengeResponse judged the answer.
        case customAnswerVerified(correct: Bool)
        /// The PostAuthentication trigger let the sign-in through (or there is none).
        case postAuthenticationPassed
    }

    /// What the service must do next.
    package enum Action: Sendable, Equatable {
        /// Check the password the request carries, then send ``Event/firstFactorVerified(_:)``.
        case checkPassword
        /// Make SRP values (for the device when it has a key), then send ``Event/srpStarted(_:)``.
        case startSRP(deviceKey: String?)
        /// Send a code this way for this challenge, then send ``Event/codeSent(_:)``.
        case sendCode(CodeDelivery, for: ChallengeName)
        /// Make a passkey challenge, then send ``Event/passkeyChallengeMade(_:)``.
        case makePasskeyChallenge
        /// Run this trigger, then send its event.
        case runTrigger(SignInTrigger)
        /// Answer with this challenge and keep the sign-in for the answer.
        case challenge(ChallengeName)
        /// Issue tokens (offering a new device when the sign-in proved none) and forget the sign-in.
        case issueTokens(TokenSource, offerDevice: Bool)
        /// Refuse this answer with this error; the sign-in still waits on the same challenge.
        case reject(CognitoError)
        /// Refuse the sign-in with this error and forget it.
        case fail(CognitoError)
    }

    /// Where the sign-in stands.
    package private(set) var state: State
    /// The pool's MFA setting.
    package let mfa: MFAConfiguration
    /// The device the sign-in proved (DEVICE_PASSWORD_VERIFIER), if any.
    package private(set) var provedDevice: String?

    /// A sign-in of a known user in a pool with this MFA setting.
    package init(mfa: MFAConfiguration) {
        self.state = .identified
        self.mfa = mfa
    }

    /// The challenge the sign-in waits on, which RespondToAuthChallenge must name; nil between steps.
    package var awaitedChallenge: ChallengeName? {
        switch state {
        case .choosingFirstFactor: .selectChallenge
        case .awaitingPasswordClaim(_, let device): device == nil ? .passwordVerifier : .devicePasswordVerifier
        case .awaitingSignInCode(let challenge, _): challenge
        case .awaitingPasskey: .webAuthn
        case .awaitingCustomAnswer: .customChallenge
        case .awaitingNewPassword: .newPasswordRequired
        case .awaitingDeviceSRP: .deviceSRPAuth
        case .choosingMFA: .selectMFAType
        case .awaitingMFACode(let method, _): method.challenge
        case .settingUpMFA: .mfaSetup
        default: nil
        }
    }

    // MARK: - Starting

    /// A password sign-in (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH).
    package mutating func startWithPassword() -> Action {
        guard state == .identified else { return refuse() }
        state = .checkingPassword
        return .checkPassword
    }

    /// USER_SRP_AUTH.
    package mutating func startWithSRP() -> Action {
        guard state == .identified else { return refuse() }
        state = .startingSRP(deviceKey: nil)
        return .startSRP(deviceKey: nil)
    }

    /// CUSTOM_AUTH: DefineAuthChallenge decides first.
    package mutating func startCustom() -> Action {
        guard state == .identified else { return refuse() }
        let progress = CustomAuthProgress()
        state = .runningCustomTrigger(.defineAuthChallenge, progress)
        return .runTrigger(.defineAuthChallenge)
    }

    /// USER_AUTH: the factor named when it is available, else SELECT_CHALLENGE among `available`.
    package mutating func startChoosing(among available: [FirstFactor], preferred: String?) -> Action {
        guard state == .identified else { return refuse() }
        if let preferred, let factor = FirstFactor(rawValue: preferred), available.contains(factor) { return begin(factor) }
        guard !available.isEmpty else { return fail(.notAuthorized("The user has no sign-in factor this pool allows.")) }
        state = .choosingFirstFactor(available)
        return .challenge(.selectChallenge)
    }

    // MARK: - Events

    /// Moves the sign-in on by `event`.
    package mutating func receive(_ event: Event) -> Action {
        switch (state, event) {
        case (.checkingPassword, .firstFactorVerified(let user)):
            return afterFirstFactor(user)
        case (.choosingFirstFactor(let available), .firstFactorChosen(let answer)):
            guard let factor = FirstFactor(rawValue: answer), available.contains(factor) else {
                return .reject(.invalidParameter("ANSWER must be one of the available challenges."))
            }
            return begin(factor)
        case (.startingSRP(let device), .srpStarted(let exchange)):
            state = .awaitingPasswordClaim(exchange, deviceKey: device)
            return .challenge(device == nil ? .passwordVerifier : .devicePasswordVerifier)
        case (.awaitingPasswordClaim(_, nil), .firstFactorVerified(let user)):
            return afterFirstFactor(user)
        case (.awaitingPasswordClaim(_, let device?), .deviceVerified(let valid, let remembered, let user)):
            guard valid else { return fail(.incorrectCredentials) }
            provedDevice = device
            return remembered ? finish(.authentication) : mfaStep(user) ?? finish(.authentication)
        case (.sendingCode(let challenge, true), .codeSent(let code)):
            state = .awaitingSignInCode(challenge, code: code)
            return .challenge(challenge)
        case (.sendingCode(let challenge, false), .codeSent(let code)):
            state = .awaitingMFACode(challenge == .smsMFA ? .sms : .email, code: code)
            return .challenge(challenge)
        case (.awaitingSignInCode(_, let expected), .codeAnswered(let answer)):
            guard Self.same(answer, expected) else { return .reject(.codeMismatch("Invalid code received for user")) }
            return finish(.authentication)
        case (.makingPasskeyChallenge, .passkeyChallengeMade(let challenge)):
            state = .awaitingPasskey(challenge: challenge)
            return .challenge(.webAuthn)
        case (.awaitingPasskey, .passkeyVerified):
            return finish(.authentication)
        case (.runningCustomTrigger(.defineAuthChallenge, let progress), .customDecided(let decision, let user)):
            switch decision {
            case .failAuthentication: return fail(.incorrectCredentials)
            case .issueTokens: return afterFirstFactor(user)
            case .challenge("CUSTOM_CHALLENGE"):
                state = .runningCustomTrigger(.createAuthChallenge, progress)
                return .runTrigger(.createAuthChallenge)
            case .challenge(let other):
                return fail(.invalidLambdaResponse("Invalid challenge name: \(other ?? "null"); the emulator poses CUSTOM_CHALLENGE"))
            }
        case (.runningCustomTrigger(.createAuthChallenge, var progress), .customChallengeCreated(let shown, let kept, let metadata)):
            progress.publicParameters = shown
            progress.privateParameters = kept
            progress.metadata = metadata
            state = .awaitingCustomAnswer(progress)
            return .challenge(.customChallenge)
        case (.awaitingCustomAnswer(var progress), .customAnswered(let answer)):
            progress.answer = answer
            state = .runningCustomTrigger(.verifyAuthChallengeResponse, progress)
            return .runTrigger(.verifyAuthChallengeResponse)
        case (.runningCustomTrigger(.verifyAuthChallengeResponse, var progress), .customAnswerVerified(let correct)):
            progress.outcomes.append(.init(correct: correct, metadata: progress.metadata))
            progress.answer = nil
            state = .runningCustomTrigger(.defineAuthChallenge, progress)
            return .runTrigger(.defineAuthChallenge)
        case (.awaitingNewPassword, .newPasswordSet(let user)):
            return mfaStep(user) ?? finish(.newPasswordChallenge)
        case (.awaitingDeviceSRP(let device), .deviceSRPAnswered):
            state = .startingSRP(deviceKey: device)
            return .startSRP(deviceKey: device)
        case (.choosingMFA(let methods), .mfaChosen(let answer)):
            guard let method = MFAMethod(rawValue: answer), methods.contains(method) else {
                return .reject(.invalidParameter("ANSWER must be one of the MFA types in MFAS_CAN_CHOOSE."))
            }
            return ask(method)
        case (.awaitingMFACode(_, let expected?), .codeAnswered(let answer)):
            guard Self.same(answer, expected) else { return .reject(.codeMismatch("Invalid code received for user")) }
            return finish(.authentication)
        case (.awaitingMFACode(.softwareToken, nil), .softwareTokenAnswered(let valid)):
            guard valid else { return .reject(.codeMismatch("Invalid code received for user")) }
            return finish(.authentication)
        case (.settingUpMFA(let verified), .mfaSetupAnswered):
            guard verified else {
                return .reject(
                    .invalidParameter(
                        "Software token MFA has not been verified; call AssociateSoftwareToken and VerifySoftwareToken with this session first"
                    )
                )
            }
            return finish(.authentication)
        case (.finishing(let source), .postAuthenticationPassed):
            state = .signedIn
            return .issueTokens(source, offerDevice: provedDevice == nil)
        default:
            return refuse()
        }
    }

    /// VerifySoftwareToken with this sign-in's session: MFA_SETUP may now be answered. False when the
    /// sign-in is not setting up MFA.
    package mutating func softwareTokenVerified() -> Bool {
        guard case .settingUpMFA = state else { return false }
        state = .settingUpMFA(verified: true)
        return true
    }

    /// The custom flow's progress, while it is in one.
    package var customProgress: CustomAuthProgress? {
        switch state {
        case .runningCustomTrigger(_, let progress), .awaitingCustomAnswer(let progress): progress
        default: nil
        }
    }

    /// The SRP values of a pending PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER.
    package var srpExchange: SRPExchange? {
        if case .awaitingPasswordClaim(let exchange, _) = state { return exchange }
        return nil
    }

    // MARK: - Steps

    /// The challenge of a chosen first factor, or the check of the password that came with the choice.
    private mutating func begin(_ factor: FirstFactor) -> Action {
        switch factor {
        case .password:
            state = .checkingPassword
            return .checkPassword
        case .passwordSRP:
            state = .startingSRP(deviceKey: nil)
            return .startSRP(deviceKey: nil)
        case .emailOTP:
            state = .sendingCode(.emailOTP, firstFactor: true)
            return .sendCode(.email, for: .emailOTP)
        case .smsOTP:
            state = .sendingCode(.smsOTP, firstFactor: true)
            return .sendCode(.sms, for: .smsOTP)
        case .webAuthn:
            state = .makingPasskeyChallenge
            return .makePasskeyChallenge
        }
    }

    /// After the first factor: the user's status, then a named device, then MFA, then tokens.
    private mutating func afterFirstFactor(_ user: UserFacts) -> Action {
        switch user.status {
        case .unconfirmed: return fail(.userNotConfirmed())
        case .resetRequired: return fail(.passwordResetRequired())
        case .forceChangePassword:
            guard !user.temporaryPasswordExpired else {
                return fail(.notAuthorized("Temporary password has expired and must be reset by an administrator."))
            }
            state = .awaitingNewPassword
            return .challenge(.newPasswordRequired)
        case .confirmed, .externalProvider:
            // A confirmed device the client names proves itself first; a remembered one then skips MFA.
            if let device = user.confirmedDevice {
                state = .awaitingDeviceSRP(deviceKey: device)
                return .challenge(.deviceSRPAuth)
            }
            return mfaStep(user) ?? finish(.authentication)
        }
    }

    /// The MFA challenge the pool and the user's methods ask for, or nil when none is due.
    private mutating func mfaStep(_ user: UserFacts) -> Action? {
        guard mfa != .off else { return nil }
        if user.mfaMethods.isEmpty {
            guard mfa == .on else { return nil }
            state = .settingUpMFA(verified: false)
            return .challenge(.mfaSetup)
        }
        if let preferred = user.preferredMFA, user.mfaMethods.contains(preferred) { return ask(preferred) }
        if user.mfaMethods.count == 1 { return ask(user.mfaMethods[0]) }
        state = .choosingMFA(user.mfaMethods)
        return .challenge(.selectMFAType)
    }

    private mutating func ask(_ method: MFAMethod) -> Action {
        guard let delivery = method.delivery else {
            state = .awaitingMFACode(.softwareToken, code: nil)
            return .challenge(.softwareTokenMFA)
        }
        state = .sendingCode(method.challenge, firstFactor: false)
        return .sendCode(delivery, for: method.challenge)
    }

    private mutating func finish(_ source: TokenSource) -> Action {
        state = .finishing(source)
        return .runTrigger(.postAuthentication)
    }

    private mutating func fail(_ error: CognitoError) -> Action {
        state = .failed
        return .fail(error)
    }

    private mutating func refuse() -> Action { fail(.notAuthorized("Invalid session for the user.")) }

    private static func same(_ answer: String, _ expected: String) -> Bool {
        Digest.constantTimeEquals(Array(answer.utf8), Array(expected.utf8))
    }
}

/// The SRP values of a PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) exchange.
package struct SRPExchange: Sendable, Equatable {
    package var a: BigNumber
    package var b: BigNumber
    package var bigB: BigNumber
    /// The `SECRET_BLOCK` handed out with the challenge (base64), which the claim must return.
    package var secretBlock: String

    package init(a: BigNumber, b: BigNumber, bigB: BigNumber, secretBlock: String) {
        self.a = a
        self.b = b
        self.bigB = bigB
        self.secretBlock = secretBlock
    }

    /// Two exchanges are the same when they handed out the same secret block (it is random).
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.secretBlock == rhs.secretBlock }
}

/// A CUSTOM_AUTH sign-in between challenges: the outcomes so far and the challenge posed.
package struct CustomAuthProgress: Sendable, Equatable {
    /// One challenge answered.
    package struct Outcome: Sendable, Equatable {
        package var correct: Bool
        package var metadata: String?

        package init(correct: Bool, metadata: String?) {
            self.correct = correct
            self.metadata = metadata
        }
    }

    package var outcomes: [Outcome] = []
    package var publicParameters: [String: String] = [:]
    package var privateParameters: [String: String] = [:]
    package var metadata: String?
    /// The answer being verified.
    package var answer: String?

    package init() {}
}
