import EmulatorCore
import EmulatorCrypto

/// The sign-up page (`/signup`: a username or the pool's username attribute, a password and the schema's
/// required attributes), the confirmation code page it leads to (`POST /confirmUser`), and `GET
/// /confirmUser`, the link a verification e-mail carries. Once confirmed, the sign-in goes on as from
/// the sign-in page (MFA set-up included), with the password kept in memory for the few minutes between.
extension HostedLogin {
    /// A sign-up waiting for its confirmation code.
    struct PendingSignUp {
        var clientID: String
        var username: String
        var password: String
    }

    /// Labels for the standard attributes a sign-up form may ask for.
    static let attributeLabels = [
        "email": "E-mail address", "phone_number": "Phone number", "name": "Name", "given_name": "Given name",
        "family_name": "Family name", "middle_name": "Middle name", "nickname": "Nickname", "preferred_username": "Preferred username",
        "birthdate": "Birth date", "gender": "Gender", "address": "Address", "locale": "Locale", "zoneinfo": "Time zone",
        "website": "Website", "picture": "Picture", "profile": "Profile", "updated_at": "Updated at",
    ]

    /// `GET /signup`.
    func signUpPage(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in
            guard Self.allowsUserPoolSignIn(checked.client) else { return Self.userPoolSignInRefused }
            return await signUpForm(checked, carried: carried, message: nil)
        }
    }

    private func signUpForm(
        _ checked: AuthorizeRequest,
        carried: [String: String],
        message: String?,
        entered: [String: String] = [:]
    ) async -> Response {
        guard let pool = try? await service.pool(checked.client.poolID) else { return Self.errorPage(400, "The user pool does not exist.") }
        let usernameAttribute = pool.configuration.usernameAttributes.first
        var fields = [
            Field(
                label: usernameAttribute.map { Self.attributeLabels[$0] ?? $0 } ?? "Username",
                name: "username",
                type: usernameAttribute == "email" ? "email" : usernameAttribute == "phone_number" ? "tel" : "text",
                autocomplete: usernameAttribute == "email" ? "email" : usernameAttribute == "phone_number" ? "tel" : "username",
                value: entered["username"]
            )
        ]
        fields.append(Field(label: "Password", name: "password", type: "password", autocomplete: "new-password"))
        for attribute in pool.configuration.requiredAttributes where attribute.Name != usernameAttribute {
            let kind = attribute.Name == "email" ? "email" : attribute.Name == "phone_number" ? "tel" : "text"
            fields.append(
                Field(
                    label: Self.attributeLabels[attribute.Name] ?? attribute.Name,
                    name: "attribute:" + attribute.Name,
                    type: kind,
                    autocomplete: kind == "text" ? "on" : kind,
                    value: entered["attribute:" + attribute.Name]
                )
            )
        }
        return formPage(
            "Sign up",
            action: "/signup",
            carried: carried,
            fields: fields,
            buttons: [Button(label: "Sign up", name: "signUp")],
            message: message,
            after: Self.link("Already have an account? Sign in", to: "/login", carried: carried, id: "sign-in"),
            branding: await branding(of: checked.client)
        )
    }

    /// `POST /signup`: SignUp; then the confirmation code's page, or straight on to signing in.
    func signUp(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in
            guard Self.allowsUserPoolSignIn(checked.client) else { return Self.userPoolSignInRefused }
            let username = request.parameters["username"] ?? ""
            let password = request.parameters["password"] ?? ""
            let attributes = request.parameters.compactMap { key, value -> AttributeType? in
                guard key.hasPrefix("attribute:"), !value.isEmpty else { return nil }
                return AttributeType(Name: String(key.dropFirst("attribute:".count)), Value: value)
            }
            let signedUp: SignUpResponse
            do throws(CognitoError) {
                signedUp = try await service.signUp(
                    SignUpRequest(
                        ClientId: checked.client.id,
                        Username: username,
                        Password: password,
                        UserAttributes: attributes.sorted { $0.Name < $1.Name },
                        SecretHash: secretHash(username, client: checked.client)
                    )
                )
            } catch {
                return await signUpForm(checked, carried: carried, message: error.message, entered: request.parameters)
            }
            if signedUp.UserConfirmed { return await signInAfterSignUp(username: username, password: password, checked: checked, carried: carried) }
            let token = SecureRandom.uuidString()
            pendingSignUps.insert(
                PendingSignUp(clientID: checked.client.id, username: username, password: password),
                for: token,
                lifetime: Self.codeLifetime * 3
            )
            return await confirmForm(checked, carried: carried, token: token, delivery: signedUp.CodeDeliveryDetails, message: nil)
        }
    }

    private func confirmForm(
        _ checked: AuthorizeRequest,
        carried: [String: String],
        token: String,
        delivery: CodeDeliveryDetailsType?,
        message: String?
    ) async -> Response {
        let notice = delivery.map { "We sent a code to \($0.Destination) by \($0.DeliveryMedium == "SMS" ? "text message" : "e-mail")." }
        return formPage(
            "Confirm your account",
            action: "/confirmUser",
            carried: carried,
            hidden: ["signup": token],
            fields: [Field(label: "Confirmation code", name: "code", autocomplete: "one-time-code")],
            buttons: [Button(label: "Confirm account", name: "confirm")],
            message: message,
            notice: notice,
            branding: await branding(of: checked.client)
        )
    }

    /// `POST /confirmUser`: ConfirmSignUp with the code; then the sign-in goes on.
    func confirmSignUp(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in
            guard Self.allowsUserPoolSignIn(checked.client) else { return Self.userPoolSignInRefused }
            let token = request.parameters["signup"] ?? ""
            guard let pending = pendingSignUps.peek(token), pending.clientID == checked.client.id else {
                return await signInForm(checked, carried: carried, message: "The sign-up has expired. Sign in to confirm your account.")
            }
            do throws(CognitoError) {
                _ = try await service.confirmSignUp(
                    ConfirmSignUpRequest(
                        ClientId: checked.client.id,
                        Username: pending.username,
                        ConfirmationCode: request.parameters["code"] ?? "",
                        SecretHash: secretHash(pending.username, client: checked.client)
                    )
                )
            } catch {
                return await confirmForm(checked, carried: carried, token: token, delivery: nil, message: error.message)
            }
            pendingSignUps.remove(token)
            return await signInAfterSignUp(username: pending.username, password: pending.password, checked: checked, carried: carried)
        }
    }

    /// `GET /confirmUser?client_id=…&user_name=…&confirmation_code=…`: the verification e-mail's link.
    func confirmByLink(_ request: Request) async -> Response {
        guard let clientID = request.parameters["client_id"], let username = request.parameters["user_name"],
            let code = request.parameters["confirmation_code"], let client = try? await service.client(clientID)
        else { return Self.errorPage(400, "invalid_request: the link is missing client_id, user_name or confirmation_code") }
        do {
            _ = try await service.confirmSignUp(
                ConfirmSignUpRequest(
                    ClientId: client.id,
                    Username: username,
                    ConfirmationCode: code,
                    SecretHash: secretHash(username, client: client)
                )
            )
        } catch {
            return Self.errorPage(400, error.message)
        }
        let body = Self.document("Account confirmed", "<p role=\"status\" id=\"notice\">Your account is confirmed. You can now sign in.</p>\n")
        return Response(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(body.utf8))
    }

    private func signInAfterSignUp(username: String, password: String, checked: AuthorizeRequest, carried: [String: String]) async -> Response {
        do {
            let answer = try await service.hostedPasswordSignIn(username: username, password: password, client: checked.client)
            return await continueSignIn(answer, checked: checked, carried: carried, username: username)
        } catch {
            return await signInForm(checked, carried: carried, message: error.message)
        }
    }
}
