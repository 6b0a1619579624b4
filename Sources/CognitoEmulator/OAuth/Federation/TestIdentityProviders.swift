import EmulatorCore
import EmulatorCrypto
import NIOConcurrencyHelpers

/// Stand-ins for the identity providers a pool federates with (Google, Facebook, Sign in with Apple,
/// Login with Amazon, any OIDC issuer), which cannot be reached offline. Each speaks the OIDC code flow:
/// `GET /_emulate/idp/<type>/authorize` shows "sign in to <provider> as a test identity" (e-mail, name,
/// subject; identities used before are offered again), then redirects to the `redirect_uri` with a
/// code; the code is redeemed once, by the client it was issued to, for an RS256 ID token that
/// ``verify(_:issuer:audience:nonce:)`` checks as a relying party checks a provider's token. The
/// token's members are named as each provider names them (`sub`; Facebook's `id`; Amazon's `user_id`),
/// which is what an `AttributeMapping` refers to. Keys, codes and identities live in memory.
package final class TestIdentityProviders: Sendable {
    /// A test identity.
    struct Identity: Sendable, Hashable {
        var subject: String
        var email: String
        var name: String
    }

    private struct IssuedCode {
        var claims: JSONValue
        var clientID: String
        var redirectURI: String
    }

    /// The issuers of the social providers; an OIDC provider's is its `oidc_issuer`.
    static let issuers = [
        "Google": "https://accounts.google.com", "Facebook": "https://www.facebook.com", "SignInWithApple": "https://appleid.apple.com",
        "LoginWithAmazon": "https://www.amazon.com",
    ]
    /// The authorize request's parameters: `issuer` names an OIDC provider's issuer, `provider` its name.
    static let protocolParameters: Set = [
        "client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "issuer", "provider", "SAMLRequest", "RelayState",
    ]
    static let keyID = "emulate-test-idp"
    static let codeLifetime = 300.0
    static let tokenLifetime = 3600.0

    let clock: EmulatorClock
    private let signingKey = NIOLockedValueBox<RSAKey?>(nil)
    private let codes: ExpiringEntries<IssuedCode>
    private let remembered = NIOLockedValueBox<[String: [Identity]]>([:])

    /// Providers on `clock`.
    package init(clock: EmulatorClock) {
        self.clock = clock
        self.codes = ExpiringEntries(clock: clock)
    }

    /// The issuer a provider of `type` signs as.
    package static func issuer(type: String, details: JSONValue?) -> String? {
        type == "OIDC" ? details?["oidc_issuer"]?.stringValue : issuers[type]
    }

    /// The page and its form, or nil for another path: `/_emulate/idp/<type>/authorize` (OIDC) and
    /// `/_emulate/idp/SAML/sso` (SAML 2.0).
    package func respond(_ method: HostedLogin.Method, path: String, _ request: HostedLogin.Request) async -> HostedLogin.Response? {
        let parts = path.split(separator: "/")
        guard parts.count == 4, parts[0] == "_emulate", parts[1] == "idp", parts[3] == (parts[2] == "SAML" ? "sso" : "authorize") else { return nil }
        let type = String(parts[2])
        guard Self.issuers[type] != nil || type == "OIDC" || type == "SAML" else {
            return HostedLogin.errorPage(404, "No test identity provider of type \(type).")
        }
        let query = request.parameters.filter { Self.protocolParameters.contains($0.key) }
        let saml: SAMLRequest?
        if type == "SAML" {
            guard let found = SAMLRequest(query["SAMLRequest"]) else {
                return HostedLogin.errorPage(
                    400,
                    "invalid_request: SAMLRequest must be a base64 AuthnRequest with an ID and an AssertionConsumerServiceURL"
                )
            }
            saml = found
        } else {
            // The providers send codes back to the pools' endpoint only: no open redirect.
            guard query["client_id"] != nil, query["redirect_uri"] == HostedLogin.identityProviderRedirect, query["response_type"] == "code" else {
                return HostedLogin.errorPage(400, "invalid_request: client_id, redirect_uri and response_type=code are required")
            }
            saml = nil
        }
        guard method == .post else { return page(type: type, query, message: nil) }
        if let refusal = HostedLogin.csrfRefusal(request) { return refusal }
        let identity: Identity?
        if request.parameters["cancel"] != nil {
            identity = nil
        } else if let subject = request.parameters["remembered"], let known = identities(type).first(where: { $0.subject == subject }) {
            identity = known
        } else {
            let email = request.parameters["email"] ?? ""
            guard email.contains("@"), email.count <= 254 else { return page(type: type, query, message: "Enter an e-mail address.") }
            let given = request.parameters["subject"] ?? ""
            guard given.count <= 128 else { return page(type: type, query, message: "The subject is at most 128 characters.") }
            let subject = given.isEmpty ? Self.subject(for: email, type: type) : given
            let entered = Identity(subject: subject, email: email, name: request.parameters["name"] ?? "")
            remembered.withLockedValue { $0[type, default: []] = [entered] + ($0[type] ?? []).filter { $0.subject != subject }.prefix(9) }
            identity = entered
        }
        if let saml { return samlAnswer(identity, to: saml, relayState: query["RelayState"], provider: query["provider"]) }
        let redirectURI = query["redirect_uri"] ?? ""
        guard let identity else { return HostedLogin.redirect(redirectURI, ["error": "access_denied", "state": query["state"]]) }
        let now = clock.now
        let code = SecureRandom.uuidString()
        let claims = Self.claims(
            of: identity,
            type: type,
            issuer: query["issuer"] ?? Self.issuers[type] ?? "",
            audience: query["client_id"] ?? "",
            nonce: query["nonce"],
            now: now
        )
        codes.insert(IssuedCode(claims: claims, clientID: query["client_id"] ?? "", redirectURI: redirectURI), for: code, lifetime: Self.codeLifetime)
        return HostedLogin.redirect(redirectURI, ["code": code, "state": query["state"]])
    }

    /// The token endpoint's part: the ID token for `code`, once, for the client and redirect URI it was issued to.
    package func redeem(code: String, clientID: String, redirectURI: String) -> String? {
        guard let issued = codes.take(code), issued.clientID == clientID,
            issued.redirectURI == redirectURI, let key = try? key()
        else { return nil }
        return try? JWT.sign(claims: issued.claims, key: key, keyID: Self.keyID)
    }

    /// The claims of a provider's ID token, when its signature is the provider's and its issuer,
    /// audience, nonce and lifetime are those expected; nil otherwise.
    package func verify(_ token: String, issuer: String, audience: String, nonce: String?) -> JSONValue? {
        guard let jwt = JWT(token), jwt.keyID == Self.keyID, let key = try? key(), jwt.isSigned(by: key),
            jwt.claims["iss"]?.stringValue == issuer, jwt.claims["aud"]?.stringValue == audience,
            let expires = jwt.claims["exp"]?.numberValue, expires > clock.now, jwt.isIssued(before: clock.now),
            nonce == nil || jwt.claims["nonce"]?.stringValue == nonce
        else { return nil }
        return jwt.claims
    }

    // MARK: - Helpers

    func key() throws -> RSAKey {
        try signingKey.withLockedValue { stored in
            if let stored { return stored }
            let made = try RSAKey.generate()
            stored = made
            return made
        }
    }

    private func identities(_ type: String) -> [Identity] {
        remembered.withLockedValue { $0[type] ?? [] }
    }

    /// The member of a provider's token that holds the user's ID.
    static func subjectClaim(type: String) -> String {
        ["Facebook": "id", "LoginWithAmazon": "user_id"][type] ?? "sub"
    }

    /// A stable subject for an e-mail address: 21 digits as Google's, else 16 hex digits.
    package static func subject(for email: String, type: String) -> String {
        let digest = Digest.sha256(Array("\(type)/\(email.lowercased())".utf8))
        guard type == "Google" else { return digest.prefix(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
        let number = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return "1" + String(number).leftPadded(to: 20)
    }

    static func claims(of identity: Identity, type: String, issuer: String, audience: String, nonce: String?, now: Double) -> JSONValue {
        let names = identity.name.split(separator: " ", maxSplits: 1).map(String.init)
        let subjectName = subjectClaim(type: type)
        var members: [JSONValue.Member] = [
            .init("iss", .string(issuer)), .init("aud", .string(audience)), .init(subjectName, .string(identity.subject)),
            .init("email", .string(identity.email)), .init("email_verified", .bool(true)),
        ]
        if subjectName != "sub" { members.append(.init("sub", .string(identity.subject))) }
        if let first = names.first {
            members.append(.init("name", .string(identity.name)))
            let (given, family) = type == "Facebook" ? ("first_name", "last_name") : ("given_name", "family_name")
            members.append(.init(given, .string(first)))
            if names.count > 1 { members.append(.init(family, .string(names[1]))) }
        }
        if let nonce { members.append(.init("nonce", .string(nonce))) }
        members += [.init("iat", .int(Int(now))), .init("exp", .int(Int(now + tokenLifetime)))]
        return .object(members)
    }

    private func page(type: String, _ query: [String: String], message: String?) -> HostedLogin.Response {
        let named = query["provider"] ?? "your identity provider"
        let provider = ["SignInWithApple": "Apple", "LoginWithAmazon": "Amazon", "OIDC": named, "SAML": named][type] ?? type
        let csrf = SecureRandom.uuidString()
        var form = HostedLogin.alert(message)
        form += "<p>This stands in for \(HostedLogin.html(provider)) offline. Sign in as any test identity.</p>\n"
        form += "<form method=\"post\">\n" + HostedLogin.hiddenFields(query) + "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">\n"
        for identity in identities(type) {
            form += "<button type=\"submit\" class=\"secondary\" name=\"remembered\" value=\"\(HostedLogin.html(identity.subject))\" formnovalidate>"
            form +=
                "Continue as \(HostedLogin.html(identity.name.isEmpty ? identity.email : identity.name)) (\(HostedLogin.html(identity.email)))</button>\n"
        }
        form += """
            <label for="email">E-mail address</label>
            <input id="email" name="email" type="email" autocomplete="email" autofocus required>
            <label for="name">Name</label>
            <input id="name" name="name" autocomplete="name">
            <label for="subject">Subject (leave empty for one made from the e-mail address)</label>
            <input id="subject" name="subject" autocomplete="off">
            <button type="submit" class="primary" name="signIn">Sign in to \(HostedLogin.html(provider))</button>
            <button type="submit" class="secondary" name="cancel" value="1" formnovalidate>Cancel</button>
            </form>

            """
        let body = HostedLogin.document("Sign in to \(provider) as a test identity", form)
        return HostedLogin.formResponse(body, csrf: csrf, failed: message != nil)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
