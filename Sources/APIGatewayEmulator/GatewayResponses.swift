import Foundation

/// An `AWS::ApiGateway::GatewayResponse`: how the REST API answers one of its own errors instead of
/// the default — another status, added headers, another body.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-gatewayresponse.html
public struct GatewayResponseOverride: Sendable {
    /// `ResponseType`: `UNAUTHORIZED`, `DEFAULT_4XX`, …
    public var responseType: String
    /// `StatusCode`, when it changes the status.
    public var statusCode: Int?
    /// `ResponseParameters` as headers: `gatewayresponse.header.Name` → the value (quotes removed).
    public var headers: [(name: String, value: String)]
    /// `ResponseTemplates["application/json"]` (or the only template), when given.
    public var template: String?

    /// Creates an override.
    public init(responseType: String, statusCode: Int? = nil, headers: [(name: String, value: String)] = [], template: String? = nil) {
        self.responseType = responseType
        self.statusCode = statusCode
        self.headers = headers
        self.template = template
    }
}

/// The REST API's gateway responses: for an error, the override of its own type, else `DEFAULT_4XX` or
/// `DEFAULT_5XX` by its status; the template's `$context` variables filled in.
struct GatewayResponses: Sendable {
    let overrides: [String: GatewayResponseOverride]

    init(_ overrides: [GatewayResponseOverride]) {
        self.overrides = Dictionary(overrides.map { ($0.responseType, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The status, headers and body of `error`, as the overrides say.
    func render(_ error: GatewayError, requestID: String) -> (status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        let fallback = error.status < 500 ? "DEFAULT_4XX" : "DEFAULT_5XX"
        guard let override = error.responseType.flatMap({ overrides[$0] }) ?? overrides[fallback] else {
            return (error.status, error.headers, error.body)
        }
        var headers = error.headers
        for header in override.headers {
            headers.removeAll { $0.name.lowercased() == header.name.lowercased() }
            headers.append(header)
        }
        var body = error.body
        if let template = override.template {
            let message = error.message
            let messageString =
                message.map { "\"\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" } ?? "null"
            body = Array(
                template.replacingOccurrences(of: "$context.error.messageString", with: messageString)
                    .replacingOccurrences(of: "$context.error.message", with: message ?? "")
                    .replacingOccurrences(of: "$context.error.responseType", with: error.responseType ?? fallback)
                    .replacingOccurrences(of: "$context.requestId", with: requestID)
                    .utf8
            )
        }
        return (override.statusCode ?? error.status, headers, body)
    }
}
