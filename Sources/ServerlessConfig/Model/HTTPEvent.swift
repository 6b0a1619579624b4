public import YAML

/// An `http` event: a REST API route in front of the function.
/// See https://www.serverless.com/framework/docs/providers/aws/events/apigateway
public struct HTTPEvent: Sendable {
    /// The route's method; `any` matches every method.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case get, post, put, patch, delete, head, options, any
    }

    /// The resource path, normalised to start with `/` and have no trailing `/` (`/user/{id}`).
    public var path: String
    /// The method.
    public var method: Method
    /// `cors`, if enabled.
    public var cors: CORSConfiguration?
    /// `authorizer`, if any.
    public var authorizer: HTTPAuthorizer?
    /// `request.parameters`: which query strings, headers and path parameters are declared and whether required.
    public var requestParameters: RequestParameters
    /// `private`: the route needs an API key.
    public var isPrivate: Bool
    /// `integration`: `lambda-proxy` (the default), `lambda`, `mock`, …
    public var integration: String
    /// `timeoutInMillis`, if given (API Gateway's limit is 29,000 by default).
    public var timeoutInMillis: Int?
    /// Where the event is declared.
    public var mark: Mark
}

/// `request.parameters` of an `http` event: name → required.
public struct RequestParameters: Sendable, Hashable {
    /// `querystrings`.
    public var queryStrings: [String: Bool] = [:]
    /// `headers`.
    public var headers: [String: Bool] = [:]
    /// `paths`.
    public var paths: [String: Bool] = [:]

    /// No declared parameters.
    public init() {}
}

/// CORS settings of a route (`cors: true` or the object form).
public struct CORSConfiguration: Sendable, Hashable {
    /// The headers the Serverless Framework allows when `cors: true`.
    public static let defaultHeaders = [
        "Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent",
        "X-Amzn-Trace-Id",
    ]

    /// `origins` (or `origin`); `*` by default.
    public var origins: [String]
    /// `headers`.
    public var headers: [String]
    /// `methods`: for REST, `OPTIONS` plus the route's method unless given.
    public var methods: [String]
    /// `allowCredentials`.
    public var allowCredentials: Bool
    /// `maxAge` in seconds, if given.
    public var maxAge: Int?
    /// `cacheControl`, if given.
    public var cacheControl: String?
    /// `exposedResponseHeaders`.
    public var exposedResponseHeaders: [String]

    /// The configuration `cors: true` stands for on a route with the given method.
    public static func enabled(method: String) -> CORSConfiguration {
        CORSConfiguration(
            origins: ["*"],
            headers: defaultHeaders,
            methods: ["OPTIONS", method.uppercased()],
            allowCredentials: false,
            maxAge: nil,
            cacheControl: nil,
            exposedResponseHeaders: []
        )
    }
}

/// The `authorizer` of an `http` event.
/// See https://www.serverless.com/framework/docs/providers/aws/events/apigateway#http-endpoints-with-custom-authorizers
public struct HTTPAuthorizer: Sendable {
    /// How the authorizer decides.
    public enum Kind: Sendable {
        /// `COGNITO_USER_POOLS`: a token from the pool (its ARN, usually `Fn::GetAtt: [UserPool, Arn]`).
        case cognitoUserPools(poolARN: CFValue)
        /// A Lambda authorizer: a function of this service (by key) or an ARN, of type TOKEN or REQUEST.
        case lambda(functionKey: String?, arn: CFValue?, type: LambdaType)
        /// `aws_iam`: SigV4-signed requests.
        case awsIAM
        /// `authorizerId`: an authorizer created elsewhere.
        case existing(id: CFValue, type: String?)

        /// The kind as API Gateway names it.
        public var summary: String {
            switch self {
            case .cognitoUserPools: return "COGNITO_USER_POOLS"
            case .lambda(_, _, let type): return type.rawValue
            case .awsIAM: return "AWS_IAM"
            case .existing(_, let type): return type ?? "CUSTOM"
            }
        }
    }

    /// A Lambda authorizer's type.
    public enum LambdaType: String, Sendable {
        /// The token from one header.
        case token = "TOKEN"
        /// The whole request.
        case request = "REQUEST"
    }

    /// `name`.
    public var name: String
    /// The kind.
    public var kind: Kind
    /// `identitySource`; `method.request.header.Authorization` by default.
    public var identitySource: String
    /// `identityValidationExpression`, a regular expression the token must match.
    public var identityValidationExpression: String?
    /// `resultTtlInSeconds`; 300 by default, 0 turns caching off.
    public var resultTTLInSeconds: Int
    /// `claims` (Cognito): the claims listed for the function (all claims are passed either way).
    public var claims: [String]
    /// `scopes` (Cognito): OAuth scopes; with scopes, an access token is required.
    public var scopes: [String]
    /// Where it is declared.
    public var mark: Mark
}
