import EmulatorCore
import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The sign-in page (`/login`) and the steps a sign-in may take after it: a TOTP, SMS or e-mail code, a
/// new password, setting up an authenticator app (MFA_SETUP), choosing an MFA method or a first factor,
/// and a passkey. Choice-based sign-in is offered when the pool's `AllowedFirstAuthFactors` name more
/// than the password; identity providers the client supports get a button each.
extension HostedLogin {
    /// The challenges answered with one typed field: its label, input type and the response it fills.
    static let challengeFields: [String: (label: String, type: String, response: String)] = [
        "SOFTWARE_TOKEN_MFA": ("Code from your authenticator app", "text", "SOFTWARE_TOKEN_MFA_CODE"),
        "SMS_MFA": ("Code sent to your phone", "text", "SMS_MFA_CODE"),
        "EMAIL_OTP": ("Code sent to your e-mail", "text", "EMAIL_OTP_CODE"),
        "SMS_OTP": ("Code sent to your phone", "text", "SMS_OTP_CODE"),
        "NEW_PASSWORD_REQUIRED": ("New password", "password", "NEW_PASSWORD"),
        "MFA_SETUP": ("Code from your authenticator app", "text", ""),
    ]

    /// The first factors besides the password that the sign-in page offers a button for.
    static let factorButtons: [(factor: String, label: String)] = [
        ("WEB_AUTHN", "Sign in with a passkey"), ("EMAIL_OTP", "E-mail me a sign-in code"), ("SMS_OTP", "Text me a sign-in code"),
    ]

