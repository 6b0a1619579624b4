import CognitoEmulator
import Foundation
import LambdaEmulator
import Logging
import Testing

@Suite("Lambda invocation and IAM policies")
struct LambdaEmulatorTests {
    @Test(
        "IAM: Deny wins, wildcards match case-insensitively for actions, NotAction inverts",
        arguments: [
            ("cognito-idp:AdminCreateUser", "arn:aws:cognito-idp:us-east-1:0:userpool/p", IAMPolicy.Decision.allowed),
            ("cognito-idp:admincreateuser", "arn:aws:cognito-idp:us-east-1:0:userpool/p", .allowed),
            ("cognito-idp:AdminDeleteUser", "arn:aws:cognito-idp:us-east-1:0:userpool/p", .explicitlyDenied),
            ("cognito-idp:ListUsers", "arn:aws:cognito-idp:us-east-1:0:userpool/other", .implicitlyDenied),
            ("s3:GetObject", "arn:aws:s3:::bucket/key", .implicitlyDenied),
        ]
    )
    func policy(action: String, resource: String, expected: IAMPolicy.Decision) {
        let policy = IAMPolicy(statements: [
            .init(allow: true, actions: ["cognito-idp:Admin*", "cognito-idp:ListUsers"], resources: ["arn:aws:cognito-idp:us-east-1:0:userpool/p"]),
            .init(allow: false, actions: ["cognito-idp:AdminDelete?ser"], resources: ["*"]),
        ])
        #expect(policy.evaluate(action: action, resource: resource) == expected)
    }

    private func function(_ handler: AnyLambdaHandler?, timeout: Double) async throws -> LambdaFunction {
        let service = try await CognitoService(
            configuration: CognitoConfiguration(service: "s", stage: "dev", region: "us-east-1", accountID: "0"),
            store: try CognitoStore(path: nil)
        )
        return LambdaFunction(
            key: "fn",
            name: "s-dev-fn",
            handlerName: "fn.handler",
            arn: "arn",
            timeout: timeout,
            memorySize: 128,
            environment: ["A": "1"],
            handler: handler,
            cognito: CognitoClient(service: service, region: "us-east-1", accountID: "0")
        )
    }

    @Test("a handler gets its event as a Swift value and a context with the environment")
    func invokesWithContext() async throws {
        var registry = HandlerRegistry()
        registry.register("fn.handler") { (event: [String: String], context: LambdaContext) in
            ["echo": event["x"] ?? "", "env": context.environment["A"] ?? "", "name": context.functionName]
        }
        let result = await LambdaInvoker(logger: Logger(label: "test")).invoke(
            try await function(registry["fn.handler"], timeout: 3),
            event: ["x": "y"]
        )
        #expect((try result.get()) as? [String: String] == ["echo": "y", "env": "1", "name": "s-dev-fn"])
    }

    @Test("a handler that never returns times out with Lambda's message")
    func timesOut() async throws {
        var registry = HandlerRegistry()
        registry.register("fn.handler") { (_: [String: String], _: LambdaContext) -> [String: String] in
            await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
            return [:]
        }
        let result = await LambdaInvoker(logger: Logger(label: "test")).invoke(
            try await function(registry["fn.handler"], timeout: 0.2),
            event: ["x": "y"],
            requestID: "req-1"
        )
        guard case .failure(let failure) = result else {
            Issue.record("expected a timeout")
            return
        }
        #expect(failure.kind == .functionTimeout && failure.seconds == 0.2)
        #expect(failure.description == "req-1 Task timed out after 0.20 seconds")
    }

    @Test("a thrown error and a missing handler are failures, not crashes")
    func failures() async throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        var registry = HandlerRegistry()
        registry.register("fn.handler") { (_: [String: String], _: LambdaContext) -> [String: String] in throw Boom() }
        let invoker = LambdaInvoker(logger: Logger(label: "test"))
        guard case .failure(let thrown) = await invoker.invoke(try await function(registry["fn.handler"], timeout: 3), event: ["x": "y"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(thrown.kind == .handlerError && thrown.errorType == "Boom" && thrown.errorMessage == "boom")
        guard case .failure(let missing) = await invoker.invoke(try await function(nil, timeout: 3), event: ["x": "y"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(missing.kind == .missingHandler && missing.errorMessage == "fn.handler")
    }
}
