public import EmulatorCore

/// What the emulator's credential authority says of an `aws_iam` route's request: unsigned, refused
/// (with API Gateway's answer: a signature that does not match, an unknown or expired token), or
/// signed by a known caller (whose policies are then checked).
public enum SignedCaller: Sendable {
    /// No SigV4 signature.
    case unsigned
    /// The signature or its credentials are refused, with the REST API's answer.
    case refused(GatewayError)
    /// A verified caller (or, for keys the emulator did not issue, an unchecked one with full access).
    case caller(IAMCaller)
}

/// Verifies a request's signature for the service `execute-api`.
public typealias SignedRequestVerifier = @Sendable (GatewayRequest) -> SignedCaller

/// `aws_iam`: the request's SigV4 signature is verified (service `execute-api`) and the caller's
/// policies must allow `execute-api:Invoke` on the method ARN. The event then says who called:
/// `requestContext.identity` (REST) or `requestContext.authorizer.iam` (HTTP API). Refusals are API
/// Gateway's: REST 403 `Missing Authentication Token`, the signature's problem, or IAM's denial;
/// HTTP API 403 `Forbidden`.
struct IAMAuthorizer: GatewayAuthorizer {
    let verifier: SignedRequestVerifier

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        let rest: Bool
        if case .rest = call.context { rest = true } else { rest = false }
        switch verifier(call.request) {
        case .unsigned:
            return .failure(rest ? .missingAuthenticationToken : .forbidden.httpAPI)
        case .refused(let error):
            return .failure(rest ? error : error.httpAPI)
        case .caller(let caller):
            let resource = call.methodARN
            if case .failure(let denial) = caller.authorize("execute-api:Invoke", on: resource) {
                return .failure(rest ? .iamDenied(denial.message) : .forbidden.httpAPI)
            }
            return .success(.iam(caller))
        }
    }
}

extension IAMAuthorizer {
    /// Without the emulator's credentials (a gateway run in process): any `AWS4-HMAC-SHA256`
    /// `Authorization` header is let through as its access key, unchecked.
    static func unverified(accountID: String) -> SignedRequestVerifier {
        { request in
            guard let header = request.header("Authorization"), header.hasPrefix("AWS4-HMAC-SHA256 "),
                let range = header.firstRange(of: "Credential=")
            else { return .unsigned }
            let key = header[range.upperBound...].prefix { $0 != "/" && $0 != "," }
            return key.isEmpty ? .unsigned : .caller(.unchecked(accountID: accountID, accessKeyID: String(key)))
        }
    }
}

extension APIGatewayProxyRequest.Identity {
    /// The fields API Gateway fills for a request signed by `caller`.
    mutating func fill(from caller: IAMCaller) {
        accessKey = caller.accessKeyID
        accountId = caller.accountID
        self.caller = caller.userID
        user = caller.userID
        userArn = caller.arn
        cognitoIdentityPoolId = caller.cognitoIdentity?.identityPoolID
        cognitoIdentityId = caller.cognitoIdentity?.identityID
        cognitoAuthenticationType = caller.cognitoIdentity?.authenticationType
        cognitoAuthenticationProvider = caller.cognitoIdentity?.authenticationProvider
    }
}

extension APIGatewayV2Request.Authorizer.IAM {
    /// `requestContext.authorizer.iam` for a request signed by `caller`.
    init(_ caller: IAMCaller) {
        self.init(
            accessKey: caller.accessKeyID,
            accountId: caller.accountID,
            callerId: caller.userID,
            userArn: caller.arn,
            userId: caller.userID
        )
        if let identity = caller.cognitoIdentity {
            cognitoIdentity = .init(
                amr: caller.context["cognito-identity.amazonaws.com:amr"] ?? [identity.authenticationType],
                identityId: identity.identityID,
                identityPoolId: identity.identityPoolID
            )
        }
    }
}
