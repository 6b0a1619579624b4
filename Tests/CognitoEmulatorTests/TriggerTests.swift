import CognitoEmulator
import Foundation
import NIOConcurrencyHelpers
import Testing

/// Records the events the service sends and answers each with the trigger's scripted response.
final class TriggerScript: Sendable {
    typealias Answer = @Sendable (CognitoTriggerEvent) -> Result<CognitoTriggerEvent, CognitoTriggerFailure>
    private let answers: [String: Answer]
    private let received = NIOLockedValueBox<[CognitoTriggerEvent]>([])

    init(_ answers: [String: Answer]) {
        self.answers = answers
    }

    var runner: CognitoTriggerRunner {
        { arn, event in
            self.received.withLockedValue { $0.append(event) }
            let name = String(arn.split(separator: ":").last ?? "")
            return self.answers[name]?(event) ?? .success(event)
        }
    }

    var events: [CognitoTriggerEvent] { received.withLockedValue { $0 } }

    func events(_ source: String) -> [CognitoTriggerEvent] { events.filter { $0.triggerSource == source } }
}

@Suite("Lambda triggers: each receives Cognito's event, and its answer takes effect")
struct TriggerTests {
    static func yaml(tokenVersion: String = "V1_0") -> String {
        let arn = "arn:aws:lambda:us-east-1:000000000000:function:"
        return """
            service: test
            provider: { name: aws }
            resources:
              Resources:
                UserPool:
                  Type: AWS::Cognito::UserPool
                  Properties:
                    UserPoolName: pool
                    Schema: [{ Name: email, Required: true, Mutable: true }, { Name: role, AttributeDataType: String }]
                    AutoVerifiedAttributes: [email]
                    LambdaConfig:
                      PreSignUp: \(arn)preSignUp
                      PostConfirmation: \(arn)postConfirmation
                      PreAuthentication: \(arn)preAuthentication
                      PostAuthentication: \(arn)postAuthentication
                      CustomMessage: \(arn)customMessage
                      DefineAuthChallenge: \(arn)define
                      CreateAuthChallenge: \(arn)create
                      VerifyAuthChallengeResponse: \(arn)verify
                      PreTokenGenerationConfig: { LambdaArn: \(arn)preToken, LambdaVersion: \(tokenVersion) }
                Client:
                  Type: AWS::Cognito::UserPoolClient
                  Properties:
                    UserPoolId: { Ref: UserPool }
                    ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
                Admins: { Type: AWS::Cognito::UserPoolGroup, Properties: { GroupName: admins, UserPoolId: { Ref: UserPool } } }
            """
    }

    struct Fixture {
        let service: CognitoService
        let poolID: String
        let clientID: String
        let script: TriggerScript

        init(tokenVersion: String = "V1_0", _ answers: [String: TriggerScript.Answer] = [:]) async throws {
            let (service, configuration) = try await CognitoTestSupport.service(TriggerTests.yaml(tokenVersion: tokenVersion))
            self.service = service
            poolID = configuration.poolID(forLogicalID: "UserPool")
            clientID = configuration.clientID(forLogicalID: "Client")
            script = TriggerScript(answers)
            service.setTriggerRunner(script.runner)
        }

        func signUp(_ username: String, email: String) async throws(CognitoError) -> SignUpResponse {
            var request = SignUpRequest(
                ClientId: clientID,
                Username: username,
                Password: "Passw0rd!",
                UserAttributes: [AttributeType(Name: "email", Value: email)]
            )
            request.ValidationData = [AttributeType(Name: "invite", Value: "abc")]
            return try await service.signUp(request)
        }

        func confirmedUser(_ username: String) async throws(CognitoError) {
            _ = try await service.adminCreateUser(
                AdminCreateUserRequest(
                    UserPoolId: poolID,
                    Username: username,
                    UserAttributes: [AttributeType(Name: "email", Value: "\(username)@example.com")],
                    MessageAction: "SUPPRESS"
                )
            )
            _ = try await service.adminSetUserPassword(
                AdminSetUserPasswordRequest(UserPoolId: poolID, Username: username, Password: "Passw0rd!", Permanent: true)
            )
        }