    /// `GET /login`: the sign-in form.
    func loginPage(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in await signInForm(checked, carried: carried, message: nil) }
    }

    /// The sign-in form of `checked`'s pool and client.
    func signInForm(_ checked: AuthorizeRequest, carried: [String: String], message: String?, notice: String? = nil) async -> Response {
        let pool = try? await service.pool(checked.client.poolID)
        var buttons = [Button(label: "Sign in", name: "signIn")]
        if case .array(let allowed)? = pool?.definition["Policies"]?["SignInPolicy"]?["AllowedFirstAuthFactors"],
            pool?.configuration.mfaConfiguration != "ON"
        {
            for (factor, label) in Self.factorButtons where allowed.contains(.string(factor)) {
                buttons.append(Button(label: label, name: "factor", value: factor, skipsChecks: true))
            }
        }
        var after = Self.link("Forgot your password?", to: "/forgotPassword", carried: carried, id: "forgot-password")
        if pool?.configuration.allowAdminCreateUserOnly == false {
            after += Self.link("Need an account? Sign up", to: "/signup", carried: carried, id: "sign-up")
        }
        var providers = ""
        for provider in OAuthClient(client: checked.client).identityProviders where provider != "COGNITO" {
            providers += Self.link(
                "Sign in with \(provider)",
                to: "/oauth2/authorize",
                carried: carried.overriding(["identity_provider": provider]),
                id: "idp-\(provider)"
            )
        }
        guard Self.allowsUserPoolSignIn(checked.client) else {
            guard !providers.isEmpty else { return Self.userPoolSignInRefused }
            let body = Self.document("Sign in", providers, branding: await branding(of: checked.client))
            return Response(
                status: 200,
                headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
                body: Array(body.utf8)
            )
        }
        after += providers
        return formPage(
            "Sign in",
            action: "/login",
            carried: carried,
            fields: [
                Field(label: "Username", name: "username", autocomplete: "username webauthn", value: carried["username"]),
                Field(label: "Password", name: "password", type: "password", autocomplete: "current-password"),
            ],
            buttons: buttons,
            message: message,
            notice: notice,
            after: after,
            branding: await branding(of: checked.client)
        )
    }

    /// Whether the client signs users in with the pool's own accounts (`COGNITO` among its
    /// `SupportedIdentityProviders`); without it only its identity providers are offered.
    static func allowsUserPoolSignIn(_ client: LiveClient) -> Bool {
        OAuthClient(client: client).identityProviders.contains("COGNITO")
    }

    /// The page for a sign-in, sign-up or reset the client does not allow.
    static var userPoolSignInRefused: Response {
        errorPage(400, "Login option is not available: the app client's SupportedIdentityProviders do not include COGNITO.")
    }

    /// `POST /login`: the form's username and password, a first factor chosen, or a challenge's answer.
    func login(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in
            guard Self.allowsUserPoolSignIn(checked.client) else { return Self.userPoolSignInRefused }
            let username = request.parameters["username"] ?? ""
            if let challenge = request.parameters["challenge"], let session = request.parameters["session"] {
                return await answer(challenge, session: session, request, checked: checked, carried: carried)
            }
            let answer: InitiateAuthResponse
            do throws(CognitoError) {
                if let factor = request.parameters["factor"] {
                    guard Self.factorButtons.contains(where: { $0.factor == factor }) else {
                        return await signInForm(checked, carried: carried, message: "Choose one of the ways to sign in on this page.")
                    }
                    guard !username.isEmpty else { return await signInForm(checked, carried: carried, message: "Please enter a username.") }
                    answer = try await service.hostedChoiceSignIn(username: username, preferred: factor, client: checked.client)
                } else {
                    let password = request.parameters["password"] ?? ""
                    guard !username.isEmpty, !password.isEmpty else {
                        return await signInForm(checked, carried: carried, message: "Please enter a username and a password.")
                    }
                    answer = try await service.hostedPasswordSignIn(username: username, password: password, client: checked.client)
                }
            } catch {
                return await signInForm(checked, carried: carried.overriding(["username": username]), message: error.message)
            }
            return await continueSignIn(answer, checked: checked, carried: carried, username: username)
        }
    }

    /// The next step of a sign-in: signed in (a browser session, then back to the client), or a challenge's page.
    func continueSignIn(_ answer: InitiateAuthResponse, checked: AuthorizeRequest, carried: [String: String], username: String) async -> Response {
        guard let result = answer.AuthenticationResult, let refresh = result.RefreshToken else {
            guard let challenge = answer.ChallengeName, let session = answer.Session else {
                return Self.errorPage(400, "The sign-in did not finish.")
            }
            return await challengePage(
                challenge,
                session: session,
                parameters: answer.ChallengeParameters,
                checked: checked,
                carried: carried,
                username: username
            )
        }
        // The user's own name (they may have typed an alias), as the first ID token says it.
        let user = JWT(result.IdToken)?.claims["cognito:username"]?.stringValue ?? username
        let cookie = startSession(poolID: checked.client.poolID, username: user)
        return await redirectWithGrant(checked, refreshToken: refresh, cookie: cookie)
    }

    /// The page that asks for `challenge`'s answer; `message` is Cognito's text for a wrong one.
    func challengePage(
        _ challenge: String,
        session: String,
        parameters: [String: String],
        checked: AuthorizeRequest,
        carried: [String: String],
        username: String,
        message: String? = nil
    ) async -> Response {
        var hidden = ["challenge": challenge, "session": session, "username": username]
        let branding = await branding(of: checked.client)
        func page(_ title: String, fields: [Field] = [], buttons: [Button], before: String = "", after: String = "") -> Response {
            formPage(
                title,
                action: "/login",
                carried: carried,
                hidden: hidden,
                fields: fields,
                buttons: buttons,
                message: message,
                before: before,
                after: after,
                branding: branding
            )
        }
        switch challenge {
        case "SELECT_MFA_TYPE", "SELECT_CHALLENGE":
            let key = challenge == "SELECT_MFA_TYPE" ? "MFAS_CAN_CHOOSE" : "AVAILABLE_CHALLENGES"
            let choices = Self.stringList(parameters[key]).filter { !["PASSWORD", "PASSWORD_SRP"].contains($0) }
            if choices.isEmpty {
                return await signInForm(
                    checked,
                    carried: carried.overriding(["username": username]),
                    message: "That way of signing in is not available for this user. Sign in with your password."
                )
            }
            let labels = [
                "SOFTWARE_TOKEN_MFA": "Authenticator app", "SMS_MFA": "Text message", "EMAIL_OTP": "E-mail", "SMS_OTP": "Text message",
                "WEB_AUTHN": "Passkey",
            ]
            return page(
                challenge == "SELECT_MFA_TYPE" ? "Choose how to confirm it is you" : "Choose how to sign in",
                buttons: choices.map { Button(label: labels[$0] ?? $0, name: "choice", value: $0) }
            )
        case "MFA_SETUP":
            var secret = parameters["secret"]
            if secret == nil {
                guard let associated = try? await service.associateSoftwareToken(AssociateSoftwareTokenRequest(Session: session)) else {
                    return Self.errorPage(400, "The sign-in has expired. Go back and sign in again.")
                }
                secret = associated.SecretCode
                hidden["session"] = associated.Session ?? session
            }
            hidden["secret"] = secret
            let pool = (try? await service.pool(checked.client.poolID))?.configuration.name ?? "Cognito"
            let uri = "otpauth://totp/\(Self.formEncode(pool)):\(Self.formEncode(username))?secret=\(secret ?? "")&issuer=\(Self.formEncode(pool))"
            let before = """
                <p>Add this key to your authenticator app, then enter the code it shows.</p>
                <p>Key: <code id="totp-secret">\(Self.html(secret ?? ""))</code></p>
                <p><a id="totp-uri" href="\(Self.html(uri))">Open in an authenticator app</a></p>

                """
            return page(
                "Set up an authenticator app",
                fields: [Field(label: "Code from your authenticator app", name: "answer", autocomplete: "one-time-code")],
                buttons: [Button(label: "Continue", name: "confirm")],
                before: before
            )
        case "WEB_AUTHN":
            hidden["answer"] = ""
            return page(
                "Sign in with a passkey",
                buttons: [Button(label: "Use my passkey", name: "confirm")],
                after: Self.passkeyScript(.get, options: parameters["CREDENTIAL_REQUEST_OPTIONS"] ?? "{}")
            )
        default:
            let field = Self.challengeFields[challenge] ?? ("Answer", "text", "")
            let autocomplete = field.type == "password" ? "new-password" : "one-time-code"
            return page(
                challenge == "NEW_PASSWORD_REQUIRED" ? "Change your password" : "Enter your code",
                fields: [Field(label: field.label, name: "answer", type: field.type, autocomplete: autocomplete)],
                buttons: [Button(label: "Continue", name: "confirm")]
            )
        }
    }

    /// `POST /login` with a challenge's answer.
    private func answer(
        _ challenge: String,
        session: String,
        _ request: Request,
        checked: AuthorizeRequest,
        carried: [String: String]
    ) async -> Response {
        let username = request.parameters["username"] ?? ""
        let given = request.parameters["answer"] ?? request.parameters["choice"] ?? ""
        var session = session
        var responses = ["USERNAME": username]
        switch challenge {
        case "SELECT_MFA_TYPE", "SELECT_CHALLENGE": responses["ANSWER"] = given
        case "WEB_AUTHN": responses["CREDENTIAL"] = given
        case "MFA_SETUP":
            do throws(CognitoError) {
                session = try await service.verifySoftwareToken(VerifySoftwareTokenRequest(Session: session, UserCode: given)).Session ?? session
            } catch {
                return await challengePage(
                    challenge,
                    session: session,
                    parameters: ["secret": request.parameters["secret"] ?? ""],
                    checked: checked,
                    carried: carried,
                    username: username,
                    message: error.message
                )
            }
        default:
            guard let field = Self.challengeFields[challenge]?.response else { return Self.errorPage(400, "Unknown challenge \(challenge).") }
            responses[field] = given
        }
        if let hash = secretHash(username, client: checked.client) { responses["SECRET_HASH"] = hash }
        do {
            let answer = try await service.respondToAuthChallenge(
                RespondToAuthChallengeRequest(ClientId: checked.client.id, ChallengeName: challenge, Session: session, ChallengeResponses: responses)
            )
            return await continueSignIn(answer, checked: checked, carried: carried, username: username)
        } catch {
            // A passkey's or a choice's session does not take a second answer: back to the form.
            if challenge == "WEB_AUTHN" || challenge == "SELECT_CHALLENGE" {
                return await signInForm(checked, carried: carried.overriding(["username": username]), message: error.message)
            }
            return await challengePage(
                challenge,
                session: session,
                parameters: [:],
                checked: checked,
                carried: carried,
                username: username,
                message: error.message
            )
        }
    }

    /// A browser session for `username`: the cookie's value.
    func startSession(poolID: String, username: String) -> String {
        let browser = SecureRandom.uuidString()
        sessions.insert(BrowserSession(poolID: poolID, username: username), for: browser, lifetime: Self.sessionLifetime)
        return browser
    }

    /// `SECRET_HASH` for `username` when the client has a secret.
    func secretHash(_ username: String, client: LiveClient) -> String? {
        client.acceptedSecrets.first.map { secret in
            Data(Digest.hmacSHA256(key: Array(secret.utf8), message: Array((username + client.id).utf8))).base64EncodedString()
        }
    }

    /// The client's branding style, or the standard one.
    func branding(of client: LiveClient) async -> PageBranding {
        guard let pool = try? await service.pool(client.poolID) else { return .standard }
        return PageBranding(style: (try? await service.brandings(pool: pool))?.first { $0.clientID == client.id }?.branding)
    }

    /// A challenge parameter holding a JSON list of strings.
    static func stringList(_ text: String?) -> [String] {
        guard let text, case .array(let items)? = JSONValue.parse(Array(text.utf8)) else { return [] }
        return items.compactMap(\.stringValue)
    }
}
