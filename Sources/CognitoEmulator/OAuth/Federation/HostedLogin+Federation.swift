import EmulatorCore
import EmulatorCrypto
import NIOConcurrencyHelpers

/// Sign-in through an identity provider: `/oauth2/authorize` with `identity_provider=<name>` (or
/// `idp_identifier=<identifier>`) sends the browser to the provider (offline, its stand-in in
/// ``TestIdentityProviders``) with a `state` of the emulator's own; the provider comes back to
/// `/oauth2/idpresponse` with a code, which is redeemed for the provider's ID token; its signature,
/// issuer, audience (the provider's `client_id`) and nonce are verified before the federated user signs
/// in and the browser goes back to the client as after any sign-in.
extension HostedLogin {
    /// An authorize request waiting for its identity provider's answer.
    struct PendingFederation {
        var carried: [String: String]
        var provider: JSONValue
        var nonce: String
        var expires: Double
    }

    /// The provider an authorize request names, if it names one; a refusal when the client may not use it.
    func federatedProvider(_ parameters: [String: String], client: LiveClient) async -> Result<JSONValue, AuthorizeRequest.Refusal>? {
        let named = parameters["identity_provider"].flatMap { $0 == "COGNITO" ? nil : $0 }
        guard named != nil || parameters["idp_identifier"] != nil else { return nil }
        let refusal = AuthorizeRequest.Refusal.redirect("invalid_request", redirectURI: parameters["redirect_uri"] ?? "", state: parameters["state"])
        guard let provider = try? await service.identityProvider(poolID: client.poolID, name: named, identifier: parameters["idp_identifier"]),
            let name = provider["ProviderName"]?.stringValue, OAuthClient(client: client).identityProviders.contains(name)
        else { return .failure(refusal) }
        guard TestIdentityProviders.issuer(type: provider["ProviderType"]?.stringValue ?? "", details: provider["ProviderDetails"]) != nil else {
            return .failure(
                .page("The identity provider \(name) of type \(provider["ProviderType"]?.stringValue ?? "?") cannot be used offline yet.")
            )
        }
        return .success(provider)
    }

    /// Off to the provider's authorization endpoint.
    func federate(_ checked: AuthorizeRequest, carried: [String: String], provider: JSONValue) -> Response {
        let state = SecureRandom.uuidString()
        let nonce = SecureRandom.uuidString()
        federations.withLockedValue { pending in
            let now = service.clock.now
            pending = pending.filter { $0.value.expires > now }
            pending[state] = PendingFederation(
                carried: carried.filter { AuthorizeRequest.parameterNames.contains($0.key) },
                provider: provider,
                nonce: nonce,
                expires: now + Self.codeLifetime * 2
            )
        }
        let type = provider["ProviderType"]?.stringValue ?? ""
        let details = provider["ProviderDetails"]
        var query = [
            "client_id": details?["client_id"]?.stringValue ?? "", "redirect_uri": Self.identityProviderRedirect, "response_type": "code",
            "scope": details?["authorize_scopes"]?.stringValue ?? "openid email", "state": state, "nonce": nonce,
        ]
        if type == "OIDC" {
            query["issuer"] = details?["oidc_issuer"]?.stringValue
            query["provider"] = provider["ProviderName"]?.stringValue
        }
        return Response(status: 302, headers: [("Location", "/_emulate/idp/\(type)/authorize?" + Self.query(query))], body: [])
    }

    /// Where providers send the browser back.
    static let identityProviderRedirect = "/oauth2/idpresponse"

    /// `/oauth2/idpresponse?code=…&state=…` (or `error=…`): the provider's answer.
    func identityProviderResponse(_ request: Request) async -> Response {
        guard let state = request.parameters["state"], let pending = federations.withLockedValue({ $0.removeValue(forKey: state) }),
            pending.expires > service.clock.now
        else { return Self.errorPage(400, "invalid_request: the state is unknown or has expired. Start the sign-in again.") }
        let checked: AuthorizeRequest
        switch await AuthorizeRequest.check(pending.carried, service: service) {
        case .success(let found): checked = found
        case .failure(let refusal): return Self.render(refusal)
        }
        if let error = request.parameters["error"] {
            return Self.redirect(checked.redirectURI, ["error": error == "access_denied" ? error : "invalid_request", "state": checked.state])
        }
        let type = pending.provider["ProviderType"]?.stringValue ?? ""
        let details = pending.provider["ProviderDetails"]
        let audience = details?["client_id"]?.stringValue ?? ""
        guard let code = request.parameters["code"],
            let token = testProviders.redeem(code: code, clientID: audience, redirectURI: Self.identityProviderRedirect),
            let issuer = TestIdentityProviders.issuer(type: type, details: details),
            let claims = testProviders.verify(token, issuer: issuer, audience: audience, nonce: pending.nonce)
        else {
            return Self.redirect(
                checked.redirectURI,
                ["error": "invalid_request", "error_description": "invalid identity provider response", "state": checked.state]
            )
        }
        let username: String
        let tokens: AuthenticationResultType
        do {
            username = try await service.federatedUser(provider: pending.provider, claims: claims, client: checked.client)
            tokens = try await service.mintTokens(userPoolID: checked.client.poolID, username: username, clientID: checked.client.id)
        } catch {
            return Self.redirect(checked.redirectURI, ["error": "invalid_request", "error_description": error.message, "state": checked.state])
        }
        guard let refresh = tokens.RefreshToken else { return Self.errorPage(500, "The sign-in did not yield a session.") }
        return await redirectWithGrant(checked, refreshToken: refresh, cookie: startSession(poolID: checked.client.poolID, username: username))
    }
}
