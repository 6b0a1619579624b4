/// What an app client allows on the OAuth 2.0 endpoints, read from its definition (the CloudFormation
/// properties or the API's members, which have the same names).
struct OAuthClient {
    let client: LiveClient

    private func strings(_ key: String) -> [String] {
        guard case .array(let items)? = client.definition[key] else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// `AllowedOAuthFlowsUserPoolClient`: without it the client may use none of the flows.
    var enabled: Bool { client.definition["AllowedOAuthFlowsUserPoolClient"] == .bool(true) }
    /// `AllowedOAuthFlows`: `code`, `implicit`, `client_credentials`.
    var flows: [String] { enabled ? strings("AllowedOAuthFlows") : [] }
    /// `AllowedOAuthScopes`.
    var scopes: [String] { strings("AllowedOAuthScopes") }
    /// `CallbackURLs`.
    var callbackURLs: [String] { strings("CallbackURLs") }
    /// `SupportedIdentityProviders`: `COGNITO` and the names of the pool's identity providers.
    var identityProviders: [String] { strings("SupportedIdentityProviders") }
    /// `LogoutURLs`.
    var logoutURLs: [String] { strings("LogoutURLs") }
}
