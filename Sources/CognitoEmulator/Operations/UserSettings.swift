/// An administrator's password resets and attribute deletion, and the legacy MFA settings.
package struct UserSettings: CognitoOperationFamily {
    /// AdminResetUserPassword.
    package let adminResetUserPassword = CognitoOperation("AdminResetUserPassword", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminResetUserPassword(r)
    }
    /// AdminDeleteUserAttributes.
    package let adminDeleteUserAttributes = CognitoOperation("AdminDeleteUserAttributes", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminDeleteUserAttributes(r)
    }
    /// AdminSetUserSettings.
    package let adminSetUserSettings = CognitoOperation("AdminSetUserSettings", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminSetUserSettings(r)
    }
    /// DeleteUserAttributes.
    package let deleteUserAttributes = CognitoOperation("DeleteUserAttributes") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.deleteUserAttributes(r)
    }
    /// SetUserSettings.
    package let setUserSettings = CognitoOperation("SetUserSettings") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.setUserSettings(r)
    }
}
