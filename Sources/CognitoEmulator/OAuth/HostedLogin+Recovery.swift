import EmulatorCore

/// Forgotten passwords: `/forgotPassword` asks for the username and sends a code (ForgotPassword, to
/// the outbox), `/confirmForgotPassword` takes the code and a new password (ConfirmForgotPassword),
/// then the sign-in page says the password was changed.
extension HostedLogin {
    /// `GET /forgotPassword`.
    func forgotPasswordPage(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in
            guard Self.allowsUserPoolSignIn(checked.client) else { return Self.userPoolSignInRefused }
            return await forgotPasswordForm(checked, carried: carried, message: nil)
        }
    }

    private func forgotPasswordForm(_ checked: AuthorizeRequest, carried: [String: String], message: String?) async -> Response {
        formPage(
            "Reset your password",
            action: "/forgotPassword",
            carried: carried,
            fields: [Field(label: "Username", name: "username", autocomplete: "username")],
            buttons: [Button(label: "Send code", name: "send")],
            message: message,
            notice: "Enter your username and we will send you a code to reset your password.",
            after: Self.link("Back to sign in", to: "/login", carried: carried, id: "sign-in"),
            branding: await branding(of: checked.client)
        )
    }

    /// `POST /forgotPassword`: ForgotPassword; then the code's page.
    func forgotPassword(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in
            guard Self.allowsUserPoolSignIn(checked.client) else { return Self.userPoolSignInRefused }
            let username = request.parameters["username"] ?? ""
            let delivery: CodeDeliveryDetailsType?
            do throws(CognitoError) {
                delivery = try await service.forgotPassword(
                    ForgotPasswordRequest(ClientId: checked.client.id, Username: username, SecretHash: secretHash(username, client: checked.client))
                ).CodeDeliveryDetails
            } catch {
                return await forgotPasswordForm(checked, carried: carried, message: error.message)
            }
            let notice = delivery.map { "We sent a code to \($0.Destination). Enter it below with a new password." }
            return await resetForm(checked, carried: carried, username: username, notice: notice, message: nil)
        }
    }

    private func resetForm(
        _ checked: AuthorizeRequest,
        carried: [String: String],
        username: String,
        notice: String?,
        message: String?
    ) async -> Response {
        formPage(
            "Reset your password",
            action: "/confirmForgotPassword",
            carried: carried,
            hidden: ["username": username],
            fields: [
                Field(label: "Code", name: "code", autocomplete: "one-time-code"),
                Field(label: "New password", name: "password", type: "password", autocomplete: "new-password"),
            ],
            buttons: [Button(label: "Reset password", name: "reset")],
            message: message,
            notice: notice,
            branding: await branding(of: checked.client)
        )
    }

    /// `POST /confirmForgotPassword`: ConfirmForgotPassword; then the sign-in page.
    func confirmForgotPassword(_ request: Request) async -> Response {
        await withAuthorizeRequest(request.parameters) { checked, carried in
            guard Self.allowsUserPoolSignIn(checked.client) else { return Self.userPoolSignInRefused }
            let username = request.parameters["username"] ?? ""
            do throws(CognitoError) {
                _ = try await service.confirmForgotPassword(
                    ConfirmForgotPasswordRequest(
                        ClientId: checked.client.id,
                        Username: username,
                        ConfirmationCode: request.parameters["code"] ?? "",
                        Password: request.parameters["password"] ?? "",
                        SecretHash: secretHash(username, client: checked.client)
                    )
                )
            } catch {
                return await resetForm(checked, carried: carried, username: username, notice: nil, message: error.message)
            }
            return await signInForm(
                checked,
                carried: carried.overriding(["username": username]),
                message: nil,
                notice: "Your password has been reset. Sign in with your new password."
            )
        }
    }
}
