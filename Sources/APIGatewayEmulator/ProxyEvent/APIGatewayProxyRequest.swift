/// The event a REST API Lambda proxy integration sends (payload format 1.0), field for field.
/// Empty maps are `null` as AWS sends them; wire-compatible with swift-aws-lambda-events' `APIGatewayRequest`.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
public struct APIGatewayProxyRequest: Codable, Sendable {
    /// The resource path as declared (`/user/{id}`).
    public var resource: String
    /// The request path without the stage (`/user/42`).
    public var path: String
    /// The method (`POST`).
    public var httpMethod: String
    /// Headers, the last value of each name.
    public var headers: [String: String]?
    /// Headers with every value.
    public var multiValueHeaders: [String: [String]]?
    /// Query string parameters, the last value of each.
    public var queryStringParameters: [String: String]?
    /// Query string parameters with every value.
    public var multiValueQueryStringParameters: [String: [String]]?
    /// Path parameters (`{id}`, `{proxy+}` as `proxy`).
    public var pathParameters: [String: String]?
    /// Stage variables.
    public var stageVariables: [String: String]?
    /// The request context.
    public var requestContext: RequestContext
    /// The body: text, or base64 when `isBase64Encoded`.
    public var body: String?
    /// Whether `body` is base64.
    public var isBase64Encoded: Bool

    enum CodingKeys: String, CodingKey {
        case resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters
        case pathParameters, stageVariables, requestContext, body, isBase64Encoded
    }

    /// Creates an event.
    public init(
        resource: String,
        path: String,
        httpMethod: String,
        headers: [String: String]?,
        multiValueHeaders: [String: [String]]?,
        queryStringParameters: [String: String]?,
        multiValueQueryStringParameters: [String: [String]]?,
        pathParameters: [String: String]?,
        stageVariables: [String: String]?,
        requestContext: RequestContext,
        body: String?,
        isBase64Encoded: Bool
    ) {
        self.resource = resource
        self.path = path
        self.httpMethod = httpMethod
        self.headers = headers
        self.multiValueHeaders = multiValueHeaders
        self.queryStringParameters = queryStringParameters
        self.multiValueQueryStringParameters = multiValueQueryStringParameters
        self.pathParameters = pathParameters
        self.stageVariables = stageVariables
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    /// `requestContext`.
    public struct RequestContext: Codable, Sendable {
        public var resourceId: String
        public var resourcePath: String
        public var httpMethod: String
        public var extendedRequestId: String
        public var requestTime: String
        public var path: String
        public var accountId: String
        public var `protocol`: String
        public var stage: String
        public var domainPrefix: String
        public var requestTimeEpoch: Int
        public var requestId: String
        public var identity: Identity
        public var domainName: String
        public var apiId: String
        public var authorizer: Authorizer?

        enum CodingKeys: String, CodingKey {
            case resourceId, resourcePath, httpMethod, extendedRequestId, requestTime, path, accountId, `protocol`, stage
            case domainPrefix, requestTimeEpoch, requestId, identity, domainName, apiId, authorizer
        }

        /// Creates a context.
        public init(
            resourceId: String,
            resourcePath: String,
            httpMethod: String,
            extendedRequestId: String,
            requestTime: String,
            path: String,
            accountId: String,
            protocol: String,
            stage: String,
            domainPrefix: String,
            requestTimeEpoch: Int,
            requestId: String,
            identity: Identity,
            domainName: String,
            apiId: String,
            authorizer: Authorizer?
        ) {
            self.resourceId = resourceId
            self.resourcePath = resourcePath
            self.httpMethod = httpMethod
            self.extendedRequestId = extendedRequestId
            self.requestTime = requestTime
            self.path = path
            self.accountId = accountId
            self.protocol = `protocol`
            self.stage = stage
            self.domainPrefix = domainPrefix
            self.requestTimeEpoch = requestTimeEpoch
            self.requestId = requestId
            self.identity = identity
            self.domainName = domainName
            self.apiId = apiId
            self.authorizer = authorizer
        }

        /// Encodes `authorizer` as `null` when absent, as AWS does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(resourceId, forKey: .resourceId)
            try container.encode(resourcePath, forKey: .resourcePath)
            try container.encode(httpMethod, forKey: .httpMethod)
            try container.encode(extendedRequestId, forKey: .extendedRequestId)
            try container.encode(requestTime, forKey: .requestTime)
            try container.encode(path, forKey: .path)
            try container.encode(accountId, forKey: .accountId)
            try container.encode(`protocol`, forKey: .protocol)
            try container.encode(stage, forKey: .stage)
            try container.encode(domainPrefix, forKey: .domainPrefix)
            try container.encode(requestTimeEpoch, forKey: .requestTimeEpoch)
            try container.encode(requestId, forKey: .requestId)
            try container.encode(identity, forKey: .identity)
            try container.encode(domainName, forKey: .domainName)
            try container.encode(apiId, forKey: .apiId)
            if let authorizer { try container.encode(authorizer, forKey: .authorizer) }
        }
    }

