/// An administrator's password resets and attribute deletion, and the legacy MFA settings.
public struct UserSettings: CognitoOperationFamily {
    /// AdminResetUserPassword.
    public let adminResetUserPassword = CognitoOperation("AdminResetUserPassword", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminResetUserPassword(r)
    }
    /// AdminDeleteUserAttributes.
    public let adminDeleteUserAttributes = CognitoOperation("AdminDeleteUserAttributes", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminDeleteUserAttributes(r)
    }
    /// AdminSetUserSettings.
    public let adminSetUserSettings = CognitoOperation("AdminSetUserSettings", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminSetUserSettings(r)
    }
    /// DeleteUserAttributes.
    public let deleteUserAttributes = CognitoOperation("DeleteUserAttributes") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.deleteUserAttributes(r)
    }
    /// SetUserSettings.
    public let setUserSettings = CognitoOperation("SetUserSettings") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.setUserSettings(r)
    }
}

extension CognitoCalling {
    /// AdminResetUserPassword.
    public func adminResetUserPassword(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.userSettings.adminResetUserPassword, request)
    }

    /// AdminDeleteUserAttributes.
    public func adminDeleteUserAttributes(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.userSettings.adminDeleteUserAttributes, request)
    }

    /// AdminSetUserSettings.
    public func adminSetUserSettings(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.userSettings.adminSetUserSettings, request)
    }

    /// DeleteUserAttributes.
    public func deleteUserAttributes(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.userSettings.deleteUserAttributes, request)
    }

    /// SetUserSettings.
    public func setUserSettings(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.userSettings.setUserSettings, request)
    }
}
