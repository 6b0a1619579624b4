import EmulatorCore
import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A passkey registration (`navigator.credentials.create()`'s answer) checked as a relying party must
/// (W3C WebAuthn §7.1): the client data's type, challenge and origin, the authenticator data's RP ID
/// hash and flags, the credential's COSE key (ES256 or RS256), and the attestation statement (`none`,
/// or `packed` self-attestation, whose signature is verified). Pure: no state, no I/O.
package enum WebAuthnAttestation {
    /// What a verified registration stores.
    package struct Credential: Sendable {
        /// The credential ID.
        var id: [UInt8]
        /// The COSE public key, as the authenticator encoded it.
        var publicKey: [UInt8]
        /// The authenticator's signature counter.
        var signCount: UInt32
    }

    /// The parts of authenticator data (§6.1).
    struct AuthenticatorData {
        var rpIDHash: [UInt8]
        var flags: UInt8
        var signCount: UInt32
        var credentialID: [UInt8]?
        var publicKey: [UInt8]?

        var userPresent: Bool { flags & 0x01 != 0 }
        var userVerified: Bool { flags & 0x04 != 0 }

        init?(_ bytes: [UInt8]) {
            guard bytes.count >= 37 else { return nil }
            rpIDHash = Array(bytes[0..<32])
            flags = bytes[32]
            signCount = bytes[33..<37].reduce(0) { $0 << 8 | UInt32($1) }
            guard flags & 0x40 != 0 else { return }
            guard bytes.count >= 55 else { return nil }
            let length = Int(bytes[53]) << 8 | Int(bytes[54])
            guard bytes.count >= 55 + length else { return nil }
            credentialID = Array(bytes[55..<55 + length])
            guard let (_, keyLength) = CBOR.read(bytes, from: 55 + length) else { return nil }
            publicKey = Array(bytes[(55 + length)..<(55 + length + keyLength)])
        }
    }

    /// Verifies a registration.
    /// - Parameters:
    ///   - credential: The PublicKeyCredential as JSON (`id`, `rawId`, `type`, `response.clientDataJSON`,
    ///     `response.attestationObject`, base64url).
    ///   - challenge: The challenge StartWebAuthnRegistration issued.
    ///   - relyingParty: The RP ID.
    ///   - requireUserVerification: Whether the UV flag must be set.
    package static func verify(
        _ credential: JSONValue,
        challenge: [UInt8],
        relyingParty: String,
        requireUserVerification: Bool
    ) throws(CognitoError) -> Credential {
        guard let response = credential["response"], let clientDataText = response["clientDataJSON"]?.stringValue,
            let clientDataJSON = Base64URL.decode(clientDataText), let attestationText = response["attestationObject"]?.stringValue,
            let attestation = Base64URL.decode(attestationText).flatMap(CBOR.decode)
        else { throw .invalidParameter("The credential needs response.clientDataJSON and response.attestationObject, base64url.") }
        guard credential["type"]?.stringValue ?? "public-key" == "public-key" else {
            throw .invalidParameter("The credential type must be public-key.")
        }
        _ = try checkClientData(clientDataJSON, type: "webauthn.create", challenge: challenge, relyingParty: relyingParty)
        guard case .text(let format)? = attestation[text: "fmt"], let statement = attestation[text: "attStmt"],
            let authDataBytes = attestation[text: "authData"]?.bytes, let authData = AuthenticatorData(authDataBytes)
        else { throw .invalidParameter("The attestation object is not valid CBOR with fmt, attStmt and authData.") }
        try checkAuthenticatorData(authData, relyingParty: relyingParty, requireUserVerification: requireUserVerification)
        guard let id = authData.credentialID, let publicKey = authData.publicKey else {
            throw .invalidParameter("The authenticator data carries no attested credential.")
        }
        if let rawID = credential["rawId"]?.stringValue ?? credential["id"]?.stringValue, Base64URL.decode(rawID) != id {
            throw .invalidParameter("The credential's rawId is not the attested credential ID.")
        }
        let verifier = try signatureVerifier(publicKey)
        switch format {
        case "none":
            guard statement == .map([]) else { throw .invalidParameter("A none attestation has an empty statement.") }
        case "packed":
            guard statement[text: "x5c"] == nil else {
                throw .webAuthnCredentialNotSupported("Packed attestation with a certificate chain (x5c) is not supported; request attestation none.")
            }
            guard let signature = statement[text: "sig"]?.bytes, statement[text: "alg"]?.integer == verifier.algorithm,
                verifier.verify(signature, authDataBytes + Digest.sha256(clientDataJSON))
            else { throw .invalidParameter("The packed self-attestation signature does not verify.") }
        default:
            throw .webAuthnCredentialNotSupported("The \(format) attestation format is not supported; request attestation none.")
        }
        return Credential(id: id, publicKey: publicKey, signCount: authData.signCount)
    }

    /// Checks `clientDataJSON` (§7.1 steps 7–12): its type, challenge and origin.
    static func checkClientData(_ bytes: [UInt8], type: String, challenge: [UInt8], relyingParty: String) throws(CognitoError) -> JSONValue {
        guard let clientData = JSONValue.parse(bytes, duplicateKeys: .lastWins) else { throw .invalidParameter("clientDataJSON is not JSON.") }
        guard clientData["type"]?.stringValue == type else { throw .webAuthnClientMismatch("The client data's type is not \(type).") }
        guard let given = clientData["challenge"]?.stringValue.flatMap({ Base64URL.decode($0) }), given == challenge else {
            throw .webAuthnChallengeNotFound("The challenge is not the one issued, or has expired.")
        }
        guard let origin = clientData["origin"]?.stringValue, isAllowed(origin: origin, relyingParty: relyingParty) else {
            throw .webAuthnOriginNotAllowed(
                "The origin \(clientData["origin"]?.stringValue ?? "(none)") is not allowed for the relying party \(relyingParty)."
            )
        }
        return clientData
    }

    /// Checks the RP ID hash and the user-present (and, when required, user-verified) flags.
    static func checkAuthenticatorData(_ data: AuthenticatorData, relyingParty: String, requireUserVerification: Bool) throws(CognitoError) {
        guard data.rpIDHash == Digest.sha256(Array(relyingParty.utf8)) else {
            throw .webAuthnRelyingPartyMismatch("The authenticator data is not for the relying party \(relyingParty).")
        }
        guard data.userPresent else { throw .invalidParameter("The authenticator did not see the user present.") }
        if requireUserVerification, !data.userVerified { throw .invalidParameter("The authenticator did not verify the user.") }
    }

    /// An origin the relying party accepts: `https://<rpId>` or one of its subdomains, any port; plain
    /// `http` only for `localhost` (as browsers allow).
    static func isAllowed(origin: String, relyingParty: String) -> Bool {
        let scheme: String
        if origin.hasPrefix("https://") {
            scheme = "https://"
        } else if origin.hasPrefix("http://") {
            scheme = "http://"
        } else {
            return false
        }
        var host = String(origin.dropFirst(scheme.count).prefix { $0 != "/" })
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        if scheme == "http://", host != "localhost" { return false }
        return host == relyingParty || host.hasSuffix("." + relyingParty)
    }

    /// A verifier for signatures by a COSE key: ES256 (EC2, P-256) or RS256 (RSA).
    static func signatureVerifier(_ coseKey: [UInt8]) throws(CognitoError) -> (algorithm: Int, verify: ([UInt8], [UInt8]) -> Bool) {
        guard let key = CBOR.decode(coseKey) else { throw .invalidParameter("The credential public key is not a COSE key.") }
        switch (key[int: 1]?.integer, key[int: 3]?.integer) {
        case (2, -7):
            guard key[int: -1]?.integer == 1, let x = key[int: -2]?.bytes, let y = key[int: -3]?.bytes,
                let ec = try? ECPublicKey(p256X: x, y: y)
            else { throw .webAuthnCredentialNotSupported("Only P-256 EC2 keys are supported for ES256.") }
            return (-7, { signature, message in ec.verifyES256(signature: signature, message: message) })
        case (3, -257):
            guard let n = key[int: -1]?.bytes, let e = key[int: -2]?.bytes, let rsa = try? RSAKey(publicModulus: n, exponent: e) else {
                throw .webAuthnCredentialNotSupported("The RSA key is not valid.")
            }
            return (-257, { signature, message in rsa.verifyRS256(signature: signature, message: message) })
        default:
            throw .webAuthnCredentialNotSupported("Only ES256 (-7) and RS256 (-257) credentials are supported.")
        }
    }
}
