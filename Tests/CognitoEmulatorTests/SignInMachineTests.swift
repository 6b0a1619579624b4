import CognitoEmulator
import EmulatorCrypto
import Testing

/// Every challenge path of a sign-in, through the state machine alone: no store, no clock, no
/// triggers — each row starts a sign-in, feeds it events and checks each action it answers with.
@Suite("Sign-in state machine")
struct SignInMachineTests {
    typealias Facts = SignInMachine.UserFacts

    /// How a path starts.
    enum Start: Sendable {
        case password, srp, custom
        case choosing([FirstFactor], preferred: String?)
    }

    /// What a step expects back.
    enum Expect: Sendable, Equatable {
        case action(SignInMachine.Action)
        /// The answer is refused and the same challenge still awaited.
        case rejects(String)
        /// The sign-in ends with this error (`Type: message`).
        case fails(String)
    }

    /// One event fed to the machine (or VerifySoftwareToken, which only marks MFA_SETUP as ready),
    /// the answer expected, and the challenge awaited afterwards when the row says.
    struct Step: Sendable {
        var event: SignInMachine.Event?
        var expect: Expect
        var awaits: ChallengeName?

        static func on(_ event: SignInMachine.Event, _ expect: Expect, awaits: ChallengeName? = nil) -> Step {
            Step(event: event, expect: expect, awaits: awaits)
        }
        /// VerifySoftwareToken with the sign-in's session.
        static let softwareTokenVerified = Step(event: nil, expect: .action(.challenge(.mfaSetup)), awaits: .mfaSetup)
    }

    struct Path: Sendable, CustomTestStringConvertible {
        var name: String
        var mfa: MFAConfiguration = .off
        var start: Start = .password
        var first: Expect
        var steps: [Step]
        var ends: SignInMachine.State? = nil
        var testDescription: String { name }
    }

    static let confirmed = Facts(status: .confirmed)
    static let exchange = SRPExchange(a: BigNumber(hex: "02")!, b: BigNumber(hex: "03")!, bigB: BigNumber(hex: "04")!, secretBlock: "c2VjcmV0")
    static let postAuthentication = Expect.action(.runTrigger(.postAuthentication))
    static let tokens = Expect.action(.issueTokens(.authentication, offerDevice: true))
    static let invalidSession = Expect.fails("NotAuthorizedException: Invalid session for the user.")
    static let wrongCode = Expect.rejects("CodeMismatchException: Invalid code received for user")

