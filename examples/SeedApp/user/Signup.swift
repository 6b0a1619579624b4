import APIGatewayEmulator
import CognitoEmulator
import LambdaEmulator
import Logging

/// `user/signup.handler`: creates the user with AdminCreateUser (verified e-mail, no invitation) and
/// makes the password permanent with AdminSetUserPassword.
enum Signup {
    static func handler(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let credentials: Validation.Credentials
        switch Validation.credentials(from: event.body) {
        case .failure(let failure): return Response.send(400, ["message": failure.message])
        case .success(let value): credentials = value
        }
        guard let poolID = context.environment["user_pool_id"] else { return Response.send(500, ["message": "user_pool_id is not set"]) }
        do {
            let created = try await context.aws.cognito.adminCreateUser(
                AdminCreateUserRequest(
                    UserPoolId: poolID,
                    Username: credentials.email,
                    UserAttributes: [AttributeType(Name: "email", Value: credentials.email), AttributeType(Name: "email_verified", Value: "true")],
                    MessageAction: "SUPPRESS"
                )
            )
            do {
                _ = try await context.aws.cognito.adminSetUserPassword(
                    AdminSetUserPasswordRequest(
                        UserPoolId: poolID,
                        Username: created.User.Username,
                        Password: credentials.password,
                        Permanent: true
                    )
                )
            } catch {
                // Do not leave a user behind whose password was refused.
                _ = try? await context.aws.cognito.adminDeleteUser(AdminDeleteUserRequest(UserPoolId: poolID, Username: created.User.Username))
                throw error
            }
        } catch let error as CognitoError {
            context.logger.info("signup refused: \(error)")
            switch error.type {
            case "UsernameExistsException": return Response.send(409, ["message": error.message])
            case "InvalidPasswordException", "InvalidParameterException": return Response.send(400, ["message": error.message])
            default: throw error
            }
        }
        return Response.send(200, ["message": "User registration successful"])
    }
}
