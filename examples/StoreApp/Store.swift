import APIGatewayEmulator
import CognitoEmulator
import LambdaEmulator

/// The store's routes, behind the Cognito authorizer; each decides on the token's claims.
enum Store {
    /// `GET /store/profile`: who the caller is, as the token says.
    static func profile(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let claims = event.requestContext.authorizer?.claims ?? [:]
        return Reply.send(
            200,
            [
                "email": claims["email"] ?? "", "role": claims["custom:role"] ?? "", "plan": claims["plan"] ?? "", "storeId": claims["storeId"] ?? "",
            ]
        )
    }

    /// `GET /store/reports`: premium plan only.
    static func reports(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let claims = event.requestContext.authorizer?.claims ?? [:]
        guard claims["plan"] == "premium" else { return Reply.send(403, ["message": "Reports need the premium plan"]) }
        return Reply.send(200, ["message": "Reports for store \(claims["storeId"] ?? "")"])
    }

    /// `GET /store/team`: the store's owner only.
    static func team(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let claims = event.requestContext.authorizer?.claims ?? [:]
        guard claims["custom:role"] == "owner" else { return Reply.send(403, ["message": "Only the store's owner may see the team"]) }
        return Reply.send(200, ["message": "Team of store \(claims["storeId"] ?? "")"])
    }

    /// `POST /store/upgrade`: the owner moves to the premium plan (the premium group); new tokens carry it.
    static func upgrade(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let claims = event.requestContext.authorizer?.claims ?? [:]
        guard claims["custom:role"] == "owner", let username = claims["cognito:username"] else {
            return Reply.send(403, ["message": "Only the store's owner may change the plan"])
        }
        _ = try await context.aws.cognito.adminAddUserToGroup(
            AdminAddUserToGroupRequest(
                UserPoolId: context.environment["USER_POOL_ID"] ?? "",
                Username: username,
                GroupName: "premium"
            )
        )
        return Reply.send(200, ["message": "Upgraded to premium; refresh your tokens"])
    }
}
