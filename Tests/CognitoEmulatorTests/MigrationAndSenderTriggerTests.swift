import CognitoEmulator
import Foundation
import Testing

@Suite("UserMigration, CustomEmailSender and CustomSMSSender: the triggers that stand in for another user store and for Cognito's mail")
struct MigrationAndSenderTriggerTests {
    static let arn = "arn:aws:lambda:us-east-1:000000000000:function:"

    static func service(
        lambdaConfig: String,
        _ answers: [String: TriggerScript.Answer]
    ) async throws -> (CognitoService, String, String, TriggerScript) {
        let yaml = """
            service: test
            provider: { name: aws }
            resources:
              Resources:
                UserPool:
                  Type: AWS::Cognito::UserPool
                  Properties:
                    UserPoolName: pool
                    AutoVerifiedAttributes: [email]
                    LambdaConfig: \(lambdaConfig)
                Client:
                  Type: AWS::Cognito::UserPoolClient
                  Properties:
                    UserPoolId: { Ref: UserPool }
                    ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
            """
        let (service, configuration) = try await CognitoTestSupport.service(yaml)
        let script = TriggerScript(answers)
        service.setTriggerRunner(script.runner)
        return (service, configuration.poolID(forLogicalID: "UserPool"), configuration.clientID(forLogicalID: "Client"), script)
    }

    /// A legacy store of one user, `legacy` with password `Legacy-Passw0rd`.
    static let legacyStore: TriggerScript.Answer = { event in
        var event = event
        let known = event.userName == "legacy"
        let passwordRight = event.request.password == "Legacy-Passw0rd"
        if known, event.triggerSource == "UserMigration_ForgotPassword" || passwordRight {
            event.response.userAttributes = ["email": "legacy@example.com", "email_verified": "true", "sub": "ignored"]
            event.response.finalUserStatus = "CONFIRMED"
            event.response.messageAction = "SUPPRESS"
        }
        return .success(event)
    }

    @Test("a user the pool does not know is migrated at sign-in with the password typed, once")
    func migrationAtSignIn() async throws {
        let (service, poolID, clientID, script) = try await Self.service(
            lambdaConfig: "{ UserMigration: \(Self.arn)migrate }",
            ["migrate": Self.legacyStore]
        )
        func signIn(_ username: String, _ password: String) async throws(CognitoError) -> InitiateAuthResponse {
            try await service.initiateAuth(
                InitiateAuthRequest(AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientID, AuthParameters: ["USERNAME": username, "PASSWORD": password])
            )
        }
        let first = try await signIn("legacy", "Legacy-Passw0rd")
        #expect(first.AuthenticationResult?.IdToken != nil)
        let event = try #require(script.events("UserMigration_Authentication").first)
        #expect(event.userName == "legacy" && event.request.password == "Legacy-Passw0rd" && event.callerContext.clientId == clientID)
        let user = try await service.adminGetUser(AdminGetUserRequest(UserPoolId: poolID, Username: "legacy"))
        #expect(user.UserStatus == "CONFIRMED")
        #expect(user.UserAttributes.contains(AttributeType(Name: "email", Value: "legacy@example.com")))
        #expect(!user.UserAttributes.contains(AttributeType(Name: "sub", Value: "ignored")))
        // Now a user of the pool: the next sign-in checks the stored password and asks nobody.
        _ = try await signIn("legacy", "Legacy-Passw0rd")
        #expect(script.events("UserMigration_Authentication").count == 1)
        await #expect(throws: CognitoError.self) { _ = try await signIn("legacy", "wrong-Passw0rd") }
        // Unknown to the legacy store too: the usual answer.
        do {
            _ = try await signIn("nobody", "Whatever-1")
            Issue.record("an unknown user signed in")
        } catch {
            #expect(error.type == "UserNotFoundException")
        }
    }

    @Test("ForgotPassword migrates the user as RESET_REQUIRED and sends the code; a failing function fails the sign-in")
    func migrationAtForgotPassword() async throws {
        let (service, poolID, clientID, script) = try await Self.service(
            lambdaConfig: "{ UserMigration: \(Self.arn)migrate }",
            ["migrate": Self.legacyStore]
        )
        let answer = try await service.forgotPassword(ForgotPasswordRequest(ClientId: clientID, Username: "legacy"))
        #expect(answer.CodeDeliveryDetails?.DeliveryMedium == "EMAIL")
        #expect(script.events("UserMigration_ForgotPassword").first?.request.password == nil)
        let user = try await service.adminGetUser(AdminGetUserRequest(UserPoolId: poolID, Username: "legacy"))
        #expect(user.UserStatus == "RESET_REQUIRED")
        #expect(service.outbox.list(username: "legacy").last?.code != nil)

        let (failing, _, failingClient, _) = try await Self.service(
            lambdaConfig: "{ UserMigration: \(Self.arn)migrate }",
            ["migrate": { _ in .failure(.functionError("legacy store is down")) }]
        )
        do {
            _ = try await failing.initiateAuth(
                InitiateAuthRequest(
                    AuthFlow: "USER_PASSWORD_AUTH",
                    ClientId: failingClient,
                    AuthParameters: ["USERNAME": "x", "PASSWORD": "Passw0rd!"]
                )
            )
            Issue.record("the sign-in should fail")
        } catch {
            #expect(error.type == "UserLambdaValidationException" && error.message == "UserMigration failed with error legacy store is down.")
        }
    }

    @Test("with CustomEmailSender the function sends the code (base64 in request.code) instead of CustomMessage's words")
    func customEmailSender() async throws {
        let config = "{ CustomMessage: \(Self.arn)message, CustomEmailSender: { LambdaArn: \(Self.arn)sender, LambdaVersion: V1_0 }, KMSKeyID: key }"
        let (service, _, clientID, script) = try await Self.service(lambdaConfig: config, [:])
        _ = try await service.signUp(
            SignUpRequest(
                ClientId: clientID,
                Username: "mia",
                Password: "Passw0rd!",
                UserAttributes: [AttributeType(Name: "email", Value: "mia@example.com")]
            )
        )
        let event = try #require(script.events("CustomEmailSender_SignUp").first)
        #expect(event.request.type == "customEmailSenderRequestV1")
        let sent = try #require(service.outbox.list(username: "mia").last)
        let code = try #require(sent.code)
        #expect(event.request.code.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } == code)
        #expect(script.events("CustomMessage_SignUp").isEmpty)
        // The code it was given confirms the user.
        _ = try await service.confirmSignUp(ConfirmSignUpRequest(ClientId: clientID, Username: "mia", ConfirmationCode: code))
    }
}
