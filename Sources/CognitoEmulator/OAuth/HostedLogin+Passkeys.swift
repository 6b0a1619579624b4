import EmulatorCore

/// Passkeys on the pages: `/passkeys/add` registers one for the browser's signed-in user
/// (StartWebAuthnRegistration → `navigator.credentials.create()` → CompleteWebAuthnRegistration), and
/// the sign-in's WEB_AUTHN step asks the browser for an assertion (`navigator.credentials.get()`). The
/// relying party is the pool's (`WebAuthnConfiguration.RelyingPartyId`, else its domain): offline, set
/// it to `localhost` so that a browser on `http://localhost:<port>` may use it.
extension HostedLogin {
    /// Which WebAuthn call a page's script makes.
    enum PasskeyCeremony: String {
        case create, get
    }

    /// `GET /passkeys/add?client_id=…&redirect_uri=…`: the registration page, for a signed-in browser.
    func addPasskeyPage(_ request: Request) async -> Response {
        await withSignedInBrowser(request) { checked, carried, session in
            let options: JSONDocument
            do throws(CognitoError) {
                options = try await service.startWebAuthnRegistration(JSONDocument([("AccessToken", .string(session.accessToken))]))
            } catch {
                return Self.errorPage(400, error.message)
            }
            return formPage(
                "Add a passkey",
                action: "/passkeys/add",
                carried: carried,
                hidden: ["answer": ""],
                fields: [],
                buttons: [Button(label: "Add a passkey", name: "add")],
                notice: "Sign in next time with your device's screen lock, a security key or a password manager, instead of a password.",
                after: Self.passkeyScript(.create, options: options["CredentialCreationOptions"]?.serialized ?? "{}"),
                branding: await branding(of: checked.client)
            )
        }
    }

    /// `POST /passkeys/add`: CompleteWebAuthnRegistration with the browser's answer; then back to the client.
    func addPasskey(_ request: Request) async -> Response {
        await withSignedInBrowser(request) { checked, _, session in
            guard let text = request.parameters["answer"], let credential = JSONValue.parse(Array(text.utf8), duplicateKeys: .lastWins) else {
                return Self.errorPage(400, "The browser did not send a passkey.")
            }
            do throws(CognitoError) {
                _ = try await service.completeWebAuthnRegistration(
                    JSONDocument([("AccessToken", .string(session.accessToken)), ("Credential", credential)])
                )
            } catch {
                return Self.errorPage(400, error.message)
            }
            return await redirectWithGrant(checked, refreshToken: session.refreshToken, cookie: nil)
        }
    }

    /// Runs `body` for a browser with a current session of the client's pool; else an error page.
    private func withSignedInBrowser(
        _ request: Request,
        _ body: (AuthorizeRequest, [String: String], (accessToken: String, refreshToken: String)) async -> Response
    ) async -> Response {
        var parameters = request.parameters
        parameters["response_type"] = parameters["response_type"] ?? "code"
        return await withAuthorizeRequest(parameters) { checked, carried in
            guard let cookie = request.cookies[Self.sessionCookie], let session = currentSession(cookie), session.poolID == checked.client.poolID,
                let tokens = try? await service.mintTokens(userPoolID: session.poolID, username: session.username, clientID: checked.client.id),
                let refresh = tokens.RefreshToken
            else { return Self.errorPage(401, "Sign in first: adding a passkey needs a signed-in session in this browser.") }
            return await body(checked, carried, (tokens.AccessToken, refresh))
        }
    }

    /// The script of a passkey page: on submit, the WebAuthn call with `options` (JSON, binary members
    /// as base64url), its answer put in the form's `answer` field as JSON, then the form sent.
    static func passkeyScript(_ ceremony: PasskeyCeremony, options: String) -> String {
        """
        <script type="application/json" id="passkey-options">\(options.split(separator: "<", omittingEmptySubsequences: false).joined(separator: "\\u003c"))</script>
        <script>
        (function () {
          const decode = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
          const encode = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
          const form = document.querySelector("form");
          form.addEventListener("submit", async (event) => {
            if (form.elements.answer.value) return;
            event.preventDefault();
            const options = JSON.parse(document.getElementById("passkey-options").textContent);
            options.challenge = decode(options.challenge);
            if (options.user) options.user.id = decode(options.user.id);
            for (const list of [options.allowCredentials, options.excludeCredentials]) {
              for (const item of list || []) item.id = decode(item.id);
            }
            try {
              const credential = await navigator.credentials.\(ceremony.rawValue)({ publicKey: options });
              const response = {};
              for (const name of ["clientDataJSON", "attestationObject", "authenticatorData", "signature", "userHandle"]) {
                if (credential.response[name]) response[name] = encode(credential.response[name]);
              }
              if (credential.response.getTransports) response.transports = credential.response.getTransports();
              form.elements.answer.value = JSON.stringify({
                id: credential.id, rawId: encode(credential.rawId), type: credential.type, response,
                authenticatorAttachment: credential.authenticatorAttachment || undefined,
                clientExtensionResults: credential.getClientExtensionResults(),
              });
              form.submit();
            } catch (error) {
              let alert = document.getElementById("error");
              if (!alert) {
                alert = document.createElement("p");
                alert.id = "error"; alert.className = "error"; alert.setAttribute("role", "alert");
                form.before(alert);
              }
              alert.textContent = "The passkey could not be used: " + error.message;
            }
          });
        })();
        </script>

        """
    }
}
