import APIGatewayEmulator
import CognitoEmulator
import LambdaEmulator

/// `user/login.handler`: signs in with AdminInitiateAuth (ADMIN_NO_SRP_AUTH) and returns the ID token.
enum Login {
    static func handler(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let credentials: Validation.Credentials
        switch Validation.credentials(from: event.body) {
        case .failure(let failure): return Response.send(400, ["message": failure.message])
        case .success(let value): credentials = value
        }
        guard let poolID = context.environment["user_pool_id"], let clientID = context.environment["client_id"] else {
            return Response.send(500, ["message": "user_pool_id or client_id is not set"])
        }
        do {
            let result = try await context.aws.cognito.adminInitiateAuth(
                AdminInitiateAuthRequest(
                    UserPoolId: poolID,
                    ClientId: clientID,
                    AuthFlow: "ADMIN_NO_SRP_AUTH",
                    AuthParameters: ["USERNAME": credentials.email, "PASSWORD": credentials.password]
                )
            )
            guard let token = result.AuthenticationResult?.IdToken else {
                return Response.send(401, ["message": "Sign-in needs a further step: \(result.ChallengeName ?? "unknown challenge")"])
            }
            return Response.send(200, ["message": "Success", "token": token])
        } catch {
            switch error.type {
            case "NotAuthorizedException", "UserNotFoundException", "UserNotConfirmedException", "PasswordResetRequiredException":
                return Response.send(401, ["message": error.message])
            default:
                throw error
            }
        }
    }
}
