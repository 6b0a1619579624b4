import EmulatorCore
import Foundation
public import LambdaEmulator

/// `emulate/echo.handler`: answers 200 with the event it received as its JSON body — a REST (1.0) or
/// HTTP API (2.0) proxy event, or any other — so users and conformance tests can see exactly what a
/// route delivers.
public enum EchoHandler {
    /// The handler string it is registered under.
    public static let name = "emulate/echo.handler"

    /// Registers the handler.
    public static func register(in registry: inout HandlerRegistry) {
        registry.register(name) { (event: JSONValue, _: LambdaContext) in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let body = String(decoding: try encoder.encode(event), as: UTF8.self)
            return APIGatewayProxyResponse(statusCode: 200, headers: ["Content-Type": "application/json"], body: body)
        }
    }
}
