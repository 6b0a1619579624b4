import APIGatewayEmulator
import CognitoEmulator
import EmulatorServer
import Foundation
import LambdaEmulator
import Logging
import SeedApp
import ServerlessConfig
import Testing

/// The same router → authorizer → event → handler → response pipeline as `emulate up`, called in process.
@Suite("the gateway pipeline in process")
struct GatewayPipelineTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func seed() async throws -> Emulator {
        var handlers = HandlerRegistry()
        SeedApp.register(in: &handlers)
        var options = EmulatorOptions()
        options.inMemory = true
        return try await Emulator.prepare(configPath: root + "/serverless.yml", options: options, handlers: handlers, logger: Logger(label: "test"))
    }

    private func post(_ emulator: Emulator, _ path: String, _ body: String, headers: [(name: String, value: String)] = []) async -> GatewayResponse {
        await emulator.gateway.handle(
            GatewayRequest(method: "POST", path: "/dev" + path, headers: headers + [("Content-Type", "application/json")], body: Array(body.utf8))
        )
    }

    @Test("signup, login and the private route, with and without a token")
    func seedFlow() async throws {
        let emulator = try await Self.seed()
        let credentials = #"{"email":"in-process@example.com","password":"secret123"}"#
        #expect(await post(emulator, "/user/signup", credentials).status == 200)
        let duplicate = await post(emulator, "/user/signup", credentials)
        #expect(duplicate.status == 409 && duplicate.bodyText == #"{"message":"User account already exists"}"#)
        let login = await post(emulator, "/user/login", credentials)
        #expect(login.status == 200)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(login.body)) as? [String: String])?["token"])
        let authorized = await post(emulator, "/user/private", "", headers: [("Authorization", token)])
        #expect(authorized.status == 200)
        #expect(authorized.bodyText == #"{"message":"Email in-process@example.com has been authorized"}"#)
        let anonymous = await post(emulator, "/user/private", "")
        #expect(anonymous.status == 401 && anonymous.bodyText == #"{"message":"Unauthorized"}"#)
        #expect(anonymous.header("x-amzn-ErrorType") == "UnauthorizedException")
        let tampered = await post(emulator, "/user/private", "", headers: [("Authorization", String(token.dropLast(3)) + "abc")])
        #expect(tampered.status == 401)
        let unknown = await post(emulator, "/user/nope", "")
        #expect(unknown.status == 403 && unknown.bodyText == #"{"message":"Missing Authentication Token"}"#)
    }

    @Test("the environment holds the live pool and client IDs; the role allows exactly the three admin calls")
    func environmentAndRole() async throws {
        let emulator = try await Self.seed()
        let signup = try #require(emulator.functions["signupUser"])
        let pool = try #require(emulator.cognito.livePools.first)
        #expect(signup.environment["user_pool_id"] == pool.id)
        #expect(signup.environment["client_id"] == emulator.cognito.liveClients(poolID: pool.id).first?.id)
        #expect(signup.environment["AWS_LAMBDA_FUNCTION_NAME"] == "serverless-cognito-auth-dev-signupUser")
        await #expect(throws: CognitoError.self) {
            _ = try await signup.cognito.listUsers(ListUsersRequest(UserPoolId: pool.id))
        }
    }

    @Test("a function without a handler stops start-up with the registered names, unless allowed")
    func missingHandlers() async throws {
        var handlers = HandlerRegistry()
        handlers.register("user/login.handler") { (_: APIGatewayProxyRequest, _: LambdaContext) in APIGatewayProxyResponse(statusCode: 200) }
        var options = EmulatorOptions()
        options.inMemory = true
        do {
            _ = try await Emulator.prepare(
                configPath: Self.root + "/serverless.yml",
                options: options,
                handlers: handlers,
                logger: Logger(label: "test")
            )
            Issue.record("start-up should have failed")
        } catch {
            #expect(error.diagnostics.count == 2)
            let message = error.diagnostics[0].message
            #expect(message.hasPrefix("function 'signupUser' (runtime provided.al2023) has no Swift handler registered for 'user/signup.handler'"))
            #expect(message.contains("set custom.emulate.functions.signupUser.command") && message.contains("or package.artifact"))
            #expect(message.contains("registered Swift handlers: user/login.handler"))
        }
        options.allowMissingHandlers = true
        let emulator = try await Emulator.prepare(
            configPath: Self.root + "/serverless.yml",
            options: options,
            handlers: handlers,
            logger: Logger(label: "test")
        )
        let response = await post(emulator, "/user/signup", "{}")
        #expect(response.status == 502 && response.bodyText == #"{"message": "Internal server error"}"#)
    }
}