        func signIn(_ username: String, metadata: [String: String]? = nil) async throws(CognitoError) -> InitiateAuthResponse {
            var request = InitiateAuthRequest(
                AuthFlow: "USER_PASSWORD_AUTH",
                ClientId: clientID,
                AuthParameters: ["USERNAME": username, "PASSWORD": "Passw0rd!"]
            )
            request.ClientMetadata = metadata
            return try await service.initiateAuth(request)
        }
    }

    static func answer(_ change: @escaping @Sendable (inout CognitoTriggerEvent.Response) -> Void) -> TriggerScript.Answer {
        answerWithEvent { _, response in change(&response) }
    }

    @Test("PreSignUp gets the attributes and validation data; autoConfirmUser and autoVerifyEmail confirm the user without a code")
    func preSignUpAutoConfirms() async throws {
        let fixture = try await Fixture([
            "preSignUp": Self.answer {
                $0.autoConfirmUser = true
                $0.autoVerifyEmail = true
            }
        ])
        let answer = try await fixture.signUp("ann", email: "ann@example.com")
        #expect(answer.UserConfirmed == true && answer.CodeDeliveryDetails == nil)
        let event = try #require(fixture.script.events("PreSignUp_SignUp").first)
        #expect(event.userName == "ann" && event.userPoolId == fixture.poolID && event.callerContext.clientId == fixture.clientID)
        #expect(event.request.userAttributes == ["email": "ann@example.com"] && event.request.validationData == ["invite": "abc"])
        let user = try await fixture.service.adminGetUser(AdminGetUserRequest(UserPoolId: fixture.poolID, Username: "ann"))
        #expect(user.UserStatus == "CONFIRMED")
        #expect(user.UserAttributes.contains(AttributeType(Name: "email_verified", Value: "true")))
        #expect(fixture.service.outbox.list(username: "ann").isEmpty)
        #expect(fixture.script.events("PostConfirmation_ConfirmSignUp").isEmpty)
    }

