import APIGatewayEmulator
import CognitoEmulator
import EmulatorServer
import Foundation
import LambdaEmulator
import Testing

/// One clock for every service, moved over the wire; and URLs provisioned for the ports the listeners bound.
@Suite("the emulator's clock and its bound ports, over real listeners")
struct ClockAndPortTests {
    static let yaml = """
        service: clocked
        provider:
          name: aws
          environment:
            POOL_URL: !GetAtt UserPool.ProviderURL
            POOL_ARN: !GetAtt UserPool.Arn
        functions:
          echo:
            handler: emulate/echo.handler
            timeout: 30
            events: [{ http: { path: echo, method: get } }]
          context:
            handler: test/context.handler
            timeout: 30
            events: [{ http: { path: context, method: get } }]
        resources:
          Resources:
            UserPool:
              Type: AWS::Cognito::UserPool
              Properties: { UserPoolName: clocked, AutoVerifiedAttributes: [email] }
            UserClient:
              Type: AWS::Cognito::UserPoolClient
              Properties: { UserPoolId: !Ref UserPool, ExplicitAuthFlows: [ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH] }
        """

    /// Answers the deadline the handler sees (ms since 1970) and its environment.
    static func register(_ handlers: inout HandlerRegistry) {
        handlers.register("test/context.handler") { (_: APIGatewayProxyRequest, context: LambdaContext) in
            let body = try JSONSerialization.data(withJSONObject: [
                "deadlineMs": Int(context.deadline.timeIntervalSince1970 * 1000),
                "poolURL": context.environment["POOL_URL"] ?? "", "poolARN": context.environment["POOL_ARN"] ?? "",
            ])
            return APIGatewayProxyResponse(statusCode: 200, body: String(decoding: body, as: UTF8.self))
        }
    }

    @Test("POST /_emulate/clock moves requestTime(Epoch), the handler's deadline, and code and token expiry alike")
    func clockMovesEverything() async throws {
        try await LiveEmulator.with(Self.yaml, handlers: Self.register) { live in
            let api = try #require(live.ready.api)
            let cognito = live.emulator.cognito
            let pool = try #require(cognito.livePools.first)
            let client = try #require(cognito.liveClients(poolID: pool.id).first)
            _ = try await cognito.adminCreateUser(
                .init(
                    UserPoolId: pool.id,
                    Username: "clock@example.com",
                    UserAttributes: [.init(Name: "email", Value: "clock@example.com"), .init(Name: "email_verified", Value: "true")],
                    MessageAction: "SUPPRESS"
                )
            )
            _ = try await cognito.adminSetUserPassword(
                .init(UserPoolId: pool.id, Username: "clock@example.com", Password: "Passw0rd!", Permanent: true)
            )
            let signIn = try await cognito.adminInitiateAuth(
                .init(
                    UserPoolId: pool.id,
                    ClientId: client.id,
                    AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
                    AuthParameters: ["USERNAME": "clock@example.com", "PASSWORD": "Passw0rd!"]
                )
            )
            let accessToken = try #require(signIn.AuthenticationResult?.AccessToken)
            _ = try await cognito.forgotPassword(.init(ClientId: client.id, Username: "clock@example.com"))
            let code = try #require(cognito.outbox.list(username: "clock@example.com").last?.code)
            #expect(try cognito.getUser(.init(AccessToken: accessToken)).Username == "clock@example.com")

            let before = Date().timeIntervalSince1970 * 1000
            let day = 86_400.0
            try await live.advanceClock(seconds: 2 * day)

            let echo = try await live.send("GET", api + "/echo")
            let context = try #require(echo.json["requestContext"] as? [String: Any])
            let epoch = try #require(context["requestTimeEpoch"] as? Double)
            #expect(epoch >= before + 2 * day * 1000 && epoch < before + (2 * day + 600) * 1000)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
            let requestTime = try #require((context["requestTime"] as? String).flatMap(formatter.date(from:)))
            #expect(abs(requestTime.timeIntervalSince1970 * 1000 - epoch) < 2000)

            let seen = try await live.send("GET", api + "/context")
            let deadline = try #require(seen.json["deadlineMs"] as? Double)
            #expect(deadline >= before + (2 * day + 30) * 1000 && deadline < before + (2 * day + 600) * 1000)

            #expect(throws: CognitoError.self) { _ = try cognito.getUser(.init(AccessToken: accessToken)) }
            do {
                _ = try await cognito.confirmForgotPassword(
                    .init(ClientId: client.id, Username: "clock@example.com", ConfirmationCode: code, Password: "N3wPassw0rd!")
                )
                Issue.record("a two-day-old code was accepted")
            } catch {
                #expect((error as? CognitoError)?.type == "ExpiredCodeException")
            }
        }
    }

    @Test("under --cognito-port 0, !GetAtt UserPool.ProviderURL and .Arn in a function's environment name the bound port and the live pool")
    func environmentNamesBoundPort() async throws {
        try await LiveEmulator.with(Self.yaml, handlers: Self.register) { live in
            let pool = try #require(live.ready.userPools["UserPool"])
            let port = try #require(URL(string: live.ready.cognito)?.port)
            #expect(port != 0 && port != 9229)
            let seen = try await live.send("GET", try #require(live.ready.api) + "/context")
            #expect(seen.json["poolURL"] as? String == "\(live.ready.cognito)/\(pool.id)")
            #expect(seen.json["poolURL"] as? String == pool.issuer)
            #expect(seen.json["poolARN"] as? String == pool.arn)
            #expect(pool.arn == "arn:aws:cognito-idp:us-east-1:000000000000:userpool/\(pool.id)")
        }
    }
}
