import EmulatorCore
import EmulatorCrypto

/// A passkey sign-in (`navigator.credentials.get()`'s answer) checked as a relying party must (W3C
/// WebAuthn §7.2): the credential is the stored one, the client data's type, challenge and origin, the
/// RP ID hash and flags, the signature over `authenticatorData | SHA-256(clientDataJSON)` by the stored
/// key, and a signature counter that moves forward (when the authenticator keeps one).
enum WebAuthnAssertion {
    /// Verifies an assertion; answers the authenticator's new signature counter.
    static func verify(
        _ credential: JSONValue,
        credentialID: String,
        publicKey: [UInt8],
        signCount: UInt32,
        challenge: [UInt8],
        relyingParty: String,
        requireUserVerification: Bool
    ) throws(CognitoError) -> UInt32 {
        guard let response = credential["response"], let clientDataJSON = response["clientDataJSON"]?.stringValue.flatMap({ Base64URL.decode($0) }),
            let authDataBytes = response["authenticatorData"]?.stringValue.flatMap({ Base64URL.decode($0) }),
            let signature = response["signature"]?.stringValue.flatMap({ Base64URL.decode($0) }),
            let authData = WebAuthnAttestation.AuthenticatorData(authDataBytes)
        else { throw .invalidParameter("The credential needs response.clientDataJSON, authenticatorData and signature, base64url.") }
        guard (credential["rawId"] ?? credential["id"])?.stringValue.flatMap({ Base64URL.decode($0) }) == Base64URL.decode(credentialID) else {
            throw .notAuthorized("The passkey is not one of the user's.")
        }
        _ = try WebAuthnAttestation.checkClientData(clientDataJSON, type: "webauthn.get", challenge: challenge, relyingParty: relyingParty)
        try WebAuthnAttestation.checkAuthenticatorData(authData, relyingParty: relyingParty, requireUserVerification: requireUserVerification)
        let verifier = try WebAuthnAttestation.signatureVerifier(publicKey)
        guard verifier.verify(signature, authDataBytes + Digest.sha256(clientDataJSON)) else {
            throw .notAuthorized("The passkey's signature does not verify.")
        }
        if signCount != 0 || authData.signCount != 0, authData.signCount <= signCount {
            throw .notAuthorized("The passkey's signature counter did not increase; the authenticator may be cloned.")
        }
        return authData.signCount
    }
}