    @Test("a PreSignUp error refuses the sign-up with UserLambdaValidationException and Cognito's text")
    func preSignUpRejects() async throws {
        let fixture = try await Fixture(["preSignUp": { _ in .failure(.functionError("Sign-ups from this domain are closed")) }])
        do {
            _ = try await fixture.signUp("bob", email: "bob@blocked.example")
            Issue.record("the sign-up should have been refused")
        } catch {
            #expect(error.type == "UserLambdaValidationException")
            #expect(error.message == "PreSignUp failed with error Sign-ups from this domain are closed.")
        }
        await #expect(throws: CognitoError.self) {
            _ = try await fixture.service.adminGetUser(AdminGetUserRequest(UserPoolId: fixture.poolID, Username: "bob"))
        }
    }

    @Test("CustomMessage's text and subject are sent with the code; PostConfirmation runs after ConfirmSignUp")
    func customMessageAndPostConfirmation() async throws {
        let fixture = try await Fixture([
            "customMessage": Self.answer {
                $0.emailSubject = "Welcome"
                $0.emailMessage = "Your code: {####}!"
            }
        ])
        _ = try await fixture.signUp("cai", email: "cai@example.com")
        let message = try #require(fixture.service.outbox.list(username: "cai").last)
        let code = try #require(message.code)
        #expect(message.message == "Your code: \(code)!" && message.subject == "Welcome")
        let custom = try #require(fixture.script.events("CustomMessage_SignUp").first)
        #expect(custom.request.codeParameter == "{####}" && custom.request.userAttributes["cognito:user_status"] == "UNCONFIRMED")
        _ = try await fixture.service.confirmSignUp(ConfirmSignUpRequest(ClientId: fixture.clientID, Username: "cai", ConfirmationCode: code))
        let confirmed = try #require(fixture.script.events("PostConfirmation_ConfirmSignUp").first)
        #expect(
            confirmed.request.userAttributes["cognito:user_status"] == "CONFIRMED" && confirmed.request.userAttributes["email_verified"] == "true"
        )
    }

    @Test("PreAuthentication sees ClientMetadata as validationData and can refuse; PostAuthentication follows a good password")
    func authenticationTriggers() async throws {
        let fixture = try await Fixture([
            "preAuthentication": { event in
                event.request.validationData?["device"] == "blocked" ? .failure(.functionError("Device not allowed")) : .success(event)
            }
        ])
        try await fixture.confirmedUser("dee")
        _ = try await fixture.signIn("dee", metadata: ["device": "laptop"])
        #expect(fixture.script.events("PreAuthentication_Authentication").first?.request.validationData == ["device": "laptop"])
        #expect(fixture.script.events("PostAuthentication_Authentication").first?.request.newDeviceUsed == false)
        do {
            _ = try await fixture.signIn("dee", metadata: ["device": "blocked"])
            Issue.record("the sign-in should have been refused")
        } catch {
            #expect(error.type == "UserLambdaValidationException" && error.message == "PreAuthentication failed with error Device not allowed.")
        }
        #expect(fixture.script.events("PostAuthentication_Authentication").count == 1)
    }

    @Test("PreTokenGeneration v1 adds and suppresses ID-token claims and overrides groups; protected claims stay")
    func preTokenGenerationV1() async throws {
        let fixture = try await Fixture([
            "preToken": Self.answer { response in
                response.claimsOverrideDetails = .init(
                    claimsToAddOrOverride: ["plan": .string("pro"), "sub": .string("forged")],
                    claimsToSuppress: ["email"],
                    groupOverrideDetails: .init(groupsToOverride: ["editors"], iamRolesToOverride: [], preferredRole: nil)
                )
            }
        ])
        try await fixture.confirmedUser("eve")
        _ = try await fixture.service.adminAddUserToGroup(
            AdminAddUserToGroupRequest(UserPoolId: fixture.poolID, Username: "eve", GroupName: "admins")
        )
        let tokens = try #require(try await fixture.signIn("eve").AuthenticationResult)
        let id = try #require(JWT(tokens.IdToken))
        let access = try #require(JWT(tokens.AccessToken))
        #expect(id.claims["plan"] == .string("pro") && id.claims["email"] == nil && id.claims["sub"] != .string("forged"))
        #expect(id.claims["cognito:groups"] == .array([.string("editors")]) && access.claims["cognito:groups"] == .array([.string("editors")]))
        #expect(access.claims["plan"] == nil)
        let event = try #require(fixture.script.events("TokenGeneration_Authentication").first)
        #expect(event.version == "1" && event.request.groupConfiguration?.groupsToOverride == ["admins"] && event.request.scopes == nil)
    }

    @Test("PreTokenGeneration v2 and v3 change both tokens and the access token's scopes; refreshes run it again", arguments: ["V2_0", "V3_0"])
    func preTokenGenerationV2(version: String) async throws {
        let fixture = try await Fixture(
            tokenVersion: version,
            [
                "preToken": Self.answer { response in
                    response.claimsAndScopeOverrideDetails = .init(
                        idTokenGeneration: .init(claimsToAddOrOverride: ["storeId": .int(42)]),
                        accessTokenGeneration: .init(claimsToAddOrOverride: ["plan": .string("pro")], scopesToAdd: ["orders/read"])
                    )
                }
            ]
        )
        try await fixture.confirmedUser("fay")
        let tokens = try #require(try await fixture.signIn("fay").AuthenticationResult)
        let id = try #require(JWT(tokens.IdToken))
        let access = try #require(JWT(tokens.AccessToken))
        #expect(id.claims["storeId"] == .int(42) && access.claims["plan"] == .string("pro"))
        #expect(access.claims["scope"] == .string("aws.cognito.signin.user.admin orders/read"))
        #expect(fixture.script.events("TokenGeneration_Authentication").first?.request.scopes == ["aws.cognito.signin.user.admin"])
        let refreshToken = try #require(tokens.RefreshToken)
        let refreshed = try await fixture.service.initiateAuth(
            InitiateAuthRequest(
                AuthFlow: "REFRESH_TOKEN_AUTH",
                ClientId: fixture.clientID,
                AuthParameters: ["REFRESH_TOKEN": refreshToken]
            )
        )
        let refreshedID = try #require(refreshed.AuthenticationResult?.IdToken)
        #expect(JWT(refreshedID)?.claims["storeId"] == .int(42))
        #expect(fixture.script.events("TokenGeneration_RefreshTokens").first?.version == (version == "V3_0" ? "3" : "2"))
    }

    @Test("CUSTOM_AUTH: DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse lead to tokens, or to a refusal")
    func customAuth() async throws {
        let fixture = try await Fixture([
            "define": Self.answerWithEvent { event, response in
                let results = event.request.session ?? []
                if results.last?.challengeResult == true {
                    response.issueTokens = true
                } else if results.count >= 2 {
                    response.failAuthentication = true
                } else {
                    response.challengeName = "CUSTOM_CHALLENGE"
                }
            },
            "create": Self.answer { response in
                response.publicChallengeParameters = ["question": "2 + 2?"]
                response.privateChallengeParameters = ["answer": "4"]
                response.challengeMetadata = "MATH"
            },
            "verify": Self.answerWithEvent { event, response in
                response.answerCorrect = event.request.challengeAnswer == event.request.privateChallengeParameters?["answer"]
            },
        ])
        try await fixture.confirmedUser("gus")
        let started = try await fixture.service.initiateAuth(
            InitiateAuthRequest(AuthFlow: "CUSTOM_AUTH", ClientId: fixture.clientID, AuthParameters: ["USERNAME": "gus"])
        )
        #expect(
            started.ChallengeName == "CUSTOM_CHALLENGE" && started.ChallengeParameters["question"] == "2 + 2?"
                && started.ChallengeParameters["USERNAME"] == "gus"
        )
        let wrong = try await fixture.service.respondToAuthChallenge(
            RespondToAuthChallengeRequest(
                ClientId: fixture.clientID,
                ChallengeName: "CUSTOM_CHALLENGE",
                Session: started.Session,
                ChallengeResponses: ["USERNAME": "gus", "ANSWER": "5"]
            )
        )
        #expect(wrong.ChallengeName == "CUSTOM_CHALLENGE")
        let right = try await fixture.service.respondToAuthChallenge(
            RespondToAuthChallengeRequest(
                ClientId: fixture.clientID,
                ChallengeName: "CUSTOM_CHALLENGE",
                Session: wrong.Session,
                ChallengeResponses: ["USERNAME": "gus", "ANSWER": "4"]
            )
        )
        #expect(right.AuthenticationResult?.IdToken != nil)
        let decisions = fixture.script.events("DefineAuthChallenge_Authentication").map { ($0.request.session ?? []).map(\.challengeResult) }
        #expect(decisions == [[], [false], [false, true]])
        #expect(fixture.script.events("VerifyAuthChallengeResponse_Authentication").last?.request.privateChallengeParameters == ["answer": "4"])

        let again = try await fixture.service.initiateAuth(
            InitiateAuthRequest(AuthFlow: "CUSTOM_AUTH", ClientId: fixture.clientID, AuthParameters: ["USERNAME": "gus"])
        )
        var session = again.Session
        do {
            for _ in 0..<2 {
                session = try await fixture.service.respondToAuthChallenge(
                    RespondToAuthChallengeRequest(
                        ClientId: fixture.clientID,
                        ChallengeName: "CUSTOM_CHALLENGE",
                        Session: session,
                        ChallengeResponses: ["USERNAME": "gus", "ANSWER": "0"]
                    )
                ).Session
            }
            Issue.record("two wrong answers should fail the sign-in")
        } catch {
            #expect(error.type == "NotAuthorizedException" && error.message == "Incorrect username or password.")
        }
    }

    @Test("a trigger that cannot be called or answers nonsense fails as Cognito does")
    func triggerFailures() async throws {
        let missing = try await Fixture(["preSignUp": { _ in .failure(.noFunction("arn")) }])
        do {
            _ = try await missing.signUp("hal", email: "hal@example.com")
            Issue.record("the sign-up should have failed")
        } catch {
            #expect(error.type == "UnexpectedLambdaException")
        }
        let nonsense = try await Fixture(["preSignUp": { _ in .failure(.invalidResponse("String")) }])
        do {
            _ = try await nonsense.signUp("ida", email: "ida@example.com")
            Issue.record("the sign-up should have failed")
        } catch {
            #expect(error.type == "InvalidLambdaResponseException" && error.message == "Unrecognizable lambda output")
        }
    }

    static func answerWithEvent(
        _ change: @escaping @Sendable (CognitoTriggerEvent, inout CognitoTriggerEvent.Response) -> Void
    ) -> TriggerScript.Answer {
        { event in
            var event = event
            change(event, &event.response)
            return .success(event)
        }
    }
}
