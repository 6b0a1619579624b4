import EmulatorCore

/// An HTTP API's JWT authorizer: the token from the identity source (`Bearer ` stripped) is verified
/// against the pool its issuer names, its `aud` (or, without one, `client_id`) must be one of the
/// audiences, and a route with scopes needs a token whose `scope` holds one of them.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
struct JWTAuthorizer: GatewayAuthorizer {
    let verification: TokenVerification<[String: String]>?
    let audience: Set<String>
    let scopes: [String]
    let source: IdentitySource

    init(poolID: String?, audience: [String], scopes: [String], identitySource: String, verifier: any TokenVerifier, clock: any TimeSource) {
        verification = poolID.map {
            TokenVerification(poolID: $0, verifier: verifier, clock: clock, render: { ClaimRendering.render($0, for: .httpAPI) })
        }
        self.audience = Set(audience)
        self.scopes = scopes
        source = IdentitySource(identitySource)
    }

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        guard var token = source.joinedValue(in: call), !token.isEmpty else {
            return .failure(.unauthorized(wwwAuthenticate: "Bearer"))
        }
        if token.lowercased().hasPrefix("bearer ") { token = String(token.dropFirst(7)) }
        guard let verification else {
            return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token's issuer is not a user pool of this service")))
        }
        let verified: VerifiedToken<[String: String]>
        switch verification.verify(token) {
        case .success(let value): verified = value
        case .failure(.expired): return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token has expired")))
        case .failure(.invalid): return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token is invalid")))
        }
        guard audience.contains(verified.audience) else {
            return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token does not have a valid audience")))
        }
        if !scopes.isEmpty, !verified.scopes.contains(where: scopes.contains) {
            let wanted = scopes.joined(separator: " ")
            return .failure(
                .forbidden(
                    wwwAuthenticate:
                        "Bearer scope=\"\(wanted)\" error=\"insufficient_scope\" error_description=\"expected scopes: [\(wanted)]\""
                )
            )
        }
        return .success(.http(.init(jwt: .init(claims: verified.rendered, scopes: verified.scopes.isEmpty ? nil : verified.scopes))))
    }

    private static func invalid(_ description: String) -> String {
        "Bearer scope=\"\" error=\"invalid_token\" error_description=\"\(description)\""
    }
}
