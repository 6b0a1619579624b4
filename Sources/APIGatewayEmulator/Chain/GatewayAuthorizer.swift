import EmulatorCore

/// One authorizer of an endpoint's chain: decides whether a call reaches the integration, and what the
/// integration's event says about the caller. Built once per endpoint at start-up.
protocol GatewayAuthorizer: Sendable {
    /// Lets the call through with what the authorizer found, or answers the gateway error it ends in.
    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError>
}

/// What an authorizer found, in the shape of the API's event.
enum AuthorizerGrant: Sendable {
    /// Let through, with nothing for the event (`aws_iam` on a REST API, or no authorizer).
    case none
    /// `requestContext.authorizer` of a REST (1.0) event.
    case rest(APIGatewayProxyRequest.Authorizer)
    /// `requestContext.authorizer` of an HTTP API (2.0) event.
    case http(APIGatewayV2Request.Authorizer)
    /// A request signed by this caller (`aws_iam`): REST's `identity`, an HTTP API's `authorizer.iam`.
    case iam(IAMCaller)
}

/// One request on its way through an endpoint's chain: the request, what routing found, and the
/// request context the integration builds its event from (built once, shared with the authorizer).
struct GatewayCall: Sendable {
    /// The request context in the API's own shape.
    enum Context: Sendable {
        case rest(APIGatewayProxyRequest.RequestContext)
        case http(APIGatewayV2Request.RequestContext)
    }

    let request: GatewayRequest
    let requestID: String
    /// REST: the path without the stage; HTTP API: the path as received.
    let path: String
    /// Query parameters, percent-decoded, every value in order.
    let query: [String: [String]]
    let pathParameters: [String: String]
    let endpoint: GatewayEndpoint
    let context: Context
    /// The API and stage the call came in on.
    let api: APIAddress

    /// REST: the method ARN; HTTP API: the route ARN (what authorizer policies name), built when asked for.
    var methodARN: String {
        ARN.executeAPI(api: api.id, stage: api.stage, method: request.method, path: path, region: api.region, account: api.accountID).description
    }
}

/// Which API a call came in on: what its ARNs are built from.
struct APIAddress: Sendable {
    let id: String
    let stage: String
    let region: String
    let accountID: String
}
