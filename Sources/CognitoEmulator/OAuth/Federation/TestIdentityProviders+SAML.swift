import EmulatorCore
import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The SAML 2.0 stand-in: `/_emulate/idp/SAML/sso?SAMLRequest=…&RelayState=…` takes the service
/// provider's AuthnRequest (base64, not deflated: the one liberty taken with the redirect binding), signs
/// the test identity in, and answers with the HTTP-POST binding: a page that posts a signed
/// `SAMLResponse` (one assertion, an enveloped RSA-SHA256 signature over its exclusive C14N form, five
/// minutes of validity, the AuthnRequest's ID, audience and consumer URL) and the `RelayState` back.
extension TestIdentityProviders {
    /// What the stand-in reads of an AuthnRequest.
    struct SAMLRequest {
        var id: String
        var consumer: String
        var audience: String

        init?(_ encoded: String?) {
            guard let encoded, encoded.count <= 16_384, let data = Data(base64Encoded: encoded),
                let request = try? XMLElement.parse(String(decoding: data, as: UTF8.self)),
                request.name.local == "AuthnRequest", request.name.namespace == SAMLResponse.protocolNamespace,
                let id = request.attribute("ID"), let consumer = request.attribute("AssertionConsumerServiceURL"),
                let audience = request.elements("Issuer", in: SAMLResponse.assertionNamespace).first?.text
            else { return nil }
            // Responses go to the pools' consumer only: no open redirect, no `javascript:` form action.
            guard consumer == HostedLogin.samlConsumer else { return nil }
            (self.id, self.consumer, self.audience) = (id, consumer, audience)
        }
    }

    /// How long an assertion is good for.
    static let assertionLifetime = 300.0
    /// The stand-in's entity ID.
    static let samlIssuer = "urn:emulate:test-idp:saml"

    /// The page that posts the response to the consumer; `identity` nil for a cancelled sign-in.
    func samlAnswer(_ identity: Identity?, to request: SAMLRequest, relayState: String?, provider: String?) -> HostedLogin.Response {
        let document: String
        if let identity, let signed = try? signedResponse(for: identity, to: request) {
            document = signed
        } else {
            document = Self.response(to: request, status: "urn:oasis:names:tc:SAML:2.0:status:Responder", assertion: "", now: clock.now)
        }
        var fields = ["SAMLResponse": Data(document.utf8).base64EncodedString()]
        if let relayState { fields["RelayState"] = relayState }
        let body = HostedLogin.document(
            "Signing you in",
            """
            <form method="post" action="\(HostedLogin.html(request.consumer))">
            \(HostedLogin.hiddenFields(fields))<noscript><button type="submit" class="primary">Continue to the app</button></noscript>
            </form>
            <script>document.forms[0].submit();</script>

            """
        )
        return HostedLogin.Response(
            status: 200,
            headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Array(body.utf8)
        )
    }

    /// A `samlp:Response` with one signed assertion about `identity`.
    func signedResponse(for identity: Identity, to request: SAMLRequest) throws -> String {
        let now = clock.now
        let id = "_" + SecureRandom.uuidString()
        let until = ISO8601Time.format(now + Self.assertionLifetime)
        func text(_ value: String) -> String { MarkupText.escaped(value) }
        var attributes: [(String, String)] = [
            ("email", identity.email), ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", identity.email),
        ]
        if !identity.name.isEmpty {
            attributes += [("name", identity.name), ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", identity.name)]
        }
        let statement = attributes.map { name, value in
            "<saml:Attribute Name=\"\(text(name))\"><saml:AttributeValue>\(text(value))</saml:AttributeValue></saml:Attribute>"
        }.joined()
        let opening =
            "<saml:Assertion xmlns:saml=\"\(SAMLResponse.assertionNamespace)\" ID=\"\(id)\" IssueInstant=\"\(ISO8601Time.format(now))\" Version=\"2.0\">"
        let issuer = "<saml:Issuer>\(Self.samlIssuer)</saml:Issuer>"
        let rest = """
            <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">\(text(identity.subject))</saml:NameID>\
            <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData \
            InResponseTo="\(text(request.id))" NotOnOrAfter="\(until)" Recipient="\(text(request.consumer))"/></saml:SubjectConfirmation></saml:Subject>\
            <saml:Conditions NotBefore="\(ISO8601Time.format(now))" NotOnOrAfter="\(until)"><saml:AudienceRestriction>\
            <saml:Audience>\(text(request.audience))</saml:Audience></saml:AudienceRestriction></saml:Conditions>\
            <saml:AuthnStatement AuthnInstant="\(ISO8601Time.format(now))" SessionIndex="\(id)"><saml:AuthnContext>\
            <saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>\
            </saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>\(statement)</saml:AttributeStatement></saml:Assertion>
            """
        let digest = Digest.sha256(ExclusiveCanonicalization.canonical(try XMLElement.parse(opening + issuer + rest)))
        let signedInfo = """
            <ds:SignedInfo xmlns:ds="\(SAMLResponse.signatureNamespace)"><ds:CanonicalizationMethod Algorithm="\(SAMLResponse.exclusiveC14N)"/>\
            <ds:SignatureMethod Algorithm="\(SAMLResponse.rsaSHA256)"/><ds:Reference URI="#\(id)"><ds:Transforms>\
            <ds:Transform Algorithm="\(SAMLResponse.envelopedSignature)"/><ds:Transform Algorithm="\(SAMLResponse.exclusiveC14N)"/>\
            </ds:Transforms><ds:DigestMethod Algorithm="\(SAMLResponse.sha256)"/>\
            <ds:DigestValue>\(Data(digest).base64EncodedString())</ds:DigestValue></ds:Reference></ds:SignedInfo>
            """
        let key = try key()
        let signatureValue = try key.signRS256(ExclusiveCanonicalization.canonical(try XMLElement.parse(signedInfo)))
        let certificate = try key.selfSignedCertificate(commonName: "emulate test SAML identity provider", notBefore: now - 86_400, days: 365)
        let signature = """
            <ds:Signature xmlns:ds="\(SAMLResponse.signatureNamespace)">\(signedInfo)<ds:SignatureValue>\
            \(Data(signatureValue).base64EncodedString())</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\
            \(Data(certificate).base64EncodedString())</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>
            """
        return Self.response(to: request, status: SAMLResponse.success, assertion: opening + issuer + signature + rest, now: now)
    }

    static func response(to request: SAMLRequest, status: String, assertion: String, now: Double) -> String {
        """
        <samlp:Response xmlns:samlp="\(SAMLResponse.protocolNamespace)" xmlns:saml="\(SAMLResponse.assertionNamespace)" \
        Destination="\(MarkupText.escaped(request.consumer))" ID="_\(SecureRandom.uuidString())" InResponseTo="\(MarkupText.escaped(request.id))" \
        IssueInstant="\(ISO8601Time.format(now))" Version="2.0"><saml:Issuer>\(samlIssuer)</saml:Issuer>\
        <samlp:Status><samlp:StatusCode Value="\(status)"/></samlp:Status>\(assertion)</samlp:Response>
        """
    }

    /// The key a SAML provider's responses are verified with: the stand-in's own, whatever certificate
    /// the pool's metadata names (the real provider's key cannot sign offline).
    func samlVerificationKey() throws -> RSAKey { try key() }
}
