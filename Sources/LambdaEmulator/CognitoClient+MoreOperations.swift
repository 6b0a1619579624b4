public import CognitoEmulator

/// Groups, MFA, refresh and attribute verification for handlers: the admin operations IAM-checked,
/// the token-authorized ones passed through as AWS passes them.
extension CognitoClient {
    /// CreateGroup.
    public func createGroup(_ request: GroupRequest) async throws(CognitoError) -> GroupResponse {
        try authorize("CreateGroup", poolID: request.UserPoolId)
        return try await service.createGroup(request)
    }

    /// GetGroup.
    public func getGroup(_ request: GroupRequest) async throws(CognitoError) -> GroupResponse {
        try authorize("GetGroup", poolID: request.UserPoolId)
        return try await service.getGroup(request)
    }

    /// UpdateGroup.
    public func updateGroup(_ request: GroupRequest) async throws(CognitoError) -> GroupResponse {
        try authorize("UpdateGroup", poolID: request.UserPoolId)
        return try await service.updateGroup(request)
    }

    /// DeleteGroup.
    public func deleteGroup(_ request: GroupRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("DeleteGroup", poolID: request.UserPoolId)
        return try await service.deleteGroup(request)
    }

    /// ListGroups.
    public func listGroups(_ request: GroupListingRequest) async throws(CognitoError) -> GroupListResponse {
        try authorize("ListGroups", poolID: request.UserPoolId)
        return try await service.listGroups(request)
    }

    /// ListUsersInGroup.
    public func listUsersInGroup(_ request: GroupListingRequest) async throws(CognitoError) -> UsersInGroupResponse {
        try authorize("ListUsersInGroup", poolID: request.UserPoolId)
        return try await service.listUsersInGroup(request)
    }

    /// AdminRemoveUserFromGroup.
    public func adminRemoveUserFromGroup(_ request: AdminGroupMembershipRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("AdminRemoveUserFromGroup", poolID: request.UserPoolId)
        return try await service.adminRemoveUserFromGroup(request)
    }

    /// AdminListGroupsForUser.
    public func adminListGroupsForUser(_ request: AdminUserRequest) async throws(CognitoError) -> GroupListResponse {
        try authorize("AdminListGroupsForUser", poolID: request.UserPoolId)
        return try await service.adminListGroupsForUser(request)
    }

    /// AdminSetUserMFAPreference.
    public func adminSetUserMFAPreference(_ request: SetUserMFAPreferenceRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("AdminSetUserMFAPreference", poolID: request.UserPoolId)
        return try await service.adminSetUserMFAPreference(request)
    }

    /// RespondToAuthChallenge.
    public func respondToAuthChallenge(_ request: RespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await service.respondToAuthChallenge(request)
    }

    /// GetTokensFromRefreshToken.
    public func getTokensFromRefreshToken(_ request: GetTokensFromRefreshTokenRequest) async throws(CognitoError) -> GetTokensFromRefreshTokenResponse
    {
        try await service.getTokensFromRefreshToken(request)
    }

    /// RevokeToken.
    public func revokeToken(_ request: RevokeTokenRequest) async throws(CognitoError) -> EmptyResponse {
        try await service.revokeToken(request)
    }

    /// AssociateSoftwareToken.
    public func associateSoftwareToken(_ request: AssociateSoftwareTokenRequest) async throws(CognitoError) -> AssociateSoftwareTokenResponse {
        try await service.associateSoftwareToken(request)
    }

    /// VerifySoftwareToken.
    public func verifySoftwareToken(_ request: VerifySoftwareTokenRequest) async throws(CognitoError) -> VerifySoftwareTokenResponse {
        try await service.verifySoftwareToken(request)
    }

    /// SetUserMFAPreference.
    public func setUserMFAPreference(_ request: SetUserMFAPreferenceRequest) async throws(CognitoError) -> EmptyResponse {
        try await service.setUserMFAPreference(request)
    }

    /// GetUserAttributeVerificationCode.
    public func getUserAttributeVerificationCode(_ request: AttributeVerificationRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        try await service.getUserAttributeVerificationCode(request)
    }

    /// VerifyUserAttribute.
    public func verifyUserAttribute(_ request: AttributeVerificationRequest) async throws(CognitoError) -> EmptyResponse {
        try await service.verifyUserAttribute(request)
    }
}
