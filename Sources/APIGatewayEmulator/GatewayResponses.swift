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
            let messageString = message.map { "\"\($0.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\""))\"" } ?? "null"
            body = Array(
                template.replacingAll("$context.error.messageString", with: messageString)
                    .replacingAll("$context.error.message", with: message ?? "")
                    .replacingAll("$context.error.responseType", with: error.responseType ?? fallback)
                    .replacingAll("$context.requestId", with: requestID)
                    .utf8
            )
        }
        return (override.statusCode ?? error.status, headers, body)
    }
}

extension String {
    /// Every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
