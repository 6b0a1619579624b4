public import EmulatorCore

/// The errors API Gateway itself answers with, each with AWS's status, body and headers. The same
/// failure reads differently on the two kinds of API: ``httpAPI`` gives an HTTP API's wording.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
/// and https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html
public struct GatewayError: WireError, Hashable {
    private enum Code: Sendable, Hashable {
        case missingAuthenticationToken, unauthorized, expiredToken, accessDeniedExplicit, accessDenied, forbidden
        case authorizerFailure, internalServerError, integrationThrottled, integrationTimeout, requestTooLarge
        case httpNotFound, httpUnauthorized, httpForbidden, httpInternalServerError, httpServiceUnavailable, httpRequestTooLarge
        case invalidSignature, iamExpiredToken, iamDenied
    }

    private let code: Code
    /// The `www-authenticate` header of a JWT authorizer's refusal.
    private let wwwAuthenticate: String?
    /// The text of an IAM refusal (the signature's problem, or IAM's denial).
    private let detail: String?

    private init(_ code: Code, wwwAuthenticate: String? = nil, detail: String? = nil) {
        self.code = code
        self.wwwAuthenticate = wwwAuthenticate
        self.detail = detail
    }

    /// 403 with the signature's problem (`The request signature we calculated does not match…`,
    /// `The security token included in the request is invalid.`): an `aws_iam` route's refusal.
    public static func invalidSignature(_ message: String) -> GatewayError { GatewayError(.invalidSignature, detail: message) }
    /// 403 `{"message":"The security token included in the request is expired"}`.
    public static let iamExpiredToken = GatewayError(.iamExpiredToken, detail: "The security token included in the request is expired")
    /// 403 `{"Message":"User: … is not authorized to perform: execute-api:Invoke on resource: …"}`.
    public static func iamDenied(_ message: String) -> GatewayError { GatewayError(.iamDenied, detail: message) }

    /// 403 `{"message":"Missing Authentication Token"}`: no such resource or method.
    public static let missingAuthenticationToken = GatewayError(.missingAuthenticationToken)
    /// 401 `{"message":"Unauthorized"}`: no token, or one the authorizer refuses.
    public static let unauthorized = GatewayError(.unauthorized)
    /// 401 `{"message":"The incoming token has expired"}`.
    public static let expiredToken = GatewayError(.expiredToken)
    /// 403: a Lambda authorizer's policy denies explicitly.
    public static let accessDeniedExplicit = GatewayError(.accessDeniedExplicit)
    /// 403: a Lambda authorizer's policy does not allow the method.
    public static let accessDenied = GatewayError(.accessDenied)
    /// 403 `{"message":"Forbidden"}`: a private route without an API key.
    public static let forbidden = GatewayError(.forbidden)
    /// 500: a Lambda authorizer failed or answered something unusable.
    public static let authorizerFailure = GatewayError(.authorizerFailure)
    /// 502 `{"message": "Internal server error"}`: the function failed or answered a malformed result.
    public static let internalServerError = GatewayError(.internalServerError)
    /// 504 `{"message": "Endpoint request timed out"}`.
    public static let integrationTimeout = GatewayError(.integrationTimeout)
    /// 500 `{"message": "Internal server error"}`: Lambda throttled the function (API Gateway answers a
    /// throttled integration with a server error, not with Lambda's 429).
    public static let integrationThrottled = GatewayError(.integrationThrottled)
    /// 413 `{"message":"Request Too Long"}`: a body over 10 MB.
    public static let requestTooLarge = GatewayError(.requestTooLarge)
    /// 404 `{"message":"Not Found"}`: an HTTP API has no route for the request.
    public static let notFound = GatewayError(.httpNotFound)

    /// 401 `{"message":"Unauthorized"}` with a JWT authorizer's `www-authenticate` header.
    public static func unauthorized(wwwAuthenticate: String) -> GatewayError { GatewayError(.httpUnauthorized, wwwAuthenticate: wwwAuthenticate) }
    /// 403 `{"message":"Forbidden"}` with a JWT authorizer's `www-authenticate` header (missing scope).
    public static func forbidden(wwwAuthenticate: String) -> GatewayError { GatewayError(.httpForbidden, wwwAuthenticate: wwwAuthenticate) }

    /// The same failure as an HTTP API answers it: 404 Not Found, 401 Unauthorized, 403 Forbidden,
    /// 500 Internal Server Error, 503 Service Unavailable, 413.
    public var httpAPI: GatewayError {
        switch code {
        case .missingAuthenticationToken, .httpNotFound: return GatewayError(.httpNotFound)
        case .unauthorized, .expiredToken, .httpUnauthorized: return GatewayError(.httpUnauthorized, wwwAuthenticate: wwwAuthenticate)
        case .accessDeniedExplicit, .accessDenied, .forbidden, .httpForbidden, .invalidSignature, .iamExpiredToken, .iamDenied:
            return GatewayError(.httpForbidden, wwwAuthenticate: wwwAuthenticate)
        case .authorizerFailure, .internalServerError, .integrationThrottled, .httpInternalServerError: return GatewayError(.httpInternalServerError)
        case .integrationTimeout, .httpServiceUnavailable: return GatewayError(.httpServiceUnavailable)
        case .requestTooLarge, .httpRequestTooLarge: return GatewayError(.httpRequestTooLarge)
        }
    }

