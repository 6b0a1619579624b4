public import EmulatorCore

/// The event an HTTP API Lambda proxy integration sends (payload format 2.0), field for field.
/// Empty maps, cookies and bodies are absent, not null, as AWS leaves them out; wire-compatible with
/// swift-aws-lambda-events' `APIGatewayV2Request`.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
public struct APIGatewayV2Request: Codable, Sendable {
    /// `2.0`.
    public var version: String
    /// `GET /items/{id}`, or `$default`.
    public var routeKey: String
    /// The path as received (`/items/42`).
    public var rawPath: String
    /// The query string as received, without `?` (empty when none).
    public var rawQueryString: String
    /// Every `Cookie` header's cookies.
    public var cookies: [String]?
    /// Headers, names lower-cased, repeated values joined with commas (cookies excluded).
    public var headers: [String: String]
    /// Query parameters, repeated values joined with commas.
    public var queryStringParameters: [String: String]?
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

    /// Creates an event.
    public init(
        routeKey: String,
        rawPath: String,
        rawQueryString: String,
        cookies: [String]? = nil,
        headers: [String: String],
        queryStringParameters: [String: String]? = nil,
        pathParameters: [String: String]? = nil,
        stageVariables: [String: String]? = nil,
        requestContext: RequestContext,
        body: String? = nil,
        isBase64Encoded: Bool = false
    ) {
        self.version = "2.0"
        self.routeKey = routeKey
        self.rawPath = rawPath
        self.rawQueryString = rawQueryString
        self.cookies = cookies
        self.headers = headers
        self.queryStringParameters = queryStringParameters
        self.pathParameters = pathParameters
        self.stageVariables = stageVariables
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    /// `requestContext`.
    public struct RequestContext: Codable, Sendable {
        /// The account.
        public var accountId: String
        /// The HTTP API's ID.
        public var apiId: String
        /// What the authorizer found, when the route has one.
        public var authorizer: Authorizer?
        /// The `Host` the request was sent to.
        public var domainName: String
        /// Its first label.
        public var domainPrefix: String
        /// Method, path, protocol, source address, user agent.
        public var http: HTTP
        /// The request ID.
        public var requestId: String
        /// The route key.
        public var routeKey: String
        /// `$default`.
        public var stage: String
        /// `01/Dec/2026:09:20:00 +0000`.
        public var time: String
        /// Milliseconds since 1970.
        public var timeEpoch: Int

        /// Creates a context.
        public init(
            accountId: String,
            apiId: String,
            authorizer: Authorizer? = nil,
            domainName: String,
            domainPrefix: String,
            http: HTTP,
            requestId: String,
            routeKey: String,
            stage: String = "$default",
            time: String,
            timeEpoch: Int
        ) {
            self.accountId = accountId
            self.apiId = apiId
            self.authorizer = authorizer
            self.domainName = domainName
            self.domainPrefix = domainPrefix
            self.http = http
            self.requestId = requestId
            self.routeKey = routeKey
            self.stage = stage
            self.time = time
            self.timeEpoch = timeEpoch
        }
    }

    /// `requestContext.http`.
    public struct HTTP: Codable, Sendable {
        /// The method.
        public var method: String
        /// The path.
        public var path: String
        /// `HTTP/1.1`.
        public var `protocol`: String
        /// The client's address.
        public var sourceIp: String
        /// The `User-Agent` (empty when none was sent).
        public var userAgent: String

        /// Creates the value.
        public init(method: String, path: String, protocol: String = "HTTP/1.1", sourceIp: String, userAgent: String) {
            self.method = method
            self.path = path
            self.protocol = `protocol`
            self.sourceIp = sourceIp
            self.userAgent = userAgent
        }
    }

    /// `requestContext.authorizer`: a JWT authorizer's claims and scopes, a Lambda authorizer's context,
    /// or the IAM caller.
    public struct Authorizer: Codable, Sendable {
        /// A JWT authorizer's result.
        public var jwt: JWT?
        /// A Lambda authorizer's context (an empty object when it returned none).
        public var lambda: [String: JSONValue]?
        /// The caller of an `aws_iam` route.
        public var iam: IAM?

        /// Creates the value.
        public init(jwt: JWT? = nil, lambda: [String: JSONValue]? = nil, iam: IAM? = nil) {
            self.jwt = jwt
            self.lambda = lambda
            self.iam = iam
        }

        /// `jwt`: the claims (strings, as HTTP APIs render them) and the access token's scopes.
        public struct JWT: Codable, Sendable {
            /// The claims.
            public var claims: [String: String]
            /// The scopes, or nil when the token has none.
            public var scopes: [String]?

            /// Creates the value.
            public init(claims: [String: String], scopes: [String]?) {
                self.claims = claims
                self.scopes = scopes
            }

            /// Encodes `scopes` as `null` when absent, as AWS does.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(claims, forKey: .claims)
                try container.encode(scopes, forKey: .scopes)
            }
        }

        /// `iam`: who signed the request.
        public struct IAM: Codable, Sendable {
            /// The access key ID.
            public var accessKey: String?
            /// The caller's account.
            public var accountId: String?
            /// The caller's ID.
            public var callerId: String?
            /// The principal's organisation.
            public var principalOrgId: String?
            /// The caller's ARN.
            public var userArn: String?
            /// The caller's user ID.
            public var userId: String?
            /// The identity-pool identity behind the credentials (`amr`, `identityId`, `identityPoolId`).
            public var cognitoIdentity: CognitoIdentity?

            /// `cognitoIdentity` of identity-pool credentials.
            public struct CognitoIdentity: Codable, Sendable {
                /// How the identity signed in (`authenticated` and its providers, or `unauthenticated`).
                public var amr: [String]
                /// The identity.
                public var identityId: String
                /// Its pool.
                public var identityPoolId: String
            }

            /// Creates the value.
            public init(accessKey: String?, accountId: String?, callerId: String?, principalOrgId: String? = nil, userArn: String?, userId: String?) {
                self.accessKey = accessKey
                self.accountId = accountId
                self.callerId = callerId
                self.principalOrgId = principalOrgId
                self.userArn = userArn
                self.userId = userId
            }
        }
    }
}

/// What an HTTP API Lambda handler answers (payload format 2.0).
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.response
public struct APIGatewayV2Response: Codable, Sendable {
    /// The status.
    public var statusCode: Int
    /// Headers.
    public var headers: [String: String]?
    /// Cookies, each sent as a `Set-Cookie` header.
    public var cookies: [String]?
    /// The body.
    public var body: String?
    /// Whether `body` is base64.
    public var isBase64Encoded: Bool?

    /// Creates a response.
    public init(statusCode: Int, headers: [String: String]? = nil, cookies: [String]? = nil, body: String? = nil, isBase64Encoded: Bool? = nil) {
        self.statusCode = statusCode
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }
}