    /// `requestContext.identity`: who called (only `sourceIp` and `userAgent` are known offline).
    public struct Identity: Codable, Sendable {
        public var cognitoIdentityPoolId: String?
        public var accountId: String?
        public var cognitoIdentityId: String?
        public var caller: String?
        public var sourceIp: String
        public var principalOrgId: String?
        public var accessKey: String?
        public var cognitoAuthenticationType: String?
        public var cognitoAuthenticationProvider: String?
        public var userArn: String?
        public var userAgent: String?
        public var user: String?

        /// An identity with a source address and user agent.
        public init(sourceIp: String, userAgent: String?) {
            self.sourceIp = sourceIp
            self.userAgent = userAgent
        }

        /// Encodes every field, `null` when absent, as AWS does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cognitoIdentityPoolId, forKey: .cognitoIdentityPoolId)
            try container.encode(accountId, forKey: .accountId)
            try container.encode(cognitoIdentityId, forKey: .cognitoIdentityId)
            try container.encode(caller, forKey: .caller)
            try container.encode(sourceIp, forKey: .sourceIp)
            try container.encode(principalOrgId, forKey: .principalOrgId)
            try container.encode(accessKey, forKey: .accessKey)
            try container.encode(cognitoAuthenticationType, forKey: .cognitoAuthenticationType)
            try container.encode(cognitoAuthenticationProvider, forKey: .cognitoAuthenticationProvider)
            try container.encode(userArn, forKey: .userArn)
            try container.encode(userAgent, forKey: .userAgent)
            try container.encode(user, forKey: .user)
        }
    }

    /// `requestContext.authorizer`: `claims` (and `scopes`) from a Cognito authorizer, or a Lambda
    /// authorizer's `principalId`, `integrationLatency` and context entries.
    public struct Authorizer: Codable, Sendable {
        /// The token's claims, every value a string.
        public var claims: [String: String]?
        /// The access token's scopes (when the method requires scopes).
        public var scopes: [String]?
        /// A Lambda authorizer's principal.
        public var principalId: String?
        /// A Lambda authorizer's latency in ms.
        public var integrationLatency: Int?
        /// A Lambda authorizer's context, flattened into the object.
        public var context: [String: String]

        /// A Cognito authorizer's result.
        public init(claims: [String: String], scopes: [String]? = nil) {
            self.claims = claims
            self.scopes = scopes
            self.context = [:]
        }

        /// A Lambda authorizer's result.
        public init(principalId: String, integrationLatency: Int, context: [String: String]) {
            self.principalId = principalId
            self.integrationLatency = integrationLatency
            self.context = context
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        /// Decodes both shapes.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            claims = try container.decodeIfPresent([String: String].self, forKey: Key(stringValue: "claims"))
            scopes = try container.decodeIfPresent([String].self, forKey: Key(stringValue: "scopes"))
            principalId = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "principalId"))
            integrationLatency = try container.decodeIfPresent(Int.self, forKey: Key(stringValue: "integrationLatency"))
            var context: [String: String] = [:]
            for key in container.allKeys where !["claims", "scopes", "principalId", "integrationLatency"].contains(key.stringValue) {
                context[key.stringValue] = try? container.decode(String.self, forKey: key)
            }
            self.context = context
        }

        /// Encodes the shape AWS sends.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            if let claims {
                try container.encode(claims, forKey: Key(stringValue: "claims"))
                if let scopes { try container.encode(scopes, forKey: Key(stringValue: "scopes")) }
                return
            }
            try container.encodeIfPresent(principalId, forKey: Key(stringValue: "principalId"))
            try container.encodeIfPresent(integrationLatency, forKey: Key(stringValue: "integrationLatency"))
            for (key, value) in context { try container.encode(value, forKey: Key(stringValue: key)) }
        }
    }

    /// Encodes every top-level field, `null` when absent, as AWS does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resource, forKey: .resource)
        try container.encode(path, forKey: .path)
        try container.encode(httpMethod, forKey: .httpMethod)
        try container.encode(headers, forKey: .headers)
        try container.encode(multiValueHeaders, forKey: .multiValueHeaders)
        try container.encode(queryStringParameters, forKey: .queryStringParameters)
        try container.encode(multiValueQueryStringParameters, forKey: .multiValueQueryStringParameters)
        try container.encode(pathParameters, forKey: .pathParameters)
        try container.encode(stageVariables, forKey: .stageVariables)
        try container.encode(requestContext, forKey: .requestContext)
        try container.encode(body, forKey: .body)
        try container.encode(isBase64Encoded, forKey: .isBase64Encoded)
    }
}