    static let paths: [Path] = [
        // Password and SRP, and the user's status after the first factor.
        Path(
            name: "password, no MFA: PostAuthentication, then tokens with a new device offered",
            first: .action(.checkPassword),
            steps: [.on(.firstFactorVerified(confirmed), postAuthentication), .on(.postAuthenticationPassed, tokens)],
            ends: .signedIn
        ),
        Path(
            name: "an unconfirmed user is refused after the password",
            first: .action(.checkPassword),
            steps: [.on(.firstFactorVerified(Facts(status: .unconfirmed)), .fails("UserNotConfirmedException: User is not confirmed."))],
            ends: .failed
        ),
        Path(
            name: "a user whose password must be reset is refused",
            first: .action(.checkPassword),
            steps: [
                .on(
                    .firstFactorVerified(Facts(status: .resetRequired)),
                    .fails("PasswordResetRequiredException: Password reset required for the user")
                )
            ]
        ),
        Path(
            name: "USER_SRP_AUTH: PASSWORD_VERIFIER, then tokens",
            start: .srp,
            first: .action(.startSRP(deviceKey: nil)),
            steps: [
                .on(.srpStarted(exchange), .action(.challenge(.passwordVerifier)), awaits: .passwordVerifier),
                .on(.firstFactorVerified(confirmed), postAuthentication), .on(.postAuthenticationPassed, tokens),
            ]
        ),
        Path(
            name: "NEW_PASSWORD_REQUIRED for a temporary password; tokens say NewPasswordChallenge",
            first: .action(.checkPassword),
            steps: [
                .on(
                    .firstFactorVerified(Facts(status: .forceChangePassword)),
                    .action(.challenge(.newPasswordRequired)),
                    awaits: .newPasswordRequired
                ),
                .on(.newPasswordSet(confirmed), postAuthentication),
                .on(.postAuthenticationPassed, .action(.issueTokens(.newPasswordChallenge, offerDevice: true))),
            ]
        ),
        Path(
            name: "an expired temporary password is refused",
            start: .srp,
            first: .action(.startSRP(deviceKey: nil)),
            steps: [
                .on(.srpStarted(exchange), .action(.challenge(.passwordVerifier))),
                .on(
                    .firstFactorVerified(Facts(status: .forceChangePassword, temporaryPasswordExpired: true)),
                    .fails("NotAuthorizedException: Temporary password has expired and must be reset by an administrator.")
                ),
            ]
        ),
        Path(
            name: "NEW_PASSWORD_REQUIRED in a pool that requires MFA goes on to MFA_SETUP",
            mfa: .on,
            first: .action(.checkPassword),
            steps: [
                .on(.firstFactorVerified(Facts(status: .forceChangePassword)), .action(.challenge(.newPasswordRequired))),
                .on(.newPasswordSet(confirmed), .action(.challenge(.mfaSetup)), awaits: .mfaSetup),
            ]
        ),
        // MFA.
        Path(
            name: "MFA off: methods the user enabled are not asked for",
            mfa: .off,
            first: .action(.checkPassword),
            steps: [.on(.firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.softwareToken])), postAuthentication)]
        ),
        Path(
            name: "MFA optional: a user without a method is not asked",
            mfa: .optional,
            first: .action(.checkPassword),
            steps: [.on(.firstFactorVerified(confirmed), postAuthentication)]
        ),
        Path(
            name: "SOFTWARE_TOKEN_MFA: a wrong code may be retried, the right one signs in",
            mfa: .optional,
            first: .action(.checkPassword),
            steps: [
                .on(.firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.softwareToken])), .action(.challenge(.softwareTokenMFA))),
                .on(.softwareTokenAnswered(valid: false), wrongCode, awaits: .softwareTokenMFA),
                .on(.softwareTokenAnswered(valid: true), postAuthentication), .on(.postAuthenticationPassed, tokens),
            ]
        ),
        Path(
            name: "SMS_MFA: a code is sent, a wrong one refused, the right one signs in",
            mfa: .on,
            first: .action(.checkPassword),
            steps: [
                .on(.firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.sms])), .action(.sendCode(.sms, for: .smsMFA))),
                .on(.codeSent("123456"), .action(.challenge(.smsMFA)), awaits: .smsMFA),
                .on(.codeAnswered("000000"), wrongCode, awaits: .smsMFA),
                .on(.codeAnswered("123456"), postAuthentication),
            ]
        ),
        Path(
            name: "EMAIL_OTP as MFA: the preferred method among several is asked",
            mfa: .optional,
            first: .action(.checkPassword),
            steps: [
                .on(
                    .firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.sms, .email], preferredMFA: .email)),
                    .action(.sendCode(.email, for: .emailOTP))
                ),
                .on(.codeSent("654321"), .action(.challenge(.emailOTP)), awaits: .emailOTP),
                .on(.codeAnswered("654321"), postAuthentication),
            ]
        ),
        Path(
            name: "SELECT_MFA_TYPE: several methods and no preference; only an offered one may be chosen",
            mfa: .optional,
            first: .action(.checkPassword),
            steps: [
                .on(.firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.softwareToken, .sms])), .action(.challenge(.selectMFAType))),
                .on(
                    .mfaChosen("EMAIL_OTP"),
                    .rejects("InvalidParameterException: ANSWER must be one of the MFA types in MFAS_CAN_CHOOSE."),
                    awaits: .selectMFAType
                ),
                .on(.mfaChosen("SMS_MFA"), .action(.sendCode(.sms, for: .smsMFA))),
                .on(.codeSent("111111"), .action(.challenge(.smsMFA))),
                .on(.codeAnswered("111111"), postAuthentication),
            ]
        ),
        Path(
            name: "MFA_SETUP: refused until VerifySoftwareToken succeeded with the session",
            mfa: .on,
            first: .action(.checkPassword),
            steps: [
                .on(.firstFactorVerified(confirmed), .action(.challenge(.mfaSetup))),
                .on(
                    .mfaSetupAnswered,
                    .rejects(
                        "InvalidParameterException: Software token MFA has not been verified; call AssociateSoftwareToken and VerifySoftwareToken with this session first"
                    ),
                    awaits: .mfaSetup
                ),
                .softwareTokenVerified,
                .on(.mfaSetupAnswered, postAuthentication), .on(.postAuthenticationPassed, tokens),
            ]
        ),
        // Devices.
        Path(
            name: "a confirmed device proves itself with DEVICE_SRP_AUTH, then MFA; no new device is offered",
            mfa: .optional,
            first: .action(.checkPassword),
            steps: [
                .on(
                    .firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.softwareToken], confirmedDevice: "dev-1")),
                    .action(.challenge(.deviceSRPAuth)),
                    awaits: .deviceSRPAuth
                ),
                .on(.deviceSRPAnswered, .action(.startSRP(deviceKey: "dev-1"))),
                .on(.srpStarted(exchange), .action(.challenge(.devicePasswordVerifier)), awaits: .devicePasswordVerifier),
                .on(
                    .deviceVerified(valid: true, remembered: false, Facts(status: .confirmed, mfaMethods: [.softwareToken])),
                    .action(.challenge(.softwareTokenMFA))
                ),
                .on(.softwareTokenAnswered(valid: true), postAuthentication),
                .on(.postAuthenticationPassed, .action(.issueTokens(.authentication, offerDevice: false))),
            ]
        ),
        Path(
            name: "a remembered device skips MFA",
            mfa: .on,
            start: .srp,
            first: .action(.startSRP(deviceKey: nil)),
            steps: [
                .on(.srpStarted(exchange), .action(.challenge(.passwordVerifier))),
                .on(
                    .firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.sms], confirmedDevice: "dev-2")),
                    .action(.challenge(.deviceSRPAuth))
                ),
                .on(.deviceSRPAnswered, .action(.startSRP(deviceKey: "dev-2"))),
                .on(.srpStarted(exchange), .action(.challenge(.devicePasswordVerifier))),
                .on(.deviceVerified(valid: true, remembered: true, Facts(status: .confirmed, mfaMethods: [.sms])), postAuthentication),
                .on(.postAuthenticationPassed, .action(.issueTokens(.authentication, offerDevice: false))),
            ]
        ),
        Path(
            name: "a device whose claim is wrong fails the sign-in",
            first: .action(.checkPassword),
            steps: [
                .on(.firstFactorVerified(Facts(status: .confirmed, confirmedDevice: "dev-3")), .action(.challenge(.deviceSRPAuth))),
                .on(.deviceSRPAnswered, .action(.startSRP(deviceKey: "dev-3"))),
                .on(.srpStarted(exchange), .action(.challenge(.devicePasswordVerifier))),
                .on(.deviceVerified(valid: false, remembered: false, confirmed), .fails("NotAuthorizedException: Incorrect username or password.")),
            ],
            ends: .failed
        ),
        // CUSTOM_AUTH.
        Path(
            name: "CUSTOM_AUTH: Define, Create, Verify (wrong), Define again, then tokens",
            start: .custom,
            first: .action(.runTrigger(.defineAuthChallenge)),
            steps: [
                .on(.customDecided(.challenge("CUSTOM_CHALLENGE"), confirmed), .action(.runTrigger(.createAuthChallenge))),
                .on(
                    .customChallengeCreated(publicParameters: ["q": "2+2"], privateParameters: ["a": "4"], metadata: "m1"),
                    .action(.challenge(.customChallenge)),
                    awaits: .customChallenge
                ),
                .on(.customAnswered("5"), .action(.runTrigger(.verifyAuthChallengeResponse))),
                .on(.customAnswerVerified(correct: false), .action(.runTrigger(.defineAuthChallenge))),
                .on(.customDecided(.challenge("CUSTOM_CHALLENGE"), confirmed), .action(.runTrigger(.createAuthChallenge))),
                .on(
                    .customChallengeCreated(publicParameters: [:], privateParameters: ["a": "4"], metadata: nil),
                    .action(.challenge(.customChallenge))
                ),
                .on(.customAnswered("4"), .action(.runTrigger(.verifyAuthChallengeResponse))),
                .on(.customAnswerVerified(correct: true), .action(.runTrigger(.defineAuthChallenge))),
                .on(.customDecided(.issueTokens, confirmed), postAuthentication), .on(.postAuthenticationPassed, tokens),
            ]
        ),
        Path(
            name: "CUSTOM_AUTH: DefineAuthChallenge fails the sign-in",
            start: .custom,
            first: .action(.runTrigger(.defineAuthChallenge)),
            steps: [.on(.customDecided(.failAuthentication, confirmed), .fails("NotAuthorizedException: Incorrect username or password."))]
        ),
        Path(
            name: "CUSTOM_AUTH: a challenge name the custom flow cannot pose is the trigger's fault",
            start: .custom,
            first: .action(.runTrigger(.defineAuthChallenge)),
            steps: [
                .on(
                    .customDecided(.challenge("SMS_MFA"), confirmed),
                    .fails("InvalidLambdaResponseException: Invalid challenge name: SMS_MFA; the emulator poses CUSTOM_CHALLENGE")
                )
            ]
        ),
        Path(
            name: "CUSTOM_AUTH: tokens still wait for MFA",
            mfa: .optional,
            start: .custom,
            first: .action(.runTrigger(.defineAuthChallenge)),
            steps: [
                .on(.customDecided(.issueTokens, Facts(status: .confirmed, mfaMethods: [.softwareToken])), .action(.challenge(.softwareTokenMFA)))
            ]
        ),
        // USER_AUTH.
        Path(
            name: "USER_AUTH: PREFERRED_CHALLENGE PASSWORD checks the password, then MFA as usual",
            mfa: .optional,
            start: .choosing([.password, .passwordSRP, .emailOTP], preferred: "PASSWORD"),
            first: .action(.checkPassword),
            steps: [.on(.firstFactorVerified(Facts(status: .confirmed, mfaMethods: [.softwareToken])), .action(.challenge(.softwareTokenMFA)))]
        ),
        Path(
            name: "USER_AUTH: EMAIL_OTP is the whole sign-in, even where MFA is required",
            mfa: .on,
            start: .choosing([.password, .emailOTP], preferred: "EMAIL_OTP"),
            first: .action(.sendCode(.email, for: .emailOTP)),
            steps: [
                .on(.codeSent("222222"), .action(.challenge(.emailOTP)), awaits: .emailOTP),
                .on(.codeAnswered("999999"), wrongCode, awaits: .emailOTP),
                .on(.codeAnswered("222222"), postAuthentication), .on(.postAuthenticationPassed, tokens),
            ]
        ),
        Path(
            name: "USER_AUTH: SMS_OTP sends a text",
            start: .choosing([.smsOTP], preferred: "SMS_OTP"),
            first: .action(.sendCode(.sms, for: .smsOTP)),
            steps: [.on(.codeSent("333333"), .action(.challenge(.smsOTP)), awaits: .smsOTP), .on(.codeAnswered("333333"), postAuthentication)]
        ),
        Path(
            name: "USER_AUTH: SELECT_CHALLENGE, then a passkey",
            start: .choosing([.password, .passwordSRP, .webAuthn], preferred: "SMS_OTP"),
            first: .action(.challenge(.selectChallenge)),
            steps: [
                .on(
                    .firstFactorChosen("SMS_OTP"),
                    .rejects("InvalidParameterException: ANSWER must be one of the available challenges."),
                    awaits: .selectChallenge
                ),
                .on(.firstFactorChosen("WEB_AUTHN"), .action(.makePasskeyChallenge)),
                .on(.passkeyChallengeMade([1, 2, 3]), .action(.challenge(.webAuthn)), awaits: .webAuthn),
                .on(.passkeyVerified, postAuthentication), .on(.postAuthenticationPassed, tokens),
            ]
        ),
        Path(
            name: "USER_AUTH: SELECT_CHALLENGE, then PASSWORD_SRP",
            start: .choosing([.password, .passwordSRP], preferred: nil),
            first: .action(.challenge(.selectChallenge)),
            steps: [
                .on(.firstFactorChosen("PASSWORD_SRP"), .action(.startSRP(deviceKey: nil))),
                .on(.srpStarted(exchange), .action(.challenge(.passwordVerifier))), .on(.firstFactorVerified(confirmed), postAuthentication),
            ]
        ),
        Path(
            name: "USER_AUTH: a user with no allowed factor is refused",
            start: .choosing([], preferred: nil),
            first: .fails("NotAuthorizedException: The user has no sign-in factor this pool allows."),
            steps: []
        ),
        // Answers to the wrong step.
        Path(
            name: "an answer to another step fails the sign-in, and nothing is accepted after",
            first: .action(.checkPassword),
            steps: [
                .on(.firstFactorVerified(Facts(status: .forceChangePassword)), .action(.challenge(.newPasswordRequired))),
                .on(.codeAnswered("123456"), invalidSession), .on(.newPasswordSet(confirmed), invalidSession),
            ],
            ends: .failed
        ),
        Path(
            name: "a password verified twice is refused the second time",
            first: .action(.checkPassword),
            steps: [.on(.firstFactorVerified(confirmed), postAuthentication), .on(.firstFactorVerified(confirmed), invalidSession)]
        ),
    ]

    @Test("each challenge path", arguments: paths)
    func path(_ path: Path) {
        var machine = SignInMachine(mfa: path.mfa)
        let first: SignInMachine.Action
        switch path.start {
        case .password: first = machine.startWithPassword()
        case .srp: first = machine.startWithSRP()
        case .custom: first = machine.startCustom()
        case .choosing(let factors, let preferred): first = machine.startChoosing(among: factors, preferred: preferred)
        }
        #expect(Self.expectation(of: first, before: nil, after: machine.awaitedChallenge) == path.first, "start")
        for (index, step) in path.steps.enumerated() {
            let before = machine.awaitedChallenge
            guard let event = step.event else {
                let marked = machine.softwareTokenVerified()
                #expect(marked, "step \(index): VerifySoftwareToken")
                #expect(machine.awaitedChallenge == step.awaits, "step \(index)")
                continue
            }
            let action = machine.receive(event)
            #expect(Self.expectation(of: action, before: before, after: machine.awaitedChallenge) == step.expect, "step \(index)")
            if let awaits = step.awaits { #expect(machine.awaitedChallenge == awaits, "step \(index): awaited challenge") }
        }
        if let ends = path.ends { #expect(machine.state == ends) }
    }

    @Test("the custom flow keeps each answer's outcome and the challenge's private parameters for the triggers")
    func customProgress() {
        var machine = SignInMachine(mfa: .off)
        _ = machine.startCustom()
        _ = machine.receive(.customDecided(.challenge("CUSTOM_CHALLENGE"), Self.confirmed))
        _ = machine.receive(.customChallengeCreated(publicParameters: ["q": "?"], privateParameters: ["a": "4"], metadata: "round-1"))
        #expect(machine.customProgress?.publicParameters == ["q": "?"])
        _ = machine.receive(.customAnswered("5"))
        #expect(machine.customProgress?.answer == "5" && machine.customProgress?.privateParameters == ["a": "4"])
        _ = machine.receive(.customAnswerVerified(correct: false))
        #expect(machine.customProgress?.outcomes == [.init(correct: false, metadata: "round-1")])
        #expect(machine.customProgress?.answer == nil)
    }

    @Test("VerifySoftwareToken only counts for a sign-in setting up MFA, and the SRP exchange is kept for the claim")
    func sideChannels() {
        var machine = SignInMachine(mfa: .optional)
        let tooEarly = machine.softwareTokenVerified()
        #expect(!tooEarly)
        _ = machine.startWithSRP()
        #expect(machine.srpExchange == nil)
        _ = machine.receive(.srpStarted(Self.exchange))
        #expect(machine.srpExchange == Self.exchange)
        let outsideSetup = machine.softwareTokenVerified()
        #expect(!outsideSetup)
    }

    /// An action as a row states it: a refusal that leaves the same challenge awaited is a rejection.
    static func expectation(of action: SignInMachine.Action, before: ChallengeName?, after: ChallengeName?) -> Expect {
        switch action {
        case .fail(let error): .fails(error.description)
        case .reject(let error): before == after ? .rejects(error.description) : .fails("rejected, but the challenge moved: \(error)")
        default: .action(action)
        }
    }
}
