import APIGatewayEmulator
import EmulatorTesting
import Foundation
import Testing

/// `AWS::ApiGateway::GatewayResponse` resources change the REST API's own answers, as on AWS.
@Suite("REST gateway responses")
struct GatewayResponseTests {
    static let yaml = """
        service: responses
        provider: { name: aws }
        functions:
          private:
            handler: emulate/echo.handler
            events:
              - http: { path: secret, method: get, authorizer: { type: COGNITO_USER_POOLS, arn: !GetAtt Pool.Arn } }
        resources:
          Resources:
            Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: responses } }
            Cors4xx:
              Type: AWS::ApiGateway::GatewayResponse
              Properties:
                ResponseType: DEFAULT_4XX
                RestApiId: { Ref: ApiGatewayRestApi }
                ResponseParameters:
                  gatewayresponse.header.Access-Control-Allow-Origin: "'*'"
                  gatewayresponse.header.Access-Control-Allow-Headers: "'*'"
            Unauthorized:
              Type: AWS::ApiGateway::GatewayResponse
              Properties:
                ResponseType: UNAUTHORIZED
                RestApiId: !Ref ApiGatewayRestApi
                StatusCode: '419'
                ResponseTemplates:
                  application/json: '{"error":$context.error.messageString,"type":"$context.error.responseType","id":"$context.requestId"}'
        """

    @Test("DEFAULT_4XX adds headers to every 4xx answer; UNAUTHORIZED changes the status and the body's template")
    func overrides() async throws {
        let emulator = try await TestEmulator(yaml: Self.yaml) { _ in }
        let missing = await emulator.request("GET", "/nope")
        #expect(missing.status == 403 && missing.text == #"{"message":"Missing Authentication Token"}"#)
        #expect(missing.header("Access-Control-Allow-Origin") == "*" && missing.header("Access-Control-Allow-Headers") == "*")
        let unauthorized = await emulator.request("GET", "/secret")
        #expect(unauthorized.status == 419)
        #expect(unauthorized.text == #"{"error":"Unauthorized","type":"UNAUTHORIZED","id":"\#(unauthorized.requestID)"}"#)
        #expect(unauthorized.header("Access-Control-Allow-Origin") == nil, "a type's own response replaces DEFAULT_4XX")
    }
}
