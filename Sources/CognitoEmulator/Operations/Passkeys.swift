/// Passkeys of the signed-in user (authorized by the user's access token).
public struct Passkeys: CognitoOperationFamily {
    /// StartWebAuthnRegistration.
    public let startWebAuthnRegistration = CognitoOperation("StartWebAuthnRegistration") {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.startWebAuthnRegistration(r)
    }
    /// CompleteWebAuthnRegistration.
    public let completeWebAuthnRegistration = CognitoOperation("CompleteWebAuthnRegistration") {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.completeWebAuthnRegistration(r)
    }
    /// ListWebAuthnCredentials.
    public let listWebAuthnCredentials = CognitoOperation("ListWebAuthnCredentials") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in
        try await s.listWebAuthnCredentials(r)
    }
    /// DeleteWebAuthnCredential.
    public let deleteWebAuthnCredential = CognitoOperation("DeleteWebAuthnCredential") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.deleteWebAuthnCredential(r)
    }
}

extension CognitoCalling {
    /// StartWebAuthnRegistration.
    public func startWebAuthnRegistration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.passkeys.startWebAuthnRegistration, request)
    }

    /// CompleteWebAuthnRegistration.
    public func completeWebAuthnRegistration(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.passkeys.completeWebAuthnRegistration, request)
    }

    /// ListWebAuthnCredentials.
    public func listWebAuthnCredentials(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.passkeys.listWebAuthnCredentials, request)
    }

    /// DeleteWebAuthnCredential.
    public func deleteWebAuthnCredential(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.passkeys.deleteWebAuthnCredential, request)
    }
}
