/// Client secret rotation, sign-in events and their feedback, a user's auth factors, federated identity links.
public struct ClientSecretsAndEvents: CognitoOperationFamily {
    /// AddUserPoolClientSecret.
    public let addUserPoolClientSecret = CognitoOperation("AddUserPoolClientSecret", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.addUserPoolClientSecret(r)
    }
    /// ListUserPoolClientSecrets.
    public let listUserPoolClientSecrets = CognitoOperation("ListUserPoolClientSecrets", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listUserPoolClientSecrets(r)
    }
    /// DeleteUserPoolClientSecret.
    public let deleteUserPoolClientSecret = CognitoOperation("DeleteUserPoolClientSecret", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPoolClientSecret(r)
    }
    /// AdminListUserAuthEvents.
    public let adminListUserAuthEvents = CognitoOperation("AdminListUserAuthEvents", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.adminListUserAuthEvents(r)
    }
    /// AdminUpdateAuthEventFeedback.
    public let adminUpdateAuthEventFeedback = CognitoOperation("AdminUpdateAuthEventFeedback", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminUpdateAuthEventFeedback(r)
    }
    /// UpdateAuthEventFeedback.
    public let updateAuthEventFeedback = CognitoOperation("UpdateAuthEventFeedback") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.updateAuthEventFeedback(r)
    }
    /// GetUserAuthFactors.
    public let getUserAuthFactors = CognitoOperation("GetUserAuthFactors") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in
        try await s.getUserAuthFactors(r)
    }
    /// AdminLinkProviderForUser.
    public let adminLinkProviderForUser = CognitoOperation("AdminLinkProviderForUser", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminLinkProviderForUser(r)
    }
    /// AdminDisableProviderForUser.
    public let adminDisableProviderForUser = CognitoOperation("AdminDisableProviderForUser", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminDisableProviderForUser(r)
    }
}

extension CognitoCalling {
    /// AddUserPoolClientSecret.
    public func addUserPoolClientSecret(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.secretsAndEvents.addUserPoolClientSecret, request)
    }

    /// ListUserPoolClientSecrets.
    public func listUserPoolClientSecrets(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.secretsAndEvents.listUserPoolClientSecrets, request)
    }

    /// DeleteUserPoolClientSecret.
    public func deleteUserPoolClientSecret(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.secretsAndEvents.deleteUserPoolClientSecret, request)
    }

    /// AdminListUserAuthEvents.
    public func adminListUserAuthEvents(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.secretsAndEvents.adminListUserAuthEvents, request)
    }

    /// AdminUpdateAuthEventFeedback.
    public func adminUpdateAuthEventFeedback(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.secretsAndEvents.adminUpdateAuthEventFeedback, request)
    }

    /// UpdateAuthEventFeedback.
    public func updateAuthEventFeedback(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.secretsAndEvents.updateAuthEventFeedback, request)
    }

    /// GetUserAuthFactors.
    public func getUserAuthFactors(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.secretsAndEvents.getUserAuthFactors, request)
    }

    /// AdminLinkProviderForUser.
    public func adminLinkProviderForUser(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.secretsAndEvents.adminLinkProviderForUser, request)
    }

    /// AdminDisableProviderForUser.
    public func adminDisableProviderForUser(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.secretsAndEvents.adminDisableProviderForUser, request)
    }
}
