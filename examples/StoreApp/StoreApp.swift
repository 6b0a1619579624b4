import APIGatewayEmulator
import CognitoEmulator
import Foundation
public import LambdaEmulator

/// The store example's handlers (examples/store/serverless.yml): sign-up, log-in and refresh through the
/// server client, routes that authorise on the `plan`, `storeId` and `custom:role` claims, and the
/// PreTokenGeneration trigger that adds `plan` and `storeId`.
public enum StoreApp {
    /// Registers every handler.
    public static func register(in registry: inout HandlerRegistry) {
        registry.register("store/signup.handler", Auth.signup)
        registry.register("store/login.handler", Auth.login)
        registry.register("store/refresh.handler", Auth.refresh)
        registry.register("store/profile.handler", Store.profile)
        registry.register("store/reports.handler", Store.reports)
        registry.register("store/team.handler", Store.team)
        registry.register("store/upgrade.handler", Store.upgrade)
        registry.register("store/preTokenGeneration.handler", Claims.preTokenGeneration)
    }
}

/// JSON answers with CORS headers.
enum Reply {
    static func send(_ status: Int, _ body: [String: String]) -> APIGatewayProxyResponse {
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("{}".utf8)
        return APIGatewayProxyResponse(
            statusCode: status,
            headers: ["Content-Type": "application/json", "Access-Control-Allow-Origin": "*"],
            body: String(decoding: data, as: UTF8.self)
        )
    }

    /// A request body decoded as `Body`, or nil.
    static func body<Body: Decodable>(_ event: APIGatewayProxyRequest, as: Body.Type) -> Body? {
        guard let text = event.body else { return nil }
        return try? JSONDecoder().decode(Body.self, from: Data(text.utf8))
    }
}
