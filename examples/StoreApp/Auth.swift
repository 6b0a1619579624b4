import APIGatewayEmulator
import CognitoEmulator
import LambdaEmulator

/// Sign-up, log-in and refresh, calling Cognito with the function's own (IAM-checked) client.
enum Auth {
    struct SignUp: Decodable {
        var email: String
        var password: String
        var store: String
        var role: String?
    }

    struct Credentials: Decodable {
        var email: String
        var password: String
    }

    struct Refresh: Decodable {
        var refreshToken: String
    }

    /// `POST /auth/signup`: a confirmed user of a store, `owner` or `staff` (the default).
    static func signup(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        guard let body = Reply.body(event, as: SignUp.self), !body.store.isEmpty else {
            return Reply.send(400, ["message": "Send email, password and store"])
        }
        let role = body.role ?? "staff"
        guard ["owner", "staff"].contains(role) else { return Reply.send(400, ["message": "role is owner or staff"]) }
        let poolID = context.environment["USER_POOL_ID"] ?? ""
        do {
            _ = try await context.aws.cognito.adminCreateUser(
                AdminCreateUserRequest(
                    UserPoolId: poolID,
                    Username: body.email,
                    UserAttributes: [
                        .init(Name: "email", Value: body.email), .init(Name: "email_verified", Value: "true"),
                        .init(Name: "custom:store", Value: body.store), .init(Name: "custom:role", Value: role),
                    ],
                    MessageAction: "SUPPRESS"
                )
            )
            _ = try await context.aws.cognito.adminSetUserPassword(
                AdminSetUserPasswordRequest(
                    UserPoolId: poolID,
                    Username: body.email,
                    Password: body.password,
                    Permanent: true
                )
            )
            return Reply.send(200, ["message": "Signed up"])
        } catch {
            switch error.type {
            case "UsernameExistsException": return Reply.send(409, ["message": error.message])
            case "InvalidPasswordException", "InvalidParameterException": return Reply.send(400, ["message": error.message])
            default: throw error
            }
        }
    }

    /// `POST /auth/login`: the ID token and the refresh token.
    static func login(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        guard let body = Reply.body(event, as: Credentials.self) else { return Reply.send(400, ["message": "Send email and password"]) }
        return try await tokens(context, flow: "ADMIN_USER_PASSWORD_AUTH", parameters: ["USERNAME": body.email, "PASSWORD": body.password])
    }

    /// `POST /auth/refresh`: a new ID token for a refresh token (claims recomputed by the trigger).
    static func refresh(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        guard let body = Reply.body(event, as: Refresh.self) else { return Reply.send(400, ["message": "Send refreshToken"]) }
        return try await tokens(context, flow: "REFRESH_TOKEN_AUTH", parameters: ["REFRESH_TOKEN": body.refreshToken])
    }

    private static func tokens(_ context: LambdaContext, flow: String, parameters: [String: String]) async throws -> APIGatewayProxyResponse {
        do {
            let result = try await context.aws.cognito.adminInitiateAuth(
                AdminInitiateAuthRequest(
                    UserPoolId: context.environment["USER_POOL_ID"] ?? "",
                    ClientId: context.environment["SERVER_CLIENT_ID"] ?? "",
                    AuthFlow: flow,
                    AuthParameters: parameters
                )
            )
            guard let tokens = result.AuthenticationResult else {
                return Reply.send(401, ["message": "Another step is needed: \(result.ChallengeName ?? "?")"])
            }
            var answer = ["token": tokens.IdToken]
            if let refreshToken = tokens.RefreshToken { answer["refreshToken"] = refreshToken }
            return Reply.send(200, answer)
        } catch {
            guard error.type == "NotAuthorizedException" || error.type == "UserNotFoundException" else { throw error }
            return Reply.send(401, ["message": error.message])
        }
    }
}
