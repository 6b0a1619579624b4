import EmulatorCrypto

/// An `/oauth2/authorize` request checked as Cognito checks it: the client, the exact `redirect_uri`,
/// then the flow, `response_type`, scopes and PKCE method. Errors before the redirect URI is known to
/// be the client's are a page (never a redirect: no open redirect); after, a redirect with `error`.
struct AuthorizeRequest: Sendable {
    var client: LiveClient
    var redirectURI: String
    var state: String?
    var scopes: [String]
    var nonce: String?
    var codeChallenge: String?
    var challengeMethod: String
    var prompt: String?
    /// `response_type=token`: the implicit flow (tokens in the redirect's fragment, no refresh token).
    var implicit: Bool

    /// The parameters the login form carries on to `POST /login`.
    static let parameterNames = [
        "response_type", "client_id", "redirect_uri", "state", "scope", "nonce", "code_challenge", "code_challenge_method", "prompt",
        "identity_provider", "idp_identifier", "lang",
    ]

    enum Refusal: Error {
        /// Shown as a page: the redirect URI cannot be trusted.
        case page(String)
        /// Sent to the redirect URI as `error`.
        case redirect(String, redirectURI: String, state: String?)
    }

    static func check(_ query: [String: String], service: CognitoService) async -> Result<AuthorizeRequest, Refusal> {
        guard let clientID = query["client_id"], let client = try? await service.client(clientID) else {
            return .failure(.page("invalid_request: the client_id is missing or names no app client"))
        }
        let settings = OAuthClient(client: client)
        guard let redirectURI = query["redirect_uri"], settings.callbackURLs.contains(redirectURI) else {
            return .failure(.page("redirect_mismatch: the redirect_uri is not one of the client's callback URLs"))
        }
        let state = query["state"]
        func refuse(_ error: String) -> Result<AuthorizeRequest, Refusal> { .failure(.redirect(error, redirectURI: redirectURI, state: state)) }
        let implicit = query["response_type"] == "token"
        guard implicit || query["response_type"] == "code" else { return refuse("unsupported_response_type") }
        guard settings.flows.contains(implicit ? "implicit" : "code") else { return refuse("unauthorized_client") }
        let scopes = query["scope"].map { $0.split(separator: " ").map(String.init) } ?? settings.scopes
        guard !scopes.isEmpty, scopes.allSatisfy(settings.scopes.contains) else { return refuse("invalid_scope") }
        let method = query["code_challenge_method"] ?? "plain"
        if query["code_challenge"] != nil, method != "S256", method != "plain" { return refuse("invalid_request") }
        return .success(
            AuthorizeRequest(
                client: client,
                redirectURI: redirectURI,
                state: state,
                scopes: scopes,
                nonce: query["nonce"],
                codeChallenge: query["code_challenge"],
                challengeMethod: method,
                prompt: query["prompt"],
                implicit: implicit
            )
        )
    }

    /// Whether `verifier` answers the request's PKCE challenge (true when it made none).
    static func verifies(challenge: String?, method: String, verifier: String?) -> Bool {
        guard let challenge else { return verifier == nil || verifier == "" }
        guard let verifier, (43...128).contains(verifier.count) else { return false }
        let computed = method == "S256" ? Base64URL.encode(Digest.sha256(Array(verifier.utf8))) : verifier
        return Digest.constantTimeEquals(Array(computed.utf8), Array(challenge.utf8))
    }
}
