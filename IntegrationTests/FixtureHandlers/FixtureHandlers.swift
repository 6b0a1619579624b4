import APIGatewayEmulator
import CognitoEmulator
import Foundation
import LambdaEmulator

/// Handlers that misbehave on purpose and Lambda authorizers, for the gateway's conformance tests —
/// and an example of a project's own `emulate` executable that registers its handlers.
enum FixtureHandlers {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A result that is not a proxy response, chosen by `?kind=`.
    struct Malformed: Codable, Sendable {
        var statusCode: String?
        var status: Int?
        var body: [String: String]?
        var headers: [String: Int]?
    }

    static func register(in registry: inout HandlerRegistry) {
        registry.register("fixtures/throw.handler") { (_: APIGatewayProxyRequest, context: LambdaContext) -> APIGatewayProxyResponse in
            throw Failure(description: "the fixture failed on purpose in \(context.functionName)")
        }
        registry.register("fixtures/sleep.handler") { (_: APIGatewayProxyRequest, _: LambdaContext) -> APIGatewayProxyResponse in
            // Never returns and ignores cancellation: the gateway must answer anyway.
            await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
            return APIGatewayProxyResponse(statusCode: 200)
        }
        registry.register("fixtures/malformed.handler") { (event: APIGatewayProxyRequest, _: LambdaContext) -> Malformed in
            switch event.queryStringParameters?["kind"] {
            case "string-status": return Malformed(statusCode: "200")
            case "unknown-key": return Malformed(status: 200)
            case "object-body": return Malformed(statusCode: nil, body: ["a": "b"])
            default: return Malformed(statusCode: nil, headers: ["X-Count": 1])
            }
        }
        registry.register("fixtures/binary.handler") { (event: APIGatewayProxyRequest, _: LambdaContext) in
            APIGatewayProxyResponse(
                statusCode: 200,
                headers: ["Content-Type": "application/octet-stream"],
                body: Data([0, 1, 2, 255]).base64EncodedString(),
                isBase64Encoded: true
            )
        }
        registry.register("fixtures/allocate.handler") { (_: APIGatewayProxyRequest, _: LambdaContext) in
            // About 256 MB allocated, touched and released, as a careless handler might.
            var buffer = [UInt8](repeating: 1, count: 256 * 1024 * 1024)
            buffer[buffer.count - 1] = 2
            return APIGatewayProxyResponse(statusCode: 200, body: "\(buffer.count + Int(buffer[buffer.count - 1]))")
        }
        registry.register("fixtures/env.handler") { (_: APIGatewayProxyRequest, context: LambdaContext) in
            let data = try JSONSerialization.data(withJSONObject: context.environment, options: [.sortedKeys])
            return APIGatewayProxyResponse(statusCode: 200, body: String(decoding: data, as: UTF8.self))
        }
        registry.register("fixtures/iam.handler") { (_: APIGatewayProxyRequest, context: LambdaContext) in
            let pool = context.environment["POOL_ID"] ?? ""
            var outcome: [String: String] = [:]
            do {
                _ = try await context.aws.cognito.adminGetUser(AdminGetUserRequest(UserPoolId: pool, Username: "nobody"))
            } catch {
                outcome["AdminGetUser"] = "\(error)"
            }
            do {
                _ = try await context.aws.cognito.adminCreateUser(
                    AdminCreateUserRequest(UserPoolId: pool, Username: "someone", MessageAction: "SUPPRESS")
                )
                outcome["AdminCreateUser"] = "allowed"
            } catch {
                outcome["AdminCreateUser"] = "\(error)"
            }
            let data = try JSONSerialization.data(withJSONObject: outcome, options: [.sortedKeys])
            return APIGatewayProxyResponse(statusCode: 200, body: String(decoding: data, as: UTF8.self))
        }
        registry.register("fixtures/token-authorizer.handler") { (event: APIGatewayTokenAuthorizerEvent, _: LambdaContext) in
            switch event.authorizationToken {
            case "unauthorized": throw Failure(description: "Unauthorized")
            case "broken": throw Failure(description: "the authorizer crashed")
            default:
                let effect = event.authorizationToken == "deny" ? "Deny" : "Allow"
                return policy(
                    principal: "user-\(event.authorizationToken)",
                    effect: effect,
                    resource: event.methodArn,
                    context: ["token": event.authorizationToken]
                )
            }
        }
        registry.register("fixtures/request-authorizer.handler") { (event: APIGatewayRequestAuthorizerEvent, _: LambdaContext) in
            let tenant = event.headers?["X-Tenant"] ?? event.headers?["x-tenant"] ?? ""
            let arnPrefix = event.methodArn.split(separator: "/").first.map(String.init) ?? "*"
            return policy(
                principal: "tenant-\(tenant)",
                effect: tenant == "blocked" ? "Deny" : "Allow",
                resource: "\(arnPrefix)/*",
                context: ["tenant": tenant]
            )
        }
    }

    static func policy(principal: String, effect: String, resource: String, context: [String: String]) -> [String: AnyCodable] {
        [
            "principalId": .string(principal),
            "policyDocument": .object([
                "Version": .string("2012-10-17"),
                "Statement": .array([.object(["Action": .string("execute-api:Invoke"), "Effect": .string(effect), "Resource": .string(resource)])]),
            ]),
            "context": .object(context.mapValues(AnyCodable.string)),
        ]
    }
}

/// A small JSON value for the authorizers' answers, as a handler would build one.
enum AnyCodable: Codable, Sendable {
    case string(String)
    case array([AnyCodable])
    case object([String: AnyCodable])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AnyCodable].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AnyCodable].self))
        }
    }
}
