public import EmulatorCore
import EmulatorCrypto
import Foundation

extension SourceEvents {
    /// An Application Load Balancer request to a Lambda target group (headers lower-cased, single-valued).
    /// See https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
    public static func alb(targetGroupARN: String, method: String, path: String, body: String?, at origin: Origin) -> JSONValue {
        [
            "requestContext": ["elb": ["targetGroupArn": .string(targetGroupARN)]],
            "httpMethod": .string(method),
            "path": .string(path),
            "queryStringParameters": [:],
            "headers": [
                "accept": "*/*", "host": .string("emulate-sample-1234567890.\(origin.region).elb.amazonaws.com"), "user-agent": "emulate invoke",
                "x-amzn-trace-id": .string(traceID(origin)), "x-forwarded-for": "127.0.0.1", "x-forwarded-port": "80", "x-forwarded-proto": "http",
            ],
            "body": .string(body ?? ""),
            "isBase64Encoded": false,
        ]
    }

    /// A WebSocket API event for `route`: `$connect`, `$disconnect`, or a message to `$default` or a custom route.
    /// See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-requests.html
    public static func webSocket(route: String, apiID: String, stage: String, body: String?, at origin: Origin) -> JSONValue {
        let domain = "\(apiID).execute-api.\(origin.region).amazonaws.com"
        let connectionID = String(Data(SecureRandom.bytes(9)).base64EncodedString().prefix(12)) + "="
        var context: [JSONValue.Member] = [.init("routeKey", .string(route))]
        switch route {
        case "$connect": context.append(.init("eventType", "CONNECT"))
        case "$disconnect":
            context += [
                .init("disconnectStatusCode", 1005), .init("eventType", "DISCONNECT"),
                .init("disconnectReason", "Client-side close frame status not set"),
            ]
        default: context += [.init("messageId", .string(requestID(8) + "=")), .init("eventType", "MESSAGE")]
        }
        context += [
            .init("extendedRequestId", .string(requestID(12) + "=")), .init("requestTime", .string(requestTime(origin.time))),
            .init("messageDirection", "IN"), .init("stage", .string(stage)), .init("connectedAt", .int(origin.milliseconds - 1000)),
            .init("requestTimeEpoch", .int(origin.milliseconds)), .init("identity", ["sourceIp": "127.0.0.1", "userAgent": "emulate invoke"]),
            .init("requestId", .string(requestID(12) + "=")), .init("domainName", .string(domain)), .init("connectionId", .string(connectionID)),
            .init("apiId", .string(apiID)),
        ]
        var event: [JSONValue.Member] = []
        if route == "$connect" || route == "$disconnect" {
            let headers: [(String, String)] = [
                ("Host", domain), ("x-api-key", ""), ("X-Forwarded-For", "127.0.0.1"), ("x-restapi", ""),
            ]
            event += [
                .init("headers", .object(headers.map { .init($0.0, .string($0.1)) })),
                .init("multiValueHeaders", .object(headers.map { .init($0.0, [.string($0.1)]) })),
            ]
        }
        event.append(.init("requestContext", .object(context)))
        if route != "$connect", route != "$disconnect" { event.append(.init("body", .string(body ?? "{}"))) }
        event.append(.init("isBase64Encoded", false))
        return .object(event)
    }

    /// API Gateway's request time: `09/Apr/2015:12:34:56 +0000`.
    static func requestTime(_ time: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        return formatter.string(from: Date(timeIntervalSince1970: time))
    }

    static func traceID(_ origin: Origin) -> String {
        "Root=1-\(String(Int(origin.time), radix: 16))-\(hex(SecureRandom.bytes(12)))"
    }
}
