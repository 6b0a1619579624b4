public import EmulatorCore

/// An error of the OAuth 2.0 endpoints, as Cognito's token and revocation endpoints answer it:
/// `400 {"error": "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" |
/// "unsupported_grant_type" | "invalid_scope"}`.
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
public struct OAuthError: WireError, Equatable {
    /// The `error` code.
    public let code: String
    /// An `error_description`, where Cognito gives one.
    public let description: String?

    init(_ code: String, _ description: String? = nil) {
        self.code = code
        self.description = description
    }

    /// 400.
    public var status: Int { 400 }

    /// `Content-Type: application/json;charset=UTF-8`.
    public var headers: [(name: String, value: String)] { [("Content-Type", "application/json;charset=UTF-8")] }

    /// `{"error": …}`.
    public var body: [UInt8] {
        var members: [JSONValue.Member] = [.init("error", .string(code))]
        if let description { members.append(.init("error_description", .string(description))) }
        return Array(JSONValue.object(members).serialized.utf8)
    }

    static let invalidRequest = OAuthError("invalid_request")
    static let invalidClient = OAuthError("invalid_client")
    static let invalidGrant = OAuthError("invalid_grant")
    static let unauthorizedClient = OAuthError("unauthorized_client")
    static let unsupportedGrantType = OAuthError("unsupported_grant_type")
    static let invalidScope = OAuthError("invalid_scope")
}
