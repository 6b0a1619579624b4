public import EmulatorCore

/// The event an HTTP API Lambda authorizer receives (payload format 2.0): the request's parts, its
/// identity values and the route's ARN.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
public struct APIGatewayV2AuthorizerEvent: Codable, Sendable {
    /// `2.0`.
    public var version: String = "2.0"
    /// `REQUEST`.
    public var type: String = "REQUEST"
    /// `arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>`.
    public var routeArn: String
    /// The identity sources' values, in order.
    public var identitySource: [String]
    /// The route key.
    public var routeKey: String
    /// The path as received.
    public var rawPath: String
    /// The query string as received.
    public var rawQueryString: String
    /// Cookies.
    public var cookies: [String]?
    /// Headers, names lower-cased.
    public var headers: [String: String]
    /// Query parameters.
    public var queryStringParameters: [String: String]?
    /// The request context (without an authorizer).
    public var requestContext: APIGatewayV2Request.RequestContext
    /// Path parameters.
    public var pathParameters: [String: String]?
    /// Stage variables.
    public var stageVariables: [String: String]?
}

/// A Lambda authorizer's simple response (`enableSimpleResponses`).
public struct APIGatewayV2AuthorizerSimpleResponse: Codable, Sendable {
    /// Whether the request may go on.
    public var isAuthorized: Bool
    /// What the integration finds under `requestContext.authorizer.lambda`.
    public var context: [String: JSONValue]?

    /// Creates a response.
    public init(isAuthorized: Bool, context: [String: JSONValue]? = nil) {
        self.isAuthorized = isAuthorized
        self.context = context
    }
}
