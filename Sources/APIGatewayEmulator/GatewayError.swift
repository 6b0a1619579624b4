public import EmulatorCore

/// The errors API Gateway itself answers with, each with AWS's status, body and `x-amzn-ErrorType`.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
public struct GatewayError: WireError, Hashable {
    private enum Code: Sendable, Hashable {
        case missingAuthenticationToken, unauthorized, expiredToken, accessDeniedExplicit, accessDenied, forbidden
        case authorizerFailure, internalServerError, integrationTimeout, requestTooLarge
    }

    private let code: Code

    /// 403 `{"message":"Missing Authentication Token"}`: no such resource or method.
    public static let missingAuthenticationToken = GatewayError(code: .missingAuthenticationToken)
    /// 401 `{"message":"Unauthorized"}`: no token, or one the authorizer refuses.
    public static let unauthorized = GatewayError(code: .unauthorized)
    /// 401 `{"message":"The incoming token has expired"}`.
    public static let expiredToken = GatewayError(code: .expiredToken)
    /// 403: a Lambda authorizer's policy denies explicitly.
    public static let accessDeniedExplicit = GatewayError(code: .accessDeniedExplicit)
    /// 403: a Lambda authorizer's policy does not allow the method.
    public static let accessDenied = GatewayError(code: .accessDenied)
    /// 403 `{"message":"Forbidden"}`: a private route without an API key.
    public static let forbidden = GatewayError(code: .forbidden)
    /// 500: a Lambda authorizer failed or answered something unusable.
    public static let authorizerFailure = GatewayError(code: .authorizerFailure)
    /// 502 `{"message": "Internal server error"}`: the function failed or answered a malformed result.
    public static let internalServerError = GatewayError(code: .internalServerError)
    /// 504 `{"message": "Endpoint request timed out"}`.
    public static let integrationTimeout = GatewayError(code: .integrationTimeout)
    /// 413 `{"message":"Request Too Long"}`: a body over 10 MB.
    public static let requestTooLarge = GatewayError(code: .requestTooLarge)

    /// The HTTP status.
    public var status: Int {
        switch code {
        case .missingAuthenticationToken, .accessDeniedExplicit, .accessDenied, .forbidden: return 403
        case .unauthorized, .expiredToken: return 401
        case .authorizerFailure: return 500
        case .internalServerError: return 502
        case .integrationTimeout: return 504
        case .requestTooLarge: return 413
        }
    }

    /// The body, exactly as AWS sends it.
    public var body: [UInt8] { Array(bodyText.utf8) }

    /// `Content-Type: application/json` and the `x-amzn-ErrorType` header.
    public var headers: [(name: String, value: String)] { [("Content-Type", "application/json"), ("x-amzn-ErrorType", errorType)] }

    /// The body as text.
    public var bodyText: String {
        switch code {
        case .missingAuthenticationToken: return #"{"message":"Missing Authentication Token"}"#
        case .unauthorized: return #"{"message":"Unauthorized"}"#
        case .expiredToken: return #"{"message":"The incoming token has expired"}"#
        case .accessDeniedExplicit: return #"{"Message":"User is not authorized to access this resource with an explicit deny"}"#
        case .accessDenied: return #"{"Message":"User is not authorized to access this resource"}"#
        case .forbidden: return #"{"message":"Forbidden"}"#
        case .authorizerFailure: return #"{"message":null}"#
        case .internalServerError: return #"{"message": "Internal server error"}"#
        case .integrationTimeout: return #"{"message": "Endpoint request timed out"}"#
        case .requestTooLarge: return #"{"message":"Request Too Long"}"#
        }
    }

    /// The `x-amzn-ErrorType` header.
    public var errorType: String {
        switch code {
        case .missingAuthenticationToken: return "MissingAuthenticationTokenException"
        case .unauthorized, .expiredToken: return "UnauthorizedException"
        case .accessDeniedExplicit, .accessDenied, .forbidden: return "AccessDeniedException"
        case .authorizerFailure: return "AuthorizerConfigurationException"
        case .internalServerError: return "InternalServerErrorException"
        case .integrationTimeout: return "InternalServerErrorException"
        case .requestTooLarge: return "RequestTooLargeException"
        }
    }
}
