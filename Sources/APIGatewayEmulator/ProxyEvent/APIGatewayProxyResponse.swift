/// What a Lambda proxy integration returns (payload format 1.0).
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
public struct APIGatewayProxyResponse: Codable, Sendable, Hashable {
    /// The HTTP status.
    public var statusCode: Int
    /// Headers.
    public var headers: [String: String]?
    /// Headers with several values.
    public var multiValueHeaders: [String: [String]]?
    /// The body: text, or base64 when `isBase64Encoded`.
    public var body: String?
    /// Whether `body` is base64.
    public var isBase64Encoded: Bool?

    /// Creates a response.
    public init(
        statusCode: Int,
        headers: [String: String]? = nil,
        multiValueHeaders: [String: [String]]? = nil,
        body: String? = nil,
        isBase64Encoded: Bool? = nil
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.multiValueHeaders = multiValueHeaders
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }
}
