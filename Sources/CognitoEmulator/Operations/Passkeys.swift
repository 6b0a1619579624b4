/// Passkeys of the signed-in user (authorized by the user's access token).
package struct Passkeys: CognitoOperationFamily {
    /// StartWebAuthnRegistration.
    package let startWebAuthnRegistration = CognitoOperation("StartWebAuthnRegistration") {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.startWebAuthnRegistration(r)
    }
    /// CompleteWebAuthnRegistration.
    package let completeWebAuthnRegistration = CognitoOperation("CompleteWebAuthnRegistration") {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.completeWebAuthnRegistration(r)
    }
    /// ListWebAuthnCredentials.
    package let listWebAuthnCredentials = CognitoOperation("ListWebAuthnCredentials") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in
        try await s.listWebAuthnCredentials(r)
    }
    /// DeleteWebAuthnCredential.
    package let deleteWebAuthnCredential = CognitoOperation("DeleteWebAuthnCredential") {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.deleteWebAuthnCredential(r)
    }
}
