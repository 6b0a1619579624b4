import EmulatorCore
import EmulatorCrypto

/// The managed login pages' HTML: server-rendered, no script, usable with the keyboard alone (labels,
/// a focused first field, a real submit button), and a CSRF token in a hidden field matched by a cookie.
extension HostedLogin {
    /// The sign-in form, carrying the authorize request's parameters on; `message` is Cognito's text for a failed attempt.
    func page(_ parameters: [String: String], message: String?) -> Response {
        let csrf = SecureRandom.uuidString()
        let hidden = Self.hiddenFields(parameters.filter { AuthorizeRequest.parameterNames.contains($0.key) })
        let alert = Self.alert(message)
        let body = Self.signInDocument(
            """
            \(alert)<form method="post" action="/login">
            \(hidden)<input type="hidden" name="_csrf" value="\(csrf)">
            <label for="username">Username</label>
            <input id="username" name="username" autocomplete="username" autofocus required>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit" name="signIn">Sign in</button>
            </form>
            """
        )
        return Self.formResponse(body, csrf: csrf, failed: message != nil)
    }

    /// The challenges the pages answer: the field's label, its input type and the challenge response it fills.
    static let challengeFields: [String: (label: String, type: String, response: String)] = [
        "SOFTWARE_TOKEN_MFA": ("Code from your authenticator app", "text", "SOFTWARE_TOKEN_MFA_CODE"),
        "SMS_MFA": ("Code sent to your phone", "text", "SMS_MFA_CODE"),
        "EMAIL_OTP": ("Code sent to your e-mail", "text", "EMAIL_OTP_CODE"),
        "NEW_PASSWORD_REQUIRED": ("New password", "password", "NEW_PASSWORD"),
    ]

    /// The next step of a sign-in: a code, or a new password; `message` is Cognito's text for a wrong answer.
    func challengePage(_ parameters: [String: String], challenge: String, session: String, username: String, message: String?) -> Response {
        let field = Self.challengeFields[challenge] ?? ("Answer", "text", "")
        let csrf = SecureRandom.uuidString()
        let hidden = Self.hiddenFields(
            parameters.filter { AuthorizeRequest.parameterNames.contains($0.key) }
                .merging(["challenge": challenge, "session": session, "username": username]) { _, new in new }
        )
        let alert = Self.alert(message)
        let autocomplete = field.type == "password" ? "new-password" : "one-time-code"
        let body = Self.signInDocument(
            """
            \(alert)<form method="post" action="/login">
            \(hidden)<input type="hidden" name="_csrf" value="\(csrf)">
            <label for="answer">\(Self.html(field.label))</label>
            <input id="answer" name="answer" type="\(field.type)" autocomplete="\(autocomplete)" autofocus required>
            <button type="submit" name="confirm">Continue</button>
            </form>
            """
        )
        return Self.formResponse(body, csrf: csrf, failed: message != nil)
    }

    /// A sign-in page around `form` (its alert and form elements).
    static func signInDocument(_ form: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in</title>
        <style>body{font-family:sans-serif;max-width:22rem;margin:3rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}
        .error{color:#b00020}</style></head>
        <body>
        <main>
        <h1>Sign in</h1>
        \(form)</main>
        </body>
        </html>

        """
    }

    /// A page with a form: not cached, with the CSRF cookie its hidden field matches; 400 after a failed attempt.
    static func formResponse(_ body: String, csrf: String, failed: Bool) -> Response {
        Response(
            status: failed ? 400 : 200,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                ("Set-Cookie", "\(csrfCookie)=\(csrf); Path=/; HttpOnly; SameSite=Strict"),
            ],
            body: Array(body.utf8)
        )
    }

    /// A page for what cannot be redirected (an unknown client, a redirect URI that is not the client's).
    static func errorPage(_ status: Int, _ message: String) -> Response {
        let body = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>An error was encountered</title></head>
            <body><main><h1>An error was encountered with the requested page.</h1><p id="error">\(html(message))</p></main></body></html>

            """
        return Response(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(body.utf8))
    }

    /// `text` safe in HTML text and attribute values.
    static func html(_ text: String) -> String { MarkupText.escaped(text) }

    /// Hidden inputs for `fields` (in name order), and the alert for `message`, if any.
    static func hiddenFields(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map { "<input type=\"hidden\" name=\"\(html($0.key))\" value=\"\(html($0.value))\">\n" }.joined()
    }

    static func alert(_ message: String?) -> String {
        message.map { "<p class=\"error\" role=\"alert\" id=\"error\">\(html($0))</p>\n" } ?? ""
    }
}
