public import ServerlessConfig

/// What the REST API is built from: the provisioned endpoints with their authorizers bound to live
/// resources (pool IDs, function keys), and where the API lives. Provisioning produces it; the
/// gateway knows nothing of serverless.yml or of intrinsics.
public struct GatewayConfiguration: Sendable {
    /// The stage every URL starts with.
    public var stage: String
    /// The REST API's ID (stable for the service and stage).
    public var apiID: String
    /// The region.
    public var region: String
    /// The account ID.
    public var accountID: String
    /// `provider.apiGateway.binaryMediaTypes`.
    public var binaryMediaTypes: [String]
    /// Every method on every resource.
    public var endpoints: [GatewayEndpoint]

    /// Creates a configuration.
    public init(stage: String, apiID: String, region: String, accountID: String, binaryMediaTypes: [String] = [], endpoints: [GatewayEndpoint]) {
        self.stage = stage
        self.apiID = apiID
        self.region = region
        self.accountID = accountID
        self.binaryMediaTypes = binaryMediaTypes
        self.endpoints = endpoints
    }
}

/// One method on one resource: the function it invokes and what stands in front of it.
public struct GatewayEndpoint: Sendable {
    /// The resource path as declared (`/user/{id}`).
    public var resource: String
    /// The method, upper-cased (`POST`, `ANY`).
    public var method: String
    /// The function's key.
    public var functionKey: String
    /// `cors`, if enabled.
    public var cors: CORSConfiguration?
    /// `private: true`: an API key is required.
    public var requiresAPIKey: Bool
    /// The integration timeout in seconds (29 unless `timeoutInMillis` says otherwise).
    public var timeoutSeconds: Double
    /// The authorizer, bound to live resources.
    public var authorizer: AuthorizerBinding

    /// Creates an endpoint.
    public init(
        resource: String,
        method: String,
        functionKey: String,
        cors: CORSConfiguration? = nil,
        requiresAPIKey: Bool = false,
        timeoutSeconds: Double = 29,
        authorizer: AuthorizerBinding = .none
    ) {
        self.resource = resource
        self.method = method
        self.functionKey = functionKey
        self.cors = cors
        self.requiresAPIKey = requiresAPIKey
        self.timeoutSeconds = timeoutSeconds
        self.authorizer = authorizer
    }
}

/// An endpoint's authorizer, with the resources it names resolved.
public enum AuthorizerBinding: Sendable {
    /// No authorizer.
    case none
    /// `COGNITO_USER_POOLS`: tokens of the pool (nil when the ARN names no pool of this service), the
    /// header they come in, and the scopes that make it take access tokens.
    case cognito(poolID: String?, headerName: String, scopes: [String])
    /// A Lambda authorizer: the function (nil when none of this service), TOKEN or REQUEST, the identity
    /// sources (`method.request.header.Authorization`, …), the TOKEN validation expression, the cache TTL.
    case lambda(functionKey: String?, type: HTTPAuthorizer.LambdaType, identitySource: String, validationExpression: String?, ttlSeconds: Int)
    /// `aws_iam`.
    case iam
    /// An authorizer the emulator cannot run, and why.
    case unsupported(String)
}
