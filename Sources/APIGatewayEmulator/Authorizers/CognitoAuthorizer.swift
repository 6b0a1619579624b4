import EmulatorCore

/// A REST API's COGNITO_USER_POOLS authorizer: verifies the token in the identity header against the pool.
/// Without `scopes` it takes ID tokens; with `scopes` it takes access tokens carrying one of them.
struct CognitoAuthorizer: GatewayAuthorizer {
    let verification: TokenVerification<[String: String]>?
    let scopes: [String]
    let headerName: String

    init(poolID: String?, scopes: [String], headerName: String, verifier: any TokenVerifier, clock: any TimeSource) {
        verification = poolID.map {
            TokenVerification(poolID: $0, verifier: verifier, clock: clock, render: { ClaimRendering.render($0, for: .restAPI) })
        }
        self.scopes = scopes
        self.headerName = headerName
    }

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        guard let verification, var token = call.request.header(headerName), !token.isEmpty else { return .failure(.unauthorized) }
        if token.hasPrefix("Bearer ") { token = String(token.dropFirst(7)) }
        let verified: VerifiedToken<[String: String]>
        switch verification.verify(token) {
        case .success(let value): verified = value
        case .failure(.expired): return .failure(.expiredToken)
        case .failure(.invalid): return .failure(.unauthorized)
        }
        if scopes.isEmpty {
            guard verified.tokenUse == "id" else { return .failure(.unauthorized) }
            return .success(.rest(.init(claims: verified.rendered)))
        }
        guard verified.tokenUse == "access", verified.scopes.contains(where: scopes.contains) else { return .failure(.unauthorized) }
        return .success(.rest(.init(claims: verified.rendered, scopes: verified.scopes)))
    }
}
