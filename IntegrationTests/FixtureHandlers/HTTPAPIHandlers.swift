import APIGatewayEmulator
import EmulatorCore
import Foundation
import LambdaEmulator

/// Handlers for the HTTP API conformance tests: a simple-response Lambda authorizer and a handler that
/// answers in every shape an HTTP API must read (`/shapes/{kind}`).
enum HTTPAPIHandlers {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func register(in registry: inout HandlerRegistry) {
        registry.register("fixtures/httpAuthorizer.handler") {
            (event: APIGatewayV2AuthorizerEvent, _: LambdaContext) -> APIGatewayV2AuthorizerSimpleResponse in
            guard event.identitySource.first == "letmein" else { return APIGatewayV2AuthorizerSimpleResponse(isAuthorized: false) }
            return APIGatewayV2AuthorizerSimpleResponse(
                isAuthorized: true,
                context: ["user": .string("fixture-user"), "level": .int(3), "route": .string(event.routeKey)]
            )
        }
        registry.register("fixtures/httpShapes.handler") { (event: APIGatewayV2Request, _: LambdaContext) -> JSONValue in
            switch event.pathParameters?["kind"] {
            case "string": return .string("plain text answer")
            case "object": return .object([.init("inferred", .bool(true))])
            case "structured":
                return .object([
                    .init("statusCode", .int(201)),
                    .init("headers", .object([.init("X-Custom", .string("yes"))])),
                    .init("cookies", .array([.string("session=abc; Path=/"), .string("theme=dark")])),
                    .init("body", .string("created")),
                ])
            case "base64":
                return .object([
                    .init("statusCode", .int(200)), .init("body", .string(Data([0, 1, 2, 255]).base64EncodedString())),
                    .init("isBase64Encoded", .bool(true)), .init("headers", .object([.init("Content-Type", .string("application/octet-stream"))])),
                ])
            case "malformed": return .object([.init("statusCode", .string("200"))])
            case "object-body": return .object([.init("statusCode", .int(200)), .init("body", .object([]))])
            default: throw Failure(description: "the fixture failed on purpose")
            }
        }
    }
}
