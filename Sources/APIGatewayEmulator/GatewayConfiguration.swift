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
    /// Every method on every resource, of both APIs.
    public var endpoints: [GatewayEndpoint]
    /// The HTTP API's ID (stable for the service and stage).
    public var httpAPIID: String
    /// `provider.httpApi.cors`: the HTTP API answers preflights and adds CORS headers itself.
    public var httpCORS: CORSConfiguration?
    /// `provider.httpApi.payload`: `2.0` (the default) or `1.0`.
    public var httpPayloadVersion: String
    /// The REST API's `AWS::ApiGateway::GatewayResponse` overrides.
    public var gatewayResponses: [GatewayResponseOverride] = []
    /// Where each API's routes start on the API port (`/{stage}` and nothing, unless
    /// `custom.serverless-offline` says otherwise).
    public var paths: APIPaths

    /// Creates a configuration.
    public init(
        stage: String,
        apiID: String,
        region: String,
        accountID: String,
        binaryMediaTypes: [String] = [],
        endpoints: [GatewayEndpoint],
        httpAPIID: String = "",
        httpCORS: CORSConfiguration? = nil,
        httpPayloadVersion: String = "2.0"
    ) {
        self.stage = stage
        self.apiID = apiID
        self.region = region
        self.accountID = accountID
        self.binaryMediaTypes = binaryMediaTypes
        self.endpoints = endpoints
        self.httpAPIID = httpAPIID
        self.httpCORS = httpCORS
        self.httpPayloadVersion = httpPayloadVersion
        paths = APIPaths(rest: "/" + stage, http: "")
    }
}

/// Which of the two APIs an endpoint belongs to.
public enum GatewayAPI: String, Sendable, Codable {
    /// The REST API (`http` events), under `/{stage}`.
    case rest
    /// The HTTP API (`httpApi` events), at its own paths (the `$default` stage).
    case http
}

/// One method on one resource: the function it invokes and what stands in front of it.
public struct GatewayEndpoint: Sendable {
    /// The API it belongs to.
    public var api: GatewayAPI
    /// The resource path as declared (`/user/{id}`); `*` for an HTTP API's `$default` route.
    public var resource: String
    /// The method, upper-cased (`POST`, `ANY`).
    public var method: String
    /// An HTTP API route's key: `GET /items/{id}`, `ANY /items`, `$default`.
    public var routeKey: String {
        resource == "*" ? "$default" : "\(method) \(resource)"
    }
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
        api: GatewayAPI = .rest,
        resource: String,
        method: String,
        functionKey: String,
        cors: CORSConfiguration? = nil,
        requiresAPIKey: Bool = false,
        timeoutSeconds: Double = 29,
        authorizer: AuthorizerBinding = .none
    ) {
        self.api = api
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
    /// An HTTP API's JWT authorizer.
    case jwt(JWTAuthorizerBinding)
    /// An HTTP API's Lambda (`request`) authorizer: the function (nil when none of this service), the
    /// identity sources, the cache TTL, whether it answers simple responses.
    case httpLambda(functionKey: String?, identitySource: [String], ttlSeconds: Int, simpleResponses: Bool)
    /// `aws_iam`.
    case iam
    /// An authorizer the emulator cannot run, and why.
    case unsupported(String)
}

/// An HTTP API JWT authorizer, bound: the pool its issuer names, or another issuer's keys given offline.
public struct JWTAuthorizerBinding: Sendable {
    /// The service's pool the issuer names, or nil.
    public var poolID: String?
    /// The issuer URL, as written.
    public var issuer: String
    /// Another issuer's signing keys (`custom.emulate.jwks`), used when `poolID` is nil.
    public var keys: [JSONWebKey]
    /// The audiences: client IDs the token's `aud` or `client_id` must be one of.
    public var audience: [String]
    /// The route's scopes.
    public var scopes: [String]
    /// Where the token comes from (`$request.header.Authorization`).
    public var identitySource: String

    /// Creates a binding.
    public init(poolID: String?, issuer: String, keys: [JSONWebKey] = [], audience: [String], scopes: [String], identitySource: String) {
        self.poolID = poolID
        self.issuer = issuer
        self.keys = keys
        self.audience = audience
        self.scopes = scopes
        self.identitySource = identitySource
    }
}

/// One RSA key of a JWKS: its `kid` and its base64url `n` and `e`.
public struct JSONWebKey: Sendable, Hashable {
    /// `kid`.
    public var keyID: String
    /// `n`, base64url.
    public var modulus: String
    /// `e`, base64url.
    public var exponent: String

    /// Creates a key.
    public init(keyID: String, modulus: String, exponent: String) {
        self.keyID = keyID
        self.modulus = modulus
        self.exponent = exponent
    }
}
