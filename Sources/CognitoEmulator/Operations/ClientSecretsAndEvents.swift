/// Client secret rotation, sign-in events and their feedback, a user's auth factors, federated identity links.
package struct ClientSecretsAndEvents: CognitoOperationFamily {
    /// AddUserPoolClientSecret.
    package let addUserPoolClientSecret = CognitoOperation("AddUserPoolClientSecret", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.addUserPoolClientSecret(r)
    }
    /// ListUserPoolClientSecrets.
    package let listUserPoolClientSecrets = CognitoOperation("ListUserPoolClientSecrets", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listUserPoolClientSecrets(r)
    }
    /// DeleteUserPoolClientSecret.
    package let deleteUserPoolClientSecret = CognitoOperation("DeleteUserPoolClientSecret", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPoolClientSecret(r)
    }
    /// AdminListUserAuthEvents.
    package let adminListUserAuthEvents = CognitoOperation("AdminListUserAuthEvents", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.adminListUserAuthEvents(r)
    }
    /// AdminUpdateAuthEventFeedback.
    package let adminUpdateAuthEventFeedback = CognitoOperation("AdminUpdateAuthEventFeedback", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminUpdateAuthEventFeedback(r)
    }
    /// UpdateAuthEventFeedback.
    package let updateAuthEventFeedback = CognitoOperation("UpdateAuthEventFeedback") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.updateAuthEventFeedback(r)
    }
    /// GetUserAuthFactors.
    package let getUserAuthFactors = CognitoOperation("GetUserAuthFactors") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in
        try await s.getUserAuthFactors(r)
    }
    /// AdminLinkProviderForUser.
    package let adminLinkProviderForUser = CognitoOperation("AdminLinkProviderForUser", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminLinkProviderForUser(r)
    }
    /// AdminDisableProviderForUser.
    package let adminDisableProviderForUser = CognitoOperation("AdminDisableProviderForUser", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminDisableProviderForUser(r)
    }
}
