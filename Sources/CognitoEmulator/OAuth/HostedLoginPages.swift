import EmulatorCrypto

/// The managed login pages' HTML: server-rendered, no script, usable with the keyboard alone (labels,
/// a focused first field, a real submit button), and a CSRF token in a hidden field matched by a cookie.
extension HostedLogin {
    /// The sign-in form, carrying the authorize request's parameters on; `message` is Cognito's text for a failed attempt.
    func page(_ parameters: [String: String], message: String?) -> Response {
        let csrf = SecureRandom.uuidString()
        var hidden = ""
        for name in AuthorizeRequest.parameterNames {
            if let value = parameters[name] { hidden += "<input type=\"hidden\" name=\"\(Self.html(name))\" value=\"\(Self.html(value))\">\n" }
        }
        let alert = message.map { "<p class=\"error\" role=\"alert\" id=\"error\">\(Self.html($0))</p>\n" } ?? ""
        let body = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in</title>
            <style>body{font-family:sans-serif;max-width:22rem;margin:3rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}
            .error{color:#b00020}</style></head>
            <body>
            <main>
            <h1>Sign in</h1>
            \(alert)<form method="post" action="/login">
            \(hidden)<input type="hidden" name="_csrf" value="\(csrf)">
            <label for="username">Username</label>
            <input id="username" name="username" autocomplete="username" autofocus required>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit" name="signIn">Sign in</button>
            </form>
            </main>
            </body>
            </html>

            """
        return Response(
            status: message == nil ? 200 : 400,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                ("Set-Cookie", "\(Self.csrfCookie)=\(csrf); Path=/; HttpOnly; SameSite=Strict"),
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
    static func html(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
