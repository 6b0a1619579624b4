import CognitoEmulator
import EmulatorCore
import EmulatorCrypto
import Testing

@Suite("The stand-in identity providers issue codes and tokens a relying party can trust, and nothing else")
struct TestIdentityProviderTests {
    let clock = EmulatorClock()
    let issuer = "https://accounts.google.com"
    let query = [
        "client_id": "google-client", "redirect_uri": "/oauth2/idpresponse", "response_type": "code", "state": "s1", "nonce": "n1",
    ]

    /// Signs in on the provider's page as `email`; answers the code the redirect carries.
    func signIn(_ providers: TestIdentityProviders, email: String = "lin@example.com", subject: String = "") async throws -> String {
        let page = try #require(await providers.respond(.get, path: "/_emulate/idp/Google/authorize", HostedLogin.Request(parameters: query)))
        let cookie = try #require(page.headers.first { $0.name == "Set-Cookie" }?.value)
        let csrf = String(cookie.dropFirst("XSRF-TOKEN=".count).prefix { $0 != ";" })
        var form = query
        form.merge(["_csrf": csrf, "email": email, "name": "Lin Wei", "subject": subject]) { _, new in new }
        let answer = try #require(
            await providers.respond(
                .post,
                path: "/_emulate/idp/Google/authorize",
                HostedLogin.Request(parameters: form, cookies: ["XSRF-TOKEN": csrf])
            )
        )
        let location = try #require(answer.headers.first { $0.name == "Location" }?.value)
        #expect(answer.status == 302 && location.hasPrefix("/oauth2/idpresponse?code=") && location.hasSuffix("&state=s1"))
        return String(location.dropFirst("/oauth2/idpresponse?code=".count).prefix { $0 != "&" })
    }

    @Test("a code is redeemed once, by its client, for an ID token whose claims verify")
    func codeAndToken() async throws {
        let providers = TestIdentityProviders(clock: clock)
        let code = try await signIn(providers, subject: "1234")
        #expect(providers.redeem(code: code, clientID: "other-client", redirectURI: "/oauth2/idpresponse") == nil)
        #expect(providers.redeem(code: code, clientID: "google-client", redirectURI: "/oauth2/idpresponse") == nil)  // used up
        let second = try await signIn(providers, subject: "1234")
        let token = try #require(providers.redeem(code: second, clientID: "google-client", redirectURI: "/oauth2/idpresponse"))
        let claims = try #require(providers.verify(token, issuer: issuer, audience: "google-client", nonce: "n1"))
        #expect(claims["sub"]?.stringValue == "1234" && claims["email"]?.stringValue == "lin@example.com")
        #expect(claims["given_name"]?.stringValue == "Lin" && claims["family_name"]?.stringValue == "Wei")
    }

    @Test("a token of another audience, issuer or nonce, a tampered one and an expired one are refused")
    func refusals() async throws {
        let providers = TestIdentityProviders(clock: clock)
        let token = try #require(providers.redeem(code: try await signIn(providers), clientID: "google-client", redirectURI: "/oauth2/idpresponse"))
        #expect(providers.verify(token, issuer: issuer, audience: "google-client", nonce: "n1") != nil)
        #expect(providers.verify(token, issuer: issuer, audience: "another-client", nonce: "n1") == nil)
        #expect(providers.verify(token, issuer: "https://appleid.apple.com", audience: "google-client", nonce: "n1") == nil)
        #expect(providers.verify(token, issuer: issuer, audience: "google-client", nonce: "n2") == nil)
        let parts = token.split(separator: ".").map(String.init)
        let forged = Base64URL.encode(Array(#"{"iss":"https://accounts.google.com","aud":"google-client","sub":"admin","exp":9999999999}"#.utf8))
        #expect(providers.verify([parts[0], forged, parts[2]].joined(separator: "."), issuer: issuer, audience: "google-client", nonce: nil) == nil)
        let otherKey = try RSAKey.generate()
        let foreign = try JWT.sign(claims: try #require(JWT(token)).claims, key: otherKey, keyID: "emulate-test-idp")
        #expect(providers.verify(foreign, issuer: issuer, audience: "google-client", nonce: "n1") == nil)
        clock.advance(seconds: 3601)
        #expect(providers.verify(token, issuer: issuer, audience: "google-client", nonce: "n1") == nil)
    }

    @Test("the form needs its CSRF token and an e-mail address; unknown provider types are not served")
    func formChecks() async throws {
        let providers = TestIdentityProviders(clock: clock)
        let forged = try #require(await providers.respond(.post, path: "/_emulate/idp/Google/authorize", HostedLogin.Request(parameters: query)))
        #expect(forged.status == 403)
        let page = try #require(await providers.respond(.get, path: "/_emulate/idp/Google/authorize", HostedLogin.Request(parameters: query)))
        let csrf = try #require(page.headers.first { $0.name == "Set-Cookie" }?.value.dropFirst("XSRF-TOKEN=".count).prefix { $0 != ";" })
        let noEmail = try #require(
            await providers.respond(
                .post,
                path: "/_emulate/idp/Google/authorize",
                HostedLogin.Request(
                    parameters: query.merging(["_csrf": String(csrf), "email": "nope"]) { _, new in new },
                    cookies: ["XSRF-TOKEN": String(csrf)]
                )
            )
        )
        #expect(noEmail.status == 400 && String(decoding: noEmail.body, as: UTF8.self).contains("Enter an e-mail address."))
        let unknown = try #require(await providers.respond(.get, path: "/_emulate/idp/MySpace/authorize", HostedLogin.Request(parameters: query)))
        #expect(unknown.status == 404)
        #expect(await providers.respond(.get, path: "/_emulate/health", HostedLogin.Request(parameters: [:])) == nil)
        let subject = TestIdentityProviders.subject(for: "Lin@Example.com", type: "Google")
        #expect(subject.count == 21 && subject == TestIdentityProviders.subject(for: "lin@example.com", type: "Google"))
    }
}
