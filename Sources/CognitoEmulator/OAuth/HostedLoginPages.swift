import EmulatorCore
import EmulatorCrypto

/// The managed login pages' HTML: server-rendered, usable with the keyboard alone (labels, a focused
/// first field, real submit buttons), a CSRF token in a hidden field matched by a cookie, and script only
/// where the browser's WebAuthn API needs it.
extension HostedLogin {
    /// One field of a page's form.
    struct Field {
        var label: String
        var name: String
        var type = "text"
        var autocomplete: String
        var value: String? = nil
        var required = true
    }

    /// A submit button: `skipsChecks` for a button that does not need the form's required fields.
    struct Button {
        var label: String
        var name: String
        var value = "1"
        var skipsChecks = false
    }

    /// A page with one form posted to `action`: the authorize request's parameters carried on in hidden
    /// fields with `hidden`, `message` as an alert (Cognito's text for a failed attempt; the page is then a
    /// 400), `notice` as a plain status line, and `after` (links, a script) below the form.
    func formPage(
        _ title: String,
        action: String,
        carried: [String: String],
        hidden: [String: String] = [:],
        fields: [Field],
        buttons: [Button],
        message: String? = nil,
        notice: String? = nil,
        before: String = "",
        after: String = "",
        branding: PageBranding = .standard
    ) -> Response {
        let csrf = SecureRandom.uuidString()
        let carriedOn = carried.filter { AuthorizeRequest.parameterNames.contains($0.key) }.overriding(hidden)
        var form = Self.alert(message)
        if let notice { form += "<p role=\"status\" id=\"notice\">\(Self.html(notice))</p>\n" }
        form += before
        form += "<form method=\"post\" action=\"\(action)\">\n"
        form += Self.hiddenFields(carriedOn) + "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">\n"
        for (index, field) in fields.enumerated() {
            form += "<label for=\"\(field.name)\">\(Self.html(field.label))</label>\n"
            form += "<input id=\"\(field.name)\" name=\"\(field.name)\" type=\"\(field.type)\" autocomplete=\"\(field.autocomplete)\""
            if let value = field.value { form += " value=\"\(Self.html(value))\"" }
            form += (index == 0 ? " autofocus" : "") + (field.required ? " required" : "") + ">\n"
        }
        for (index, button) in buttons.enumerated() {
            let style = index == 0 ? "primary" : "secondary"
            form += "<button type=\"submit\" class=\"\(style)\" name=\"\(button.name)\" value=\"\(Self.html(button.value))\""
            form += (button.skipsChecks ? " formnovalidate" : "") + ">\(Self.html(button.label))</button>\n"
        }
        form += "</form>\n" + after
        return Self.formResponse(Self.document(title, form, branding: branding), csrf: csrf, failed: message != nil)
    }

    /// A link to another page of the flow, the authorize request's parameters carried on.
    static func link(_ label: String, to path: String, carried: [String: String], id: String) -> String {
        let query = query(carried.filter { AuthorizeRequest.parameterNames.contains($0.key) })
        return "<p><a id=\"\(html(id))\" href=\"\(path)?\(html(query))\">\(html(label))</a></p>\n"
    }

    /// A page around `content`, in the client's branding.
    static func document(_ title: String, _ content: String, branding: PageBranding = .standard) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(html(title))</title>
        <style>:root{--page:\(branding.pageBackground);--button:\(branding.buttonBackground);--button-text:\(branding.buttonText)}
        body{font-family:system-ui,sans-serif;background:var(--page);margin:0;padding:3rem 1rem;color:#16191f}
        main{max-width:22rem;margin:auto;background:#fff;border-radius:.5rem;padding:1.5rem 2rem;box-shadow:0 1px 4px #0003}
        label,input,button{display:block;width:100%;box-sizing:border-box;margin:.4rem 0}input{padding:.5rem;font-size:1rem}
        button{padding:.6rem;font-size:1rem;border-radius:.3rem;border:1px solid var(--button);cursor:pointer}
        button.primary{background:var(--button);color:var(--button-text)}button.secondary{background:#fff;color:var(--button)}
        :focus-visible{outline:3px solid #0972d3;outline-offset:2px}.error{color:#b00020}code{word-break:break-all}
        img.logo{display:block;max-width:10rem;max-height:4rem;margin:0 auto 1rem}</style></head>
        <body>
        <main>
        \(branding.logo.map { "<img class=\"logo\" alt=\"\" src=\"\($0)\">\n" } ?? "")<h1>\(html(title))</h1>
        \(content)</main>
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

    /// Hidden inputs for `fields`, in name order.
    static func hiddenFields(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map { "<input type=\"hidden\" name=\"\(html($0.key))\" value=\"\(html($0.value))\">\n" }.joined()
    }

    /// The alert for `message`, if any.
    static func alert(_ message: String?) -> String {
        message.map { "<p class=\"error\" role=\"alert\" id=\"error\">\(html($0))</p>\n" } ?? ""
    }
}

extension Dictionary where Key == String, Value == String {
    /// These parameters with `others` put in (theirs win).
    func overriding(_ others: [String: String]) -> [String: String] {
        merging(others) { _, new in new }
    }
}
