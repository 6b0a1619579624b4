public import EmulatorCore

/// The event a Cognito user-pool trigger receives and answers with, as Cognito sends it: the common
/// fields, then `request` and `response` whose members depend on the trigger (nil when absent).
/// A Swift trigger handler takes and returns this type:
///
/// ```swift
/// handlers.register("triggers/preSignUp.handler") { (event: CognitoTriggerEvent, _) in
///     var event = event
///     event.response.autoConfirmUser = event.request.userAttributes["email"]?.hasSuffix("@example.com")
///     return event
/// }
/// ```
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
public struct CognitoTriggerEvent: Codable, Sendable {
    /// `"1"`; for a PreTokenGeneration trigger configured as `V2_0` or `V3_0`, `"2"` or `"3"`.
    public var version: String
    /// What caused the call, for example `PreSignUp_SignUp` or `TokenGeneration_Authentication`.
    public var triggerSource: String
    /// The region.
    public var region: String
    /// The pool's ID.
    public var userPoolId: String
    /// The user's username.
    public var userName: String
    /// The SDK version and the app client.
    public var callerContext: CallerContext
    /// What the trigger is asked.
    public var request: Request
    /// What the trigger answers (filled in by the handler).
    public var response: Response

    /// `callerContext`.
    public struct CallerContext: Codable, Sendable {
        /// `awsSdkVersion`.
        public var awsSdkVersion: String
        /// `clientId` (Cognito's spelling), or `CLIENT_ID_NOT_APPLICABLE` for admin operations without a client.
        public var clientId: String

        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(awsSdkVersion: String, clientId: String) {
            self.awsSdkVersion = awsSdkVersion
            self.clientId = clientId
        }
    }

    /// `request`: the members each trigger receives.
    public struct Request: Codable, Sendable {
        /// The user's attributes, `sub` and `cognito:user_status` included once the user exists.
        public var userAttributes: [String: String]
        /// PreSignUp, PreAuthentication: the request's ValidationData (or ClientMetadata for sign-in).
        public var validationData: [String: String]?
        /// The request's ClientMetadata.
        public var clientMetadata: [String: String]?
        /// PreAuthentication, Define/Create/VerifyAuthChallenge: whether the user does not exist.
        public var userNotFound: Bool?
        /// PostAuthentication: whether the device is new.
        public var newDeviceUsed: Bool?
        /// CustomMessage: the placeholder the message must contain where the code goes (`{####}`).
        public var codeParameter: String?
        /// CustomMessage for AdminCreateUser: the placeholder for the username (`{username}`).
        public var usernameParameter: String?
        /// CustomMessage: a link placeholder (not used by the emulator, always nil).
        public var linkParameter: String?
        /// PreTokenGeneration: the user's groups.
        public var groupConfiguration: GroupConfiguration?
        /// PreTokenGeneration version 2: the access token's scopes.
        public var scopes: [String]?
        /// DefineAuthChallenge, CreateAuthChallenge: the challenges so far.
        public var session: [ChallengeResult]?
        /// CreateAuthChallenge: the challenge to create.
        public var challengeName: String?
        /// VerifyAuthChallengeResponse: what CreateAuthChallenge kept private.
        public var privateChallengeParameters: [String: String]?
        /// VerifyAuthChallengeResponse: the user's answer.
        public var challengeAnswer: String?
        /// UserMigration at sign-in: the password the user typed.
        public var password: String?
        /// CustomEmailSender / CustomSMSSender: `customEmailSenderRequestV1` or `customSMSSenderRequestV1`.
        public var type: String?
        /// CustomEmailSender / CustomSMSSender: the code or temporary password to send. AWS encrypts it
        /// with the pool's KMS key; the emulator, offline, sends it base64-encoded.
        public var code: String?
        /// InboundFederation: the identity provider's name and type (`Google`, `OIDC`, `SAML`, …).
        public var providerName: String?
        public var providerType: String?
        /// InboundFederation: what the provider said.
        public var attributes: FederationAttributes?

