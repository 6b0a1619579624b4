import CognitoEmulator
import Provisioning
import ServerlessConfig
import Testing

@testable import APIGatewayEmulator

@Suite("routing, claim rendering and result checks")
struct RoutingAndRenderingTests {
    static let table: RouteTable = {
        let yaml = """
            service: r
            provider: { name: aws }
            functions:
              f:
                handler: h
                events:
                  - http: { path: 'a/{id}', method: get }
                  - http: { path: a/static, method: get }
                  - http: { path: 'a/{id}/b', method: post }
                  - http: { path: 'p/{proxy+}', method: any }
                  - http: { path: c, method: post, cors: true }
            """
        let service = try! ConfigLoader.load(yaml: yaml).service
        let stack = StackProvisioner().provision(service, endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229)).stack
        return RouteTable(endpoints: stack.gateway.endpoints)
    }()

    private func resource(_ method: String, _ path: String) -> String? {
        if case .endpoint(let match) = Self.table.lookup(method: method, path: path) { return match.endpoint.resource }
        return nil
    }

    @Test("static before parameter, parameters decoded, greedy last, ANY, trailing slash ignored")
    func routes() {
        #expect(resource("GET", "/a/static") == "/a/static")
        #expect(resource("GET", "/a/x") == "/a/{id}")
        #expect(resource("POST", "/a/static/b") == "/a/{id}/b")
        #expect(resource("PATCH", "/p/x/y/z") == "/p/{proxy+}")
        #expect(resource("GET", "/a/x/") == "/a/{id}")
        #expect(resource("DELETE", "/a/x") == nil)
        #expect(resource("GET", "/p") == nil)
        #expect(resource("GET", "/") == nil)
        if case .endpoint(let match) = Self.table.lookup(method: "GET", path: "/a/x%20y") {
            #expect(match.pathParameters == ["id": "x y"])
        } else {
            Issue.record("no match")
        }
        guard case .preflight(_, let methods) = Self.table.lookup(method: "OPTIONS", path: "/c") else {
            Issue.record("no preflight")
            return
        }
        #expect(methods == ["POST"])
    }

    @Test("claims render as API Gateway renders them: strings, Java dates for exp and iat, joined groups")
    func claims() {
        let rendered = ClaimRendering.render(
            .object([
                .init("exp", .int(1_469_814_773)), .init("auth_time", .int(1_469_814_773)), .init("email_verified", .bool(true)),
                .init("cognito:groups", .array([.string("admins"), .string("editors")])), .init("email", .string("a@b.c")),
            ])
        )
        #expect(
            rendered == [
                "exp": "Fri Jul 29 17:52:53 UTC 2016", "auth_time": "1469814773", "email_verified": "true",
                "cognito:groups": "admins,editors", "email": "a@b.c",
            ]
        )
        #expect(ClaimRendering.javaDate(0) == "Thu Jan 01 00:00:00 UTC 1970")
        #expect(ClaimRendering.javaDate(951_782_400) == "Tue Feb 29 00:00:00 UTC 2000")
    }

    @Test(
        "proxy results: defaults for omitted fields; unknown keys and wrong types are malformed",
        arguments: [
            (#"{"statusCode":201}"#, true), (#"{"statusCode":200,"body":"x","headers":{"a":"b"},"isBase64Encoded":false}"#, true),
            (#"{"statusCode":"200"}"#, false), (#"{"statusCode":200,"extra":1}"#, false), (#"{"statusCode":200,"body":{}}"#, false),
            (#"{"statusCode":200,"headers":{"a":1}}"#, false), (#"{"body":"x"}"#, false), ("[]", false), ("nope", false),
        ]
    )
    func results(json: String, valid: Bool) {
        switch ProxyResultValidator.validate(Array(json.utf8)) {
        case .success: #expect(valid)
        case .failure: #expect(!valid)
        }
    }
}
