import APIGatewayEmulator
import LambdaEmulator

/// `user/private.handler`: answers with the e-mail from the Cognito authorizer's claims.
enum Private {
    static func handler(_ event: APIGatewayProxyRequest, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let email = event.requestContext.authorizer?.claims?["email"] ?? "unknown"
        return Response.send(200, ["message": "Email \(email) has been authorized"])
    }
}

/// `user/privateHttp.handler`: the same answer behind an HTTP API's JWT authorizer (payload 2.0).
enum PrivateHTTP {
    static func handler(_ event: APIGatewayV2Request, _ context: LambdaContext) async throws -> APIGatewayProxyResponse {
        let email = event.requestContext.authorizer?.jwt?.claims["email"] ?? "unknown"
        return Response.send(200, ["message": "Email \(email) has been authorized"])
    }
}