        /// A request: the attributes, and the members the trigger receives.
        public init(
            userAttributes: [String: String],
            validationData: [String: String]? = nil,
            clientMetadata: [String: String]? = nil,
            userNotFound: Bool? = nil,
            newDeviceUsed: Bool? = nil,
            codeParameter: String? = nil,
            usernameParameter: String? = nil,
            groupConfiguration: GroupConfiguration? = nil,
            scopes: [String]? = nil,
            session: [ChallengeResult]? = nil,
            challengeName: String? = nil,
            privateChallengeParameters: [String: String]? = nil,
            challengeAnswer: String? = nil,
            password: String? = nil,
            type: String? = nil,
            code: String? = nil,
            providerName: String? = nil,
            providerType: String? = nil,
            attributes: FederationAttributes? = nil
        ) {
            self.userAttributes = userAttributes
            self.validationData = validationData
            self.clientMetadata = clientMetadata
            self.userNotFound = userNotFound
            self.newDeviceUsed = newDeviceUsed
            self.codeParameter = codeParameter
            self.usernameParameter = usernameParameter
            self.groupConfiguration = groupConfiguration
            self.scopes = scopes
            self.session = session
            self.challengeName = challengeName
            self.privateChallengeParameters = privateChallengeParameters
            self.challengeAnswer = challengeAnswer
            self.password = password
            self.type = type
            self.code = code
            self.providerName = providerName
            self.providerType = providerType
            self.attributes = attributes
        }
    }

    /// InboundFederation's `request.attributes`: the OIDC or social provider's token response, ID token
    /// claims and user info, or the SAML assertion's attributes.
    public struct FederationAttributes: Codable, Sendable {
        public var tokenResponse: [String: String]?
        public var idToken: [String: String]?
        public var userInfo: [String: String]?
        public var samlResponse: [String: String]?

        /// Attributes of one provider.
        public init(
            tokenResponse: [String: String]? = nil,
            idToken: [String: String]? = nil,
            userInfo: [String: String]? = nil,
            samlResponse: [String: String]? = nil
        ) {
            self.tokenResponse = tokenResponse
            self.idToken = idToken
            self.userInfo = userInfo
            self.samlResponse = samlResponse
        }
    }

    /// `response`: the members each trigger may set.
    public struct Response: Codable, Sendable {
        /// InboundFederation: the provider's attributes to map (all that are kept; empty keeps them all).
        public var userAttributesToMap: [String: String]?
        /// PreSignUp: confirm the user without a code.
        public var autoConfirmUser: Bool?
        /// PreSignUp: mark the e-mail verified.
        public var autoVerifyEmail: Bool?
        /// PreSignUp: mark the phone number verified.
        public var autoVerifyPhone: Bool?
        /// PreTokenGeneration version 1.
        public var claimsOverrideDetails: ClaimsOverrideDetails?
        /// PreTokenGeneration version 2.
        public var claimsAndScopeOverrideDetails: ClaimsAndScopeOverrideDetails?
        /// CustomMessage: the SMS text (must contain the code parameter).
        public var smsMessage: String?
        /// CustomMessage: the e-mail text (must contain the code parameter).
        public var emailMessage: String?
        /// CustomMessage: the e-mail subject.
        public var emailSubject: String?
        /// DefineAuthChallenge: the next challenge.
        public var challengeName: String?
        /// DefineAuthChallenge: sign the user in.
        public var issueTokens: Bool?
        /// DefineAuthChallenge: fail the sign-in.
        public var failAuthentication: Bool?
        /// CreateAuthChallenge: what the client sees.
        public var publicChallengeParameters: [String: String]?
        /// CreateAuthChallenge: what VerifyAuthChallengeResponse sees.
        public var privateChallengeParameters: [String: String]?
        /// CreateAuthChallenge: kept in the session for DefineAuthChallenge.
        public var challengeMetadata: String?
        /// VerifyAuthChallengeResponse: whether the answer is right.
        public var answerCorrect: Bool?
        /// UserMigration: the migrated user's attributes (nil: the user is not known there either).
        public var userAttributes: [String: String]?
        /// UserMigration: `CONFIRMED` (the default) or `RESET_REQUIRED`.
        public var finalUserStatus: String?
        /// UserMigration: `SUPPRESS` sends no welcome message; `RESEND` sends one.
        public var messageAction: String?
        /// UserMigration: where the welcome message goes (`EMAIL`, `SMS`).
        public var desiredDeliveryMediums: [String]?
        /// UserMigration: take an alias over from the user who has it.
        public var forceAliasCreation: Bool?
        /// UserMigration: enable SMS MFA for the user.
        public var enableSMSMFA: Bool?

