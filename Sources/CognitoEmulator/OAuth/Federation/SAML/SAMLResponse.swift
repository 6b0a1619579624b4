package import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A SAML 2.0 response (HTTP-POST binding) checked as a service provider must check it before it
/// believes a word of it: status `Success`; exactly one `Assertion`, a direct child of the response,
/// and the very element its enveloped signature's one `Reference` names by a unique `ID` (so no
/// signature-wrapping element is read in its place); the signature's algorithms exclusive C14N,
/// RSA-SHA256 and SHA-256 only; the digest and the signature verified under the identity provider's
/// key (never a key the message carries); `Conditions` current on the clock, the audience this pool's
/// service provider; the bearer confirmation's `Recipient`, `InResponseTo` and `NotOnOrAfter`. Then
/// the `NameID` and the attributes, by `Name`.
package struct SAMLResponse: Sendable {
    /// The subject's name ID.
    package var nameID: String
    /// The attributes, by name, with their values.
    package var attributes: [String: [String]]

    /// Why a response was refused.
    package struct Refusal: Error, Sendable, Equatable {
        package var reason: String
    }

    /// What a response must match.
    package struct Expectations: Sendable {
        package var audience: String
        package var recipient: String
        package var requestID: String
        package var now: Double

        package init(audience: String, recipient: String, requestID: String, now: Double) {
            self.audience = audience
            self.recipient = recipient
            self.requestID = requestID
            self.now = now
        }
    }

    static let protocolNamespace = "urn:oasis:names:tc:SAML:2.0:protocol"
    static let assertionNamespace = "urn:oasis:names:tc:SAML:2.0:assertion"
    static let signatureNamespace = "http://www.w3.org/2000/09/xmldsig#"
    static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let envelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
    static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"
    static let success = "urn:oasis:names:tc:SAML:2.0:status:Success"
    /// The clock skew allowed on the conditions' times.
    static let skew = 60.0

    /// Reads and verifies `document` (the decoded `SAMLResponse`).
    package init(_ document: String, key: RSAKey, expecting expected: Expectations) throws(Refusal) {
        let root: XMLElement
        do {
            root = try XMLElement.parse(document)
        } catch {
            throw Refusal(reason: "the response is not acceptable XML: \(error.reason)")
        }
        guard root.name.local == "Response", root.name.namespace == Self.protocolNamespace else { throw Refusal(reason: "not a SAML response") }
        let status = root.elements("Status", in: Self.protocolNamespace).first?.elements("StatusCode", in: Self.protocolNamespace).first
        guard status?.attribute("Value") == Self.success else { throw Refusal(reason: "the identity provider did not report success") }
        let everything = root.descendants
        let allAssertions = everything.filter { $0.name.local == "Assertion" && $0.name.namespace == Self.assertionNamespace }
        let assertions = root.elements("Assertion", in: Self.assertionNamespace)
        guard allAssertions.count == 1, assertions.count == 1, let assertion = assertions.first, let id = assertion.attribute("ID"), !id.isEmpty
        else { throw Refusal(reason: "the response must hold exactly one assertion, directly") }
        guard everything.filter({ $0.attribute("ID") == id || $0.attribute("Id") == id }).count == 1 else {
            throw Refusal(reason: "the assertion's ID is not unique")
        }
        try Self.verifySignature(of: assertion, id: id, key: key)
        try Self.checkConditions(of: assertion, expected)
        guard let subject = assertion.elements("Subject", in: Self.assertionNamespace).first,
            let nameID = subject.elements("NameID", in: Self.assertionNamespace).first?.text, !nameID.isEmpty
        else { throw Refusal(reason: "the assertion names no subject") }
        try Self.checkConfirmation(of: subject, expected)
        var attributes: [String: [String]] = [:]
        for statement in assertion.elements("AttributeStatement", in: Self.assertionNamespace) {
            for attribute in statement.elements("Attribute", in: Self.assertionNamespace) {
                guard let name = attribute.attribute("Name") else { continue }
                attributes[name, default: []] += attribute.elements("AttributeValue", in: Self.assertionNamespace).map(\.text)
            }
        }
        self.nameID = nameID
        self.attributes = attributes
    }

    private static func verifySignature(of assertion: XMLElement, id: String, key: RSAKey) throws(Refusal) {
        let signatures = assertion.elements("Signature", in: signatureNamespace)
        guard signatures.count == 1, let signature = signatures.first,
            let signedInfo = signature.elements("SignedInfo", in: signatureNamespace).first,
            let value = signature.elements("SignatureValue", in: signatureNamespace).first.flatMap({ Self.base64($0.text) })
        else { throw Refusal(reason: "the assertion is not signed") }
        func algorithm(_ element: XMLElement?, _ name: String) -> String? {
            element?.elements(name, in: signatureNamespace).first?.attribute("Algorithm")
        }
        let references = signedInfo.elements("Reference", in: signatureNamespace)
        guard algorithm(signedInfo, "CanonicalizationMethod") == exclusiveC14N, algorithm(signedInfo, "SignatureMethod") == rsaSHA256,
            references.count == 1, let reference = references.first, reference.attribute("URI") == "#" + id,
            algorithm(reference, "DigestMethod") == sha256,
            let transforms = reference.elements("Transforms", in: signatureNamespace).first,
            transforms.elements("Transform", in: signatureNamespace).map({ $0.attribute("Algorithm") ?? "" }) == [envelopedSignature, exclusiveC14N]
        else { throw Refusal(reason: "the signature must be one enveloped RSA-SHA256 reference to the assertion, canonicalized exclusively") }
        let digest = Digest.sha256(ExclusiveCanonicalization.canonical(assertion, omittingChild: signature.name))
        guard let expected = reference.elements("DigestValue", in: signatureNamespace).first.flatMap({ Self.base64($0.text) }),
            Digest.constantTimeEquals(digest, expected)
        else { throw Refusal(reason: "the assertion's digest does not match: it was changed after signing") }
        guard key.verifyRS256(signature: value, message: ExclusiveCanonicalization.canonical(signedInfo)) else {
            throw Refusal(reason: "the signature is not the identity provider's")
        }
    }

    private static func checkConditions(of assertion: XMLElement, _ expected: Expectations) throws(Refusal) {
        guard let conditions = assertion.elements("Conditions", in: assertionNamespace).first else {
            throw Refusal(reason: "the assertion has no conditions")
        }
        if let notBefore = conditions.attribute("NotBefore") {
            guard let time = ISO8601Time.parse(notBefore), expected.now + skew >= time else {
                throw Refusal(reason: "the assertion is not valid yet")
            }
        }
        guard let notOnOrAfter = conditions.attribute("NotOnOrAfter").flatMap(ISO8601Time.parse), expected.now - skew < notOnOrAfter else {
            throw Refusal(reason: "the assertion has expired")
        }
        let audiences = conditions.elements("AudienceRestriction", in: assertionNamespace).flatMap {
            $0.elements("Audience", in: assertionNamespace).map(\.text)
        }
        guard audiences.contains(expected.audience) else { throw Refusal(reason: "the assertion is not for this user pool (\(expected.audience))") }
    }

    private static func checkConfirmation(of subject: XMLElement, _ expected: Expectations) throws(Refusal) {
        let bearer = subject.elements("SubjectConfirmation", in: assertionNamespace).first {
            $0.attribute("Method") == "urn:oasis:names:tc:SAML:2.0:cm:bearer"
        }
        guard let data = bearer?.elements("SubjectConfirmationData", in: assertionNamespace).first,
            data.attribute("Recipient") == expected.recipient, data.attribute("InResponseTo") == expected.requestID,
            let until = data.attribute("NotOnOrAfter").flatMap(ISO8601Time.parse), expected.now - skew < until
        else { throw Refusal(reason: "the subject's bearer confirmation is not for this request, or has expired") }
    }

    private static func base64(_ text: String) -> [UInt8]? {
        Data(base64Encoded: String(text.filter { !$0.isWhitespace })).map(Array.init)
    }
}
