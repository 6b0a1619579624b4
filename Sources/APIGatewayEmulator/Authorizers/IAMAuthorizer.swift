import EmulatorCore
import Foundation

/// `aws_iam`: the request must carry a SigV4 `Authorization` header. Until signatures are verified
/// (and the caller's policies applied), the credential scope names the caller: an HTTP API's event
/// carries it in `requestContext.authorizer.iam`. Unsigned requests get AWS's answer: REST 403
/// `Missing Authentication Token`, HTTP API 403 `Forbidden`.
struct IAMAuthorizer: GatewayAuthorizer {
    let accountID: String

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        let rest: Bool
        if case .rest = call.context { rest = true } else { rest = false }
        guard let header = call.request.header("Authorization"), header.hasPrefix("AWS4-HMAC-SHA256 "),
            let credential = Self.credential(in: header)
        else { return .failure(rest ? .missingAuthenticationToken : .forbidden.httpAPI) }
        if rest { return .success(.none) }
        return .success(
            .http(
                .init(
                    iam: .init(
                        accessKey: credential,
                        accountId: accountID,
                        callerId: credential,
                        userArn: ARN(service: "iam", region: "", account: accountID, resource: "user/\(credential)").description,
                        userId: credential
                    )
                )
            )
        )
    }

    /// The access key of `Credential=AKID/20261201/us-east-1/execute-api/aws4_request`.
    static func credential(in header: String) -> String? {
        guard let range = header.range(of: "Credential=") else { return nil }
        let rest = header[range.upperBound...]
        let key = rest.prefix { $0 != "/" && $0 != "," }
        return key.isEmpty ? nil : String(key)
    }
}
