import EmulatorCore
import Foundation
import Testing

@testable import APIGatewayEmulator

/// The 1.0 and 2.0 events a process receives are written without an `Encoder`; each must be the same
/// JSON as the event's `Encodable` form, field for field, whatever it holds.
@Suite("proxy events written as JSON")
struct ProxyEventJSONTests {
    /// Objects' members sorted and numbers as Doubles, so two texts of the same JSON compare equal.
    private func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): return .object(members.map { .init($0.key, normalized($0.value)) }.sorted { $0.key < $1.key })
        case .array(let items): return .array(items.map(normalized))
        case .int(let number): return .double(Double(number))
        default: return value
        }
    }

    private func expectSameJSON(_ event: some JSONWritable & Encodable) throws {
        let written = try #require(
            JSONValue.parse(event.jsonBytes),
            "the written event is not JSON: \(String(decoding: event.jsonBytes, as: UTF8.self))"
        )
        let encoded = try #require(JSONValue.parse(Array(try JSONEncoder().encode(event))))
        #expect(normalized(written) == normalized(encoded))
    }

    private func context(_ authorizer: APIGatewayV2Request.Authorizer? = nil) -> APIGatewayV2Request.RequestContext {
        APIGatewayV2Request.RequestContext(
            accountId: "123456789012",
            apiId: "abc123",
            authorizer: authorizer,
            domainName: "127.0.0.1",
            domainPrefix: "127",
            http: .init(method: "GET", path: "/items/42", sourceIp: "127.0.0.1", userAgent: "curl/8.0"),
            requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            routeKey: "GET /items/{id}",
            time: "01/Dec/2026:09:20:00 +0000",
            timeEpoch: 1_796_116_800_000
        )
    }

    @Test("an event with no optional member is the same JSON as its Encodable form")
    func minimalEvent() throws {
        try expectSameJSON(APIGatewayV2Request(routeKey: "$default", rawPath: "/", rawQueryString: "", headers: [:], requestContext: context()))
    }

    @Test("every member, with text that needs escaping, is the same JSON as its Encodable form")
    func fullEvent() throws {
        let event = APIGatewayV2Request(
            routeKey: "POST /items/{id}",
            rawPath: "/items/ünïcode \"quoted\"",
            rawQueryString: "a=1&a=2&b=%22",
            cookies: ["session=abc", "theme=dark; x"],
            headers: ["content-type": "application/json", "x-odd": "tab\there\\back\u{01}\u{1F}", "x-line": "a\r\nb"],
            queryStringParameters: ["a": "1,2", "b": "\""],
            pathParameters: ["id": "42"],
            stageVariables: ["stage": "dev"],
            requestContext: context(),
            body: "{\"name\":\"Zoë\",\"emoji\":\"🦊\"}\n",
            isBase64Encoded: true
        )
        try expectSameJSON(event)
    }

    @Test("each authorizer's result is the same JSON as its Encodable form")
    func authorizers() throws {
        let base = APIGatewayV2Request(routeKey: "$default", rawPath: "/", rawQueryString: "", headers: ["a": "b"], requestContext: context())
        var iam = APIGatewayV2Request.Authorizer.IAM(
            accessKey: "AKIAEXAMPLE",
            accountId: "123456789012",
            callerId: "AROAEXAMPLE:session",
            userArn: "arn:aws:sts::123456789012:assumed-role/r/session",
            userId: nil
        )
        let authorizers: [APIGatewayV2Request.Authorizer] = [
            .init(jwt: .init(claims: ["sub": "u-1", "cognito:groups": "[admin users]"], scopes: nil)),
            .init(jwt: .init(claims: [:], scopes: ["read", "write"])),
            .init(lambda: ["user": .string("alice"), "n": .int(3), "ratio": .double(0.5), "nested": ["ok": true, "none": .null], "list": [1, "x"]]),
            .init(lambda: [:]),
            .init(iam: iam),
        ]
        iam.cognitoIdentity = .init(amr: ["authenticated", "cognito-idp"], identityId: "us-east-1:id", identityPoolId: "us-east-1:pool")
        for authorizer in authorizers + [.init(iam: iam), .init()] {
            var event = base
            event.requestContext.authorizer = authorizer
            try expectSameJSON(event)
        }
    }

    private func restEvent(_ authorizer: APIGatewayProxyRequest.Authorizer?, full: Bool) -> APIGatewayProxyRequest {
        var identity = APIGatewayProxyRequest.Identity(sourceIp: "127.0.0.1", userAgent: full ? "curl/8.0" : nil)
        if full {
            identity.cognitoIdentityPoolId = "us-east-1:pool"
            identity.accessKey = "ASIAEXAMPLE"
            identity.userArn = "arn:aws:sts::123456789012:assumed-role/r/s"
        }
        let context = APIGatewayProxyRequest.RequestContext(
            resourceId: "res123",
            resourcePath: "/items/{id}",
            httpMethod: "POST",
            extendedRequestId: "ext=",
            requestTime: "01/Dec/2026:09:20:00 +0000",
            path: "/dev/items/42",
            accountId: "123456789012",
            protocol: "HTTP/1.1",
            stage: "dev",
            domainPrefix: "127",
            requestTimeEpoch: 1_796_116_800_000,
            requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            identity: identity,
            domainName: "127.0.0.1",
            apiId: "abc123",
            authorizer: authorizer
        )
        return APIGatewayProxyRequest(
            resource: "/items/{id}",
            path: "/items/42",
            httpMethod: "POST",
            headers: full ? ["Content-Type": "application/json", "X-Odd": "a\"b\\c\u{02}"] : nil,
            multiValueHeaders: full ? ["Content-Type": ["application/json"], "X-Many": ["1", "2"]] : nil,
            queryStringParameters: full ? ["a": "2"] : nil,
            multiValueQueryStringParameters: full ? ["a": ["1", "2"]] : nil,
            pathParameters: full ? ["id": "42"] : nil,
            stageVariables: full ? ["v": "1"] : nil,
            requestContext: context,
            body: full ? "{\"name\":\"Zoë\"}\n" : nil,
            isBase64Encoded: false
        )
    }

    @Test("a REST event, empty or full, with each authorizer's result, is the same JSON as its Encodable form")
    func restEvents() throws {
        let authorizers: [APIGatewayProxyRequest.Authorizer?] = [
            nil,
            .init(claims: ["sub": "u-1", "email_verified": "true"]),
            .init(claims: ["sub": "u-1"], scopes: ["aws.cognito.signin.user.admin"]),
            .init(principalId: "user|a", integrationLatency: 12, context: ["tenant": "t-1", "n": "3"]),
            .init(principalId: "user|a", integrationLatency: 12, context: ["principalId": "from-context"]),
        ]
        for authorizer in authorizers {
            try expectSameJSON(restEvent(authorizer, full: false))
            try expectSameJSON(restEvent(authorizer, full: true))
        }
    }

    @Test("JSONValue's text is the writer's: escapes read back as the same strings")
    func escapesReadBack() throws {
        let text = "quote \" backslash \\ newline \n return \r tab \t bell \u{07} nul-free \u{1F} é 🦊"
        let value: JSONValue = ["k\"ey": .string(text), "list": [.string(text), .double(1.5), -2, false, .null]]
        #expect(JSONValue.parse(Array(value.serialized.utf8)) == value)
        #expect(value.serialized.contains("\\u0007"))
    }
}