    /// The HTTP status.
    public var status: Int {
        switch code {
        case .missingAuthenticationToken, .accessDeniedExplicit, .accessDenied, .forbidden, .httpForbidden, .invalidSignature, .iamExpiredToken,
            .iamDenied:
            return 403
        case .unauthorized, .expiredToken, .httpUnauthorized: return 401
        case .authorizerFailure, .integrationThrottled, .httpInternalServerError: return 500
        case .internalServerError: return 502
        case .integrationTimeout: return 504
        case .requestTooLarge, .httpRequestTooLarge: return 413
        case .httpNotFound: return 404
        case .httpServiceUnavailable: return 503
        }
    }

    /// The body, exactly as AWS sends it.
    public var body: [UInt8] { Array(bodyText.utf8) }

    /// `Content-Type: application/json`, and `x-amzn-ErrorType` (REST) or `www-authenticate` (HTTP API JWT).
    public var headers: [(name: String, value: String)] {
        if let wwwAuthenticate { return [("Content-Type", "application/json"), ("www-authenticate", wwwAuthenticate)] }
        guard let errorType else { return [("Content-Type", "application/json")] }
        return [("Content-Type", "application/json"), ("x-amzn-ErrorType", errorType)]
    }

    /// The body as text: `{"message":"…"}`, except where AWS words it otherwise (`Message`, a space, `null`).
    public var bodyText: String {
        guard let message else { return #"{"message":null}"# }
        switch code {
        case .accessDeniedExplicit, .accessDenied, .iamDenied: return #"{"Message":"\#(message)"}"#
        case .internalServerError, .integrationThrottled, .integrationTimeout: return #"{"message": "\#(message)"}"#
        default: return #"{"message":"\#(message)"}"#
        }
    }

    /// The gateway response type an `AWS::ApiGateway::GatewayResponse` overrides it by (REST only).
    var responseType: String? {
        switch code {
        case .missingAuthenticationToken: return "MISSING_AUTHENTICATION_TOKEN"
        case .unauthorized: return "UNAUTHORIZED"
        case .expiredToken, .iamExpiredToken: return "EXPIRED_TOKEN"
        case .invalidSignature: return "INVALID_SIGNATURE"
        case .accessDeniedExplicit, .accessDenied, .iamDenied: return "ACCESS_DENIED"
        case .forbidden: return "INVALID_API_KEY"
        case .authorizerFailure: return "AUTHORIZER_FAILURE"
        case .integrationTimeout: return "INTEGRATION_TIMEOUT"
        case .requestTooLarge: return "REQUEST_TOO_LARGE"
        default: return nil
        }
    }

    /// `$context.error.message`: the default body's message.
    var message: String? {
        if let detail { return detail }
        switch code {
        case .missingAuthenticationToken: return "Missing Authentication Token"
        case .unauthorized, .httpUnauthorized: return "Unauthorized"
        case .expiredToken: return "The incoming token has expired"
        case .accessDeniedExplicit: return "User is not authorized to access this resource with an explicit deny"
        case .accessDenied: return "User is not authorized to access this resource"
        case .forbidden, .httpForbidden: return "Forbidden"
        case .authorizerFailure: return nil
        case .internalServerError, .integrationThrottled: return "Internal server error"
        case .integrationTimeout: return "Endpoint request timed out"
        case .requestTooLarge: return "Request Too Long"
        case .httpNotFound: return "Not Found"
        case .httpInternalServerError: return "Internal Server Error"
        case .httpServiceUnavailable: return "Service Unavailable"
        case .httpRequestTooLarge: return "Request Entity Too Large"
        case .invalidSignature, .iamExpiredToken, .iamDenied: return nil
        }
    }

    /// The REST API's `x-amzn-ErrorType` header (HTTP APIs send none).
    public var errorType: String? {
        switch code {
        case .missingAuthenticationToken: return "MissingAuthenticationTokenException"
        case .unauthorized, .expiredToken: return "UnauthorizedException"
        case .accessDeniedExplicit, .accessDenied, .forbidden, .iamDenied: return "AccessDeniedException"
        case .invalidSignature: return "InvalidSignatureException"
        case .iamExpiredToken: return "ExpiredTokenException"
        case .authorizerFailure: return "AuthorizerConfigurationException"
        case .internalServerError, .integrationThrottled, .integrationTimeout: return "InternalServerErrorException"
        case .requestTooLarge: return "RequestTooLargeException"
        default: return nil
        }
    }
}
