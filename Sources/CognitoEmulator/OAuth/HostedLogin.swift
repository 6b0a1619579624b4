import EmulatorCore
import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The managed login pages and the authorization code flow, without HTTP: `GET /oauth2/authorize`
/// (straight back with a code when the browser's session cookie is current, or on to an identity
/// provider), the pages (sign-in, sign-up, password reset, passkeys; every form CSRF-protected by a
/// double-submit cookie), and the code's exchange at the token endpoint (single use, five minutes, bound
/// to the client and `redirect_uri`, PKCE `S256` or `plain`). Codes, browser sessions and pages' pending
/// steps live in memory, as short-lived as Cognito's: a restart loses them.
package final class HostedLogin: Sendable {
    /// A request: its query or form, and its cookies.
    package struct Request: Sendable {
        package var parameters: [String: String]
        package var cookies: [String: String]
        package var authorization: String?

        /// Creates a request.
        package init(parameters: [String: String], cookies: [String: String] = [:], authorization: String? = nil) {
            self.parameters = parameters
            self.cookies = cookies
            self.authorization = authorization
        }

        /// The cookies of a request's `Cookie` headers by name (`a=1; b=2`); a name given again takes its
        /// last value, and a pair without `=` is left out.
        package static func cookies(fromHeaders headers: [String]) -> [String: String] {
            var cookies: [String: String] = [:]
            for header in headers {
                for pair in header.split(separator: ";") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    var name = parts[0].drop { $0 == " " || $0 == "\t" }
                    while name.last == " " || name.last == "\t" { name = name.dropLast() }
                    cookies[String(name)] = String(parts[1])
                }
            }
            return cookies
        }
    }

    /// How a page is asked for.
    package enum Method: Sendable { case get, post }

    /// An answer: status, headers (`Location`, `Set-Cookie`, `Content-Type`) and body.
    package struct Response: Sendable {
        package var status: Int
        package var headers: [(name: String, value: String)]
        package var body: [UInt8]
    }

    struct IssuedCode {
        var clientID: String
        var redirectURI: String
        var grant: OAuthGrant
        var challenge: String?
        var method: String
        var refreshToken: String
    }

    struct BrowserSession {
        var poolID: String
        var username: String
    }

    static let codeLifetime = 300.0
    static let sessionLifetime = 3600.0
    static let sessionCookie = "cognito"
    static let csrfCookie = "XSRF-TOKEN"

    let service: CognitoService
    let codes: ExpiringEntries<IssuedCode>
    let sessions: ExpiringEntries<BrowserSession>
    let pendingSignUps: ExpiringEntries<PendingSignUp>
    let federations: ExpiringEntries<PendingFederation>
    let testProviders: TestIdentityProviders

    /// The pages of `service`'s pools.
    package init(service: CognitoService) {
        self.service = service
        self.testProviders = TestIdentityProviders(clock: service.clock)
        self.codes = ExpiringEntries(clock: service.clock)
        self.sessions = ExpiringEntries(clock: service.clock)
        self.pendingSignUps = ExpiringEntries(clock: service.clock)
        self.federations = ExpiringEntries(clock: service.clock)
    }

    // MARK: Routing

    /// The answer for `path`, or nil when no page or endpoint of the pages is there.
    package func respond(_ method: Method, path: String, _ request: Request) async -> Response? {
        switch (method, path) {
        case (.get, "/oauth2/authorize"): return await authorize(request)
        case (.post, "/oauth2/token"): return await token(request)
        case (.post, "/oauth2/revoke"):
            let answer = await service.oauthRevoke(form: request.parameters, authorization: request.authorization)
            return Response(status: answer.status, headers: Self.jsonHeaders, body: answer.body)
        case (.get, "/oauth2/userInfo"), (.post, "/oauth2/userInfo"): return userInfo(request)
        case (.get, "/oauth2/idpresponse"), (.post, "/oauth2/idpresponse"): return await identityProviderResponse(request)
        case (.post, "/saml2/idpresponse"): return await samlResponse(request)
        case (.get, "/logout"): return await logout(request)
        case (.get, "/login"): return await loginPage(request)
        case (.get, "/signup"): return await signUpPage(request)
        case (.get, "/confirmUser"): return await confirmByLink(request)
        case (.get, "/forgotPassword"): return await forgotPasswordPage(request)
        case (.get, "/passkeys/add"): return await addPasskeyPage(request)
        case (.post, "/login"), (.post, "/signup"), (.post, "/confirmUser"), (.post, "/forgotPassword"), (.post, "/confirmForgotPassword"),
            (.post, "/passkeys/add"):
            if let refusal = Self.csrfRefusal(request) { return refusal }
            switch path {
            case "/login": return await login(request)
            case "/signup": return await signUp(request)
            case "/confirmUser": return await confirmSignUp(request)
            case "/forgotPassword": return await forgotPassword(request)
            case "/confirmForgotPassword": return await confirmForgotPassword(request)
            default: return await addPasskey(request)
            }
        default: break
        }
        return await testProviders.respond(method, path: path, request)
    }

    /// `body` with the authorize request that a page's parameters carry on (and those parameters), once
    /// it checks out; else Cognito's refusal (an error page, or a redirect with `error`).
    func withAuthorizeRequest(
        _ parameters: [String: String],
        _ body: (AuthorizeRequest, [String: String]) async -> Response
    ) async -> Response {
        let carried = parameters.filter { AuthorizeRequest.parameterNames.contains($0.key) }
        switch await AuthorizeRequest.check(carried, service: service) {
        case .success(let checked): return await body(checked, carried)
        case .failure(let refusal): return Self.render(refusal)
        }
    }

    /// Whether a POST to `path` is one of the pages' (its form body is then read).
    package static func servesPost(_ path: String) -> Bool {
        [
            "/oauth2/token", "/oauth2/revoke", "/oauth2/userInfo", "/oauth2/idpresponse", "/login", "/signup", "/confirmUser", "/forgotPassword",
            "/confirmForgotPassword", "/passkeys/add", "/saml2/idpresponse",
        ].contains(path) || (path.hasPrefix("/_emulate/idp/") && (path.hasSuffix("/authorize") || path.hasSuffix("/sso")))
    }

    /// The 403 page for a form whose `_csrf` field does not match the CSRF cookie its page set (the
    /// double-submit check); nil when it matches.
    static func csrfRefusal(_ request: Request) -> Response? {
        if let token = request.parameters["_csrf"], let cookie = request.cookies[csrfCookie], !token.isEmpty,
            Digest.constantTimeEquals(Array(token.utf8), Array(cookie.utf8))
        {
            return nil
        }
        return errorPage(403, "The form has expired or did not come from this page. Go back and try again.")
    }

    // MARK: Authorize

    /// `GET /oauth2/authorize`.
    package func authorize(_ request: Request) async -> Response {
        let checked: AuthorizeRequest
        switch await AuthorizeRequest.check(request.parameters, service: service) {
        case .success(let found): checked = found
        case .failure(let refusal): return Self.render(refusal)
        }
        if checked.prompt != "login", let cookie = request.cookies[Self.sessionCookie], let session = currentSession(cookie),
            session.poolID == checked.client.poolID,
            let signedIn = try? await service.mintTokens(userPoolID: session.poolID, username: session.username, clientID: checked.client.id),
            let refresh = signedIn.RefreshToken
        {
            return await redirectWithGrant(checked, refreshToken: refresh, cookie: nil)
        }
        if checked.prompt == "none" { return Self.redirect(checked.redirectURI, ["error": "login_required", "state": checked.state]) }
        if let provider = await federatedProvider(request.parameters, client: checked.client) {
            switch provider {
            case .success(let provider): return federate(checked, carried: request.parameters, provider: provider)
            case .failure(let refusal): return Self.render(refusal)
            }
        }
        return Response(status: 302, headers: [("Location", "/login?" + Self.query(request.parameters))], body: [])
    }

    // MARK: Token

    /// `POST /oauth2/token`: the authorization code grant here; the others at the service.
    package func token(_ request: Request) async -> Response {
        guard request.parameters["grant_type"] == "authorization_code" else {
            let answer = await service.oauthToken(form: request.parameters, authorization: request.authorization)
            return Response(status: answer.status, headers: Self.jsonHeaders, body: answer.body)
        }
        do throws(OAuthError) {
            let client = try await service.authenticateClient(form: request.parameters, authorization: request.authorization)
            guard let code = request.parameters["code"], !code.isEmpty else { throw OAuthError.invalidRequest }
            // Taken out whatever follows: a code is good for one attempt.
            guard let issued = codes.take(code),
                issued.clientID == client.id, issued.redirectURI == request.parameters["redirect_uri"],
                AuthorizeRequest.verifies(challenge: issued.challenge, method: issued.method, verifier: request.parameters["code_verifier"])
            else { throw OAuthError.invalidGrant }
            let tokens: (id: String?, access: String, expiresIn: Int)
            do {
                tokens = try await service.oauthTokens(refreshToken: issued.refreshToken, client: client, grant: issued.grant)
            } catch {
                throw OAuthError.invalidGrant
            }
            var members: [JSONValue.Member] = []
            if let id = tokens.id { members.append(.init("id_token", .string(id))) }
            members += [
                .init("access_token", .string(tokens.access)), .init("refresh_token", .string(issued.refreshToken)),
                .init("expires_in", .int(tokens.expiresIn)), .init("token_type", .string("Bearer")),
            ]
            return Response(status: 200, headers: Self.jsonHeaders, body: Array(JSONValue.object(members).serialized.utf8))
        } catch {
            return Response(status: error.status, headers: Self.jsonHeaders, body: error.body)
        }
    }

    // MARK: Helpers

    static let jsonHeaders = [(name: "Content-Type", value: "application/json;charset=UTF-8"), (name: "Cache-Control", value: "no-store")]

    func endSession(_ cookie: String) {
        sessions.remove(cookie)
    }

    func currentSession(_ cookie: String) -> BrowserSession? {
        sessions.peek(cookie)
    }

    /// Back to the redirect URI with a code, or (implicit flow) with the tokens in the fragment.
    func redirectWithGrant(_ request: AuthorizeRequest, refreshToken: String, cookie: String?) async -> Response {
        var response: Response
        if request.implicit {
            let grant = OAuthGrant(scopes: request.scopes, nonce: request.nonce)
            guard let tokens = try? await service.oauthTokens(refreshToken: refreshToken, client: request.client, grant: grant) else {
                return Self.redirect(request.redirectURI, ["error": "server_error", "state": request.state])
            }
            let fragment: [String: String?] = [
                "access_token": tokens.access, "id_token": tokens.id, "token_type": "Bearer", "expires_in": String(tokens.expiresIn),
                "state": request.state,
            ]
            response = Response(
                status: 302,
                headers: [("Location", request.redirectURI + "#" + Self.query(fragment.compactMapValues { $0 }))],
                body: []
            )
        } else {
            response = redirectWithCode(request, refreshToken: refreshToken)
        }
        if let cookie {
            response.headers.append(
                ("Set-Cookie", "\(Self.sessionCookie)=\(cookie); Path=/; HttpOnly; SameSite=Lax; Max-Age=\(Int(Self.sessionLifetime))")
            )
        }
        return response
    }

    private func redirectWithCode(_ request: AuthorizeRequest, refreshToken: String) -> Response {
        let code = SecureRandom.uuidString()
        codes.insert(
            IssuedCode(
                clientID: request.client.id,
                redirectURI: request.redirectURI,
                grant: OAuthGrant(scopes: request.scopes, nonce: request.nonce),
                challenge: request.codeChallenge,
                method: request.challengeMethod,
                refreshToken: refreshToken
            ),
            for: code,
            lifetime: Self.codeLifetime
        )
        return Self.redirect(request.redirectURI, ["code": code, "state": request.state])
    }

    static func redirect(_ uri: String, _ parameters: [String: String?]) -> Response {
        let query = query(parameters.compactMapValues { $0 })
        return Response(status: 302, headers: [("Location", uri + (uri.contains("?") ? "&" : "?") + query)], body: [])
    }

    static func render(_ refusal: AuthorizeRequest.Refusal) -> Response {
        switch refusal {
        case .page(let message): return errorPage(400, message)
        case .redirect(let error, let uri, let state): return redirect(uri, ["error": error, "state": state])
        }
    }

    static func query(_ parameters: [String: String]) -> String {
        parameters.sorted { $0.key < $1.key }.map { "\(formEncode($0.key))=\(formEncode($0.value))" }.joined(separator: "&")
    }

    static func formEncode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.append(Character(Unicode.Scalar(byte)))
            default:
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return output
    }
}