        /// An empty response.
        public init() {}
    }

    /// PreTokenGeneration's `groupConfiguration`.
    public struct GroupConfiguration: Codable, Sendable {
        /// The user's groups.
        public var groupsToOverride: [String]
        /// The groups' IAM roles.
        public var iamRolesToOverride: [String]
        /// The preferred role (nil).
        public var preferredRole: String?

        /// Groups, their roles and the preferred role.
        public init(groupsToOverride: [String], iamRolesToOverride: [String] = [], preferredRole: String? = nil) {
            self.groupsToOverride = groupsToOverride
            self.iamRolesToOverride = iamRolesToOverride
            self.preferredRole = preferredRole
        }
    }

    /// Version 1's `claimsOverrideDetails` (ID token only).
    public struct ClaimsOverrideDetails: Codable, Sendable {
        /// Claims to add or replace.
        public var claimsToAddOrOverride: [String: JSONValue]?
        /// Claims to remove.
        public var claimsToSuppress: [String]?
        /// Replaces `cognito:groups` (and the role claims).
        public var groupOverrideDetails: GroupConfiguration?

        /// Creates overrides.
        public init(
            claimsToAddOrOverride: [String: JSONValue]? = nil,
            claimsToSuppress: [String]? = nil,
            groupOverrideDetails: GroupConfiguration? = nil
        ) {
            self.claimsToAddOrOverride = claimsToAddOrOverride
            self.claimsToSuppress = claimsToSuppress
            self.groupOverrideDetails = groupOverrideDetails
        }
    }

    /// Version 2's `claimsAndScopeOverrideDetails`.
    public struct ClaimsAndScopeOverrideDetails: Codable, Sendable {
        /// Changes to the ID token.
        public var idTokenGeneration: TokenGeneration?
        /// Changes to the access token.
        public var accessTokenGeneration: TokenGeneration?
        /// Replaces `cognito:groups` in both tokens.
        public var groupOverrideDetails: GroupConfiguration?

        /// Creates overrides.
        public init(
            idTokenGeneration: TokenGeneration? = nil,
            accessTokenGeneration: TokenGeneration? = nil,
            groupOverrideDetails: GroupConfiguration? = nil
        ) {
            self.idTokenGeneration = idTokenGeneration
            self.accessTokenGeneration = accessTokenGeneration
            self.groupOverrideDetails = groupOverrideDetails
        }
    }

    /// Version 2's changes to one token.
    public struct TokenGeneration: Codable, Sendable {
        /// Claims to add or replace.
        public var claimsToAddOrOverride: [String: JSONValue]?
        /// Claims to remove.
        public var claimsToSuppress: [String]?
        /// Access token: scopes to add.
        public var scopesToAdd: [String]?
        /// Access token: scopes to remove.
        public var scopesToSuppress: [String]?

        /// Creates changes.
        public init(
            claimsToAddOrOverride: [String: JSONValue]? = nil,
            claimsToSuppress: [String]? = nil,
            scopesToAdd: [String]? = nil,
            scopesToSuppress: [String]? = nil
        ) {
            self.claimsToAddOrOverride = claimsToAddOrOverride
            self.claimsToSuppress = claimsToSuppress
            self.scopesToAdd = scopesToAdd
            self.scopesToSuppress = scopesToSuppress
        }
    }

    /// One entry of a custom-auth `session`.
    public struct ChallengeResult: Codable, Sendable {
        /// `CUSTOM_CHALLENGE`, `PASSWORD_VERIFIER`, ….
        public var challengeName: String
        /// Whether it was answered correctly.
        public var challengeResult: Bool
        /// CreateAuthChallenge's `challengeMetadata`.
        public var challengeMetadata: String?

        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(challengeName: String, challengeResult: Bool, challengeMetadata: String? = nil) {
            self.challengeName = challengeName
            self.challengeResult = challengeResult
            self.challengeMetadata = challengeMetadata
        }
    }

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        version: String,
        triggerSource: String,
        region: String,
        userPoolId: String,
        userName: String,
        callerContext: CallerContext,
        request: Request,
        response: Response
    ) {
        self.version = version
        self.triggerSource = triggerSource
        self.region = region
        self.userPoolId = userPoolId
        self.userName = userName
        self.callerContext = callerContext
        self.request = request
        self.response = response
    }
}
