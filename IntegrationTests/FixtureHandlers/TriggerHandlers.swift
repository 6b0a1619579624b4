import CognitoEmulator
import LambdaEmulator

/// Cognito trigger handlers for the conformance tests (IntegrationTests/python/fixtures/advanced.yml).
enum TriggerHandlers {
    struct Rejection: Error, CustomStringConvertible {
        var description: String
    }

    static func register(in registry: inout HandlerRegistry) {
        // Refuses one domain; confirms and verifies another without a code.
        registry.register("fixtures/preSignUp.handler") { (event: CognitoTriggerEvent, _: LambdaContext) -> CognitoTriggerEvent in
            var event = event
            let email = event.request.userAttributes["email"] ?? ""
            if email.hasSuffix("@blocked.example") { throw Rejection(description: "Sign-ups from this domain are closed") }
            if email.hasSuffix("@auto.example") {
                event.response.autoConfirmUser = true
                event.response.autoVerifyEmail = true
            }
            return event
        }
        // Puts every confirmed user in the `confirmed` group, through the function's own Cognito client.
        registry.register("fixtures/postConfirmation.handler") { (event: CognitoTriggerEvent, context: LambdaContext) -> CognitoTriggerEvent in
            _ = try await context.aws.cognito.adminAddUserToGroup(
                AdminAddUserToGroupRequest(
                    UserPoolId: event.userPoolId,
                    Username: event.userName,
                    GroupName: "confirmed"
                )
            )
            return event
        }
        registry.register("fixtures/customMessage.handler") { (event: CognitoTriggerEvent, _: LambdaContext) -> CognitoTriggerEvent in
            var event = event
            event.response.emailSubject = "Welcome to the fixtures"
            event.response.emailMessage =
                event.triggerSource == "CustomMessage_AdminCreateUser"
                ? "Hello {username}, your temporary password is {####}" : "Your fixture code is {####} (\(event.triggerSource))"
            return event
        }
        // Version 2: a claim in both tokens and a scope; the group list replaced when the user asked for it.
        registry.register("fixtures/preToken.handler") { (event: CognitoTriggerEvent, _: LambdaContext) -> CognitoTriggerEvent in
            var event = event
            event.response.claimsAndScopeOverrideDetails = .init(
                idTokenGeneration: .init(claimsToAddOrOverride: ["tier": .string("gold"), "source": .string(event.triggerSource)]),
                accessTokenGeneration: .init(claimsToAddOrOverride: ["tier": .string("gold")], scopesToAdd: ["orders/read"])
            )
            return event
        }
        registry.register("fixtures/define.handler") { (event: CognitoTriggerEvent, _: LambdaContext) -> CognitoTriggerEvent in
            var event = event
            let results = event.request.session ?? []
            if results.last?.challengeResult == true {
                event.response.issueTokens = true
            } else if results.count >= 3 {
                event.response.failAuthentication = true
            } else {
                event.response.challengeName = "CUSTOM_CHALLENGE"
            }
            return event
        }
        registry.register("fixtures/create.handler") { (event: CognitoTriggerEvent, _: LambdaContext) -> CognitoTriggerEvent in
            var event = event
            let round = (event.request.session ?? []).count + 1
            event.response.publicChallengeParameters = ["question": "\(round) + \(round)?"]
            event.response.privateChallengeParameters = ["answer": String(round * 2)]
            event.response.challengeMetadata = "ROUND-\(round)"
            return event
        }
        registry.register("fixtures/verify.handler") { (event: CognitoTriggerEvent, _: LambdaContext) -> CognitoTriggerEvent in
            var event = event
            event.response.answerCorrect = event.request.challengeAnswer == event.request.privateChallengeParameters?["answer"]
            return event
        }
    }
}
