import APIGatewayEmulator
import EmulatorCore
import EmulatorTesting
import Foundation
import Testing

/// HTTP API routes in process, through the same pipeline `emulate up` runs.
@Suite("HTTP APIs in process")
struct HTTPAPITests {
    static let yaml = """
        service: notes
        provider:
          name: aws
          httpApi:
            authorizers:
              pool:
                issuerUrl: !Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}
                audience: [!Ref Client]
        functions:
          echo:
            handler: emulate/echo.handler
            events:
              - httpApi: 'GET /notes/{id}'
              - httpApi: { method: GET, path: /mine, authorizer: { name: pool } }
              - httpApi: { method: GET, path: /admin, authorizer: { name: pool, scopes: [aws.cognito.signin.user.admin] } }
              - httpApi: '*'
          typed:
            handler: test/typed.handler
            events: [{ httpApi: 'POST /typed' }]
        resources:
          Resources:
            Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: notes, UsernameAttributes: [email] } }
            Client: { Type: AWS::Cognito::UserPoolClient, Properties: { UserPoolId: !Ref Pool, ExplicitAuthFlows: [ALLOW_ADMIN_USER_PASSWORD_AUTH] } }
        """

    static func emulator(_ yaml: String = yaml) async throws -> TestEmulator {
        try await TestEmulator(yaml: yaml) { handlers in
            handlers.register("test/typed.handler") { (event: APIGatewayV2Request, _: LambdaContext) in
                APIGatewayV2Response(statusCode: 201, headers: ["X-Route": event.routeKey], cookies: ["a=1"], body: event.body ?? "")
            }
        }
    }

    private func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test("a public route gets a 2.0 event at its own path; the $default route catches the rest")
    func publicRouteAndDefault() async throws {
        let emulator = try await Self.emulator()
        let response = await emulator.httpRequest("GET", "/notes/7", headers: ["X-Trace": "t"], query: ["q": "1"])
        response.expect(status: 200)
        let event = try json(response)
        #expect(event["version"] as? String == "2.0" && event["routeKey"] as? String == "GET /notes/7".replacingOccurrences(of: "7", with: "{id}"))
        #expect(event["pathParameters"] as? [String: String] == ["id": "7"] && event["rawQueryString"] as? String == "q=1")
        #expect((event["headers"] as? [String: String])?["x-trace"] == "t")
        let fallback = try json(await emulator.httpRequest("DELETE", "/anything/else"))
        #expect(fallback["routeKey"] as? String == "$default")
        #expect(await emulator.request("GET", "/notes/7").status == 200, "under /dev the HTTP API still answers: REST has no routes")
    }

    @Test("a JWT route takes the pool's ID and access tokens, refuses none and checks scopes")
    func jwtRoute() async throws {
        let emulator = try await Self.emulator()
        try await emulator.createUser("jo@example.com", password: "Passw0rd!x", attributes: ["email": "jo@example.com"])
        let tokens = try await emulator.tokens(for: "jo@example.com")
        let anonymous = await emulator.httpRequest("GET", "/mine")
        #expect(anonymous.status == 401 && anonymous.text == #"{"message":"Unauthorized"}"#)
        let mine = await emulator.httpRequest("GET", "/mine", headers: ["Authorization": "Bearer \(tokens.IdToken)"])
        mine.expect(status: 200)
        let claims = try #require(((try json(mine)["requestContext"] as? [String: Any])?["authorizer"] as? [String: Any])?["jwt"] as? [String: Any])
        #expect((claims["claims"] as? [String: String])?["email"] == "jo@example.com")
        #expect(await emulator.httpRequest("GET", "/admin", headers: ["Authorization": tokens.AccessToken]).status == 200)
        let idForScope = await emulator.httpRequest("GET", "/admin", headers: ["Authorization": tokens.IdToken])
        #expect(idForScope.status == 403 && idForScope.text == #"{"message":"Forbidden"}"#)
        emulator.advanceClock(seconds: 7200)
        #expect(await emulator.httpRequest("GET", "/mine", headers: ["Authorization": tokens.IdToken]).status == 401)
    }

    @Test("a typed 2.0 handler: its response's status, headers and cookies reach the client")
    func typedHandler() async throws {
        let emulator = try await Self.emulator()
        let response = await emulator.httpRequest("POST", "/typed", body: "hello")
        #expect(response.status == 201 && response.text == "hello")
        #expect(response.header("X-Route") == "POST /typed" && response.header("Set-Cookie") == "a=1")
        let direct = try await emulator.invoke("typed", event: APIGatewayV2Request.synthetic("POST", "/typed", body: "direct"))
        #expect((direct as? APIGatewayV2Response)?.body == "direct")
    }

    @Test("provider.httpApi.payload 1.0 sends REST-shaped events to HTTP API routes")
    func payloadOne() async throws {
        let yaml = Self.yaml.replacingOccurrences(of: "  httpApi:\n    authorizers:", with: "  httpApi:\n    payload: '1.0'\n    authorizers:")
        let emulator = try await Self.emulator(yaml)
        let event = try json(await emulator.httpRequest("GET", "/notes/9"))
        #expect(event["httpMethod"] as? String == "GET" && event["resource"] as? String == "/notes/{id}")
        #expect((event["requestContext"] as? [String: Any])?["stage"] as? String == "$default")
    }

    @Test("a JWT authorizer whose issuer is no pool of the service stops the emulator, at the authorizer's line")
    func foreignIssuer() async throws {
        let yaml = Self.yaml.replacingOccurrences(
            of: "!Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}",
            with: "https://auth.example.com/"
        )
        do {
            _ = try await Self.emulator(yaml)
            Issue.record("started with an issuer it cannot verify")
        } catch {
            #expect("\(error)".contains("serverless.yml:6:7: error: the httpApi authorizer 'pool' trusts the issuer 'https://auth.example.com/'"))
        }
    }
}
