import EmulatorCore
import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    }

    /// The provider an authorize request names, if it names one; a refusal when the client may not use it.
    func federatedProvider(_ parameters: [String: String], client: LiveClient) async -> Result<JSONValue, AuthorizeRequest.Refusal>? {
        let named = parameters["identity_provider"].flatMap { $0 == "COGNITO" ? nil : $0 }
        guard named != nil || parameters["idp_identifier"] != nil else { return nil }
        let refusal = AuthorizeRequest.Refusal.redirect("invalid_request", redirectURI: parameters["redirect_uri"] ?? "", state: parameters["state"])
        guard let provider = try? await service.identityProvider(poolID: client.poolID, name: named, identifier: parameters["idp_identifier"]),
            let name = provider["ProviderName"]?.stringValue, OAuthClient(client: client).identityProviders.contains(name)
        else { return .failure(refusal) }
        let type = provider["ProviderType"]?.stringValue ?? ""
        guard type == "SAML" || TestIdentityProviders.issuer(type: type, details: provider["ProviderDetails"]) != nil else {
            return .failure(
                .page("The identity provider \(name) of type \(provider["ProviderType"]?.stringValue ?? "?") cannot be used offline yet.")
            )
        }
        return .success(provider)
    }

    /// Off to the provider's authorization endpoint.
    func federate(_ checked: AuthorizeRequest, carried: [String: String], provider: JSONValue) -> Response {
        let type = provider["ProviderType"]?.stringValue ?? ""
        let state = SecureRandom.uuidString()
        // For SAML, the AuthnRequest's ID (an XML name: not starting with a digit).
        let nonce = (type == "SAML" ? "_" : "") + SecureRandom.uuidString()
        federations.insert(
            PendingFederation(carried: carried.filter { AuthorizeRequest.parameterNames.contains($0.key) }, provider: provider, nonce: nonce),
            for: state,
            lifetime: Self.codeLifetime * 2
        )
        if type == "SAML" {
            let request = """
                <samlp:AuthnRequest xmlns:samlp="\(SAMLResponse.protocolNamespace)" xmlns:saml="\(SAMLResponse.assertionNamespace)" \
                AssertionConsumerServiceURL="\(Self.samlConsumer)" ID="\(nonce)" IssueInstant="\(ISO8601Time.format(service.clock.now))" \
                ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Version="2.0">\
                <saml:Issuer>\(Self.serviceProvider(checked.client.poolID))</saml:Issuer></samlp:AuthnRequest>
                """
            let query = [
                "SAMLRequest": Data(request.utf8).base64EncodedString(), "RelayState": state,
                "provider": provider["ProviderName"]?.stringValue ?? "",
            ]
            return Self.toProvider("/_emulate/idp/SAML/sso?" + Self.query(query), state: state)
        }
        let details = provider["ProviderDetails"]
        var query = [
            "client_id": details?["client_id"]?.stringValue ?? "", "redirect_uri": Self.identityProviderRedirect, "response_type": "code",
            "scope": details?["authorize_scopes"]?.stringValue ?? "openid email", "state": state, "nonce": nonce,
        ]
        if type == "OIDC" {
            query["issuer"] = details?["oidc_issuer"]?.stringValue
            query["provider"] = provider["ProviderName"]?.stringValue
        }
        return Self.toProvider("/_emulate/idp/\(type)/authorize?" + Self.query(query), state: state)
    }

    /// The cookie that binds a federation's state to the browser that started it (no login CSRF).
    static let federationCookie = "emulate-federation"

    /// The redirect to a provider, with the state's cookie.
    private static func toProvider(_ location: String, state: String) -> Response {
        Response(
            status: 302,
            headers: [
                ("Location", location),
                ("Set-Cookie", "\(federationCookie)=\(state); Path=/; HttpOnly; SameSite=Lax; Max-Age=\(Int(codeLifetime * 2))"),
            ],
            body: []
        )
    }

    /// The federation `state` names, taken out, when this browser started it.
    private func pendingFederation(_ request: Request, state: String?) -> PendingFederation? {
        guard let state, let cookie = request.cookies[Self.federationCookie], Digest.constantTimeEquals(Array(state.utf8), Array(cookie.utf8))
        else { return nil }
        return federations.take(state)
    }

    /// Where providers send the browser back.
    static let identityProviderRedirect = "/oauth2/idpresponse"
    /// Where SAML providers post their responses (the assertion consumer service).
    static let samlConsumer = "/saml2/idpresponse"

    /// A pool's SAML service provider entity ID (the audience of the assertions for it).
    static func serviceProvider(_ poolID: String) -> String { "urn:amazon:cognito:sp:\(poolID)" }

    /// `POST /saml2/idpresponse` with `SAMLResponse` and `RelayState`: the SAML provider's answer.
    func samlResponse(_ request: Request) async -> Response {
        guard let pending = pendingFederation(request, state: request.parameters["RelayState"]) else {
            return Self.errorPage(
                400,
                "invalid_request: the RelayState is unknown, has expired, or belongs to another browser. Start the sign-in again."
            )
        }
        return await withAuthorizeRequest(pending.carried) { checked, _ in
            guard let encoded = request.parameters["SAMLResponse"], encoded.count <= 262_144,
                let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
            else {
                return Self.redirect(
                    checked.redirectURI,
                    ["error": "invalid_request", "error_description": "no SAMLResponse", "state": checked.state]
                )
            }
            let response: SAMLResponse
            do {
                let expected = SAMLResponse.Expectations(
                    audience: Self.serviceProvider(checked.client.poolID),
                    recipient: Self.samlConsumer,
                    requestID: pending.nonce,
                    now: service.clock.now
                )
                response = try SAMLResponse(String(decoding: data, as: UTF8.self), key: try testProviders.samlVerificationKey(), expecting: expected)
            } catch let refusal as SAMLResponse.Refusal {
                let error = refusal.reason.contains("did not report success") ? "access_denied" : "invalid_request"
                return Self.redirect(checked.redirectURI, ["error": error, "error_description": refusal.reason, "state": checked.state])
            } catch {
                return Self.errorPage(500, "The SAML provider's key could not be made.")
            }
            var claims: [JSONValue.Member] = [.init("sub", .string(response.nameID))]
            for (name, values) in response.attributes.sorted(by: { $0.key < $1.key }) where name != "sub" {
                claims.append(.init(name, .string(values.joined(separator: ","))))
            }
            return await signInFederated(pending.provider, claims: .object(claims), checked: checked)
        }
    }

    /// Signs the provider's user in (created or found) and goes back to the client.
    private func signInFederated(_ provider: JSONValue, claims: JSONValue, checked: AuthorizeRequest) async -> Response {
        let username: String
        let tokens: AuthenticationResultType
        do throws(CognitoError) {
            username = try await service.federatedUser(provider: provider, claims: claims, client: checked.client)
            tokens = try await service.mintTokens(userPoolID: checked.client.poolID, username: username, clientID: checked.client.id)
        } catch {
            return Self.redirect(checked.redirectURI, ["error": "invalid_request", "error_description": error.message, "state": checked.state])
        }
        guard let refresh = tokens.RefreshToken else { return Self.errorPage(500, "The sign-in did not yield a session.") }
        return await redirectWithGrant(checked, refreshToken: refresh, cookie: startSession(poolID: checked.client.poolID, username: username))
    }

    /// `/oauth2/idpresponse?code=…&state=…` (or `error=…`): the provider's answer.
    func identityProviderResponse(_ request: Request) async -> Response {
        guard let pending = pendingFederation(request, state: request.parameters["state"]) else {
            return Self.errorPage(400, "invalid_request: the state is unknown, has expired, or belongs to another browser. Start the sign-in again.")
        }
        return await withAuthorizeRequest(pending.carried) { checked, _ in await finishOIDC(request, pending: pending, checked: checked) }
    }

    private func finishOIDC(_ request: Request, pending: PendingFederation, checked: AuthorizeRequest) async -> Response {
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
        return await signInFederated(pending.provider, claims: claims, checked: checked)
    }
}
