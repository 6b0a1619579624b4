public import CognitoEmulator

// Every operation of the table, as a method of the in-process client (`context.aws.cognito`). Each
// runs through ``CognitoClient/call(_:_:)``: IAM checked as on AWS, the request validated as on the wire.
extension CognitoClient {
    /// InitiateAuth.
    public func initiateAuth(_ request: InitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.initiateAuth, request)
    }

    /// RespondToAuthChallenge.
    public func respondToAuthChallenge(_ request: RespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.respondToAuthChallenge, request)
    }

    /// AdminInitiateAuth.
    public func adminInitiateAuth(_ request: AdminInitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.adminInitiateAuth, request)
    }

    /// AdminRespondToAuthChallenge.
    public func adminRespondToAuthChallenge(_ request: AdminRespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.adminRespondToAuthChallenge, request)
    }

    /// GetTokensFromRefreshToken.
    public func getTokensFromRefreshToken(_ request: GetTokensFromRefreshTokenRequest) async throws(CognitoError) -> GetTokensFromRefreshTokenResponse
    {
        try await call(CognitoOperations.authentication.getTokensFromRefreshToken, request)
    }

    /// GlobalSignOut.
    public func globalSignOut(_ request: GlobalSignOutRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.authentication.globalSignOut, request)
    }

    /// AdminUserGlobalSignOut.
    public func adminUserGlobalSignOut(_ request: AdminUserGlobalSignOutRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.authentication.adminUserGlobalSignOut, request)
    }

    /// RevokeToken.
    public func revokeToken(_ request: RevokeTokenRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.authentication.revokeToken, request)
    }

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

    /// ConfirmDevice.
    public func confirmDevice(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.confirmDevice, request)
    }

    /// GetDevice.
    public func getDevice(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.getDevice, request)
    }

    /// ListDevices.
    public func listDevices(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.listDevices, request)
    }

    /// ForgetDevice.
    public func forgetDevice(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.forgetDevice, request)
    }

    /// UpdateDeviceStatus.
    public func updateDeviceStatus(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.updateDeviceStatus, request)
    }

    /// AdminGetDevice.
    public func adminGetDevice(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.adminGetDevice, request)
    }

    /// AdminListDevices.
    public func adminListDevices(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.adminListDevices, request)
    }

    /// AdminForgetDevice.
    public func adminForgetDevice(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.adminForgetDevice, request)
    }

    /// AdminUpdateDeviceStatus.
    public func adminUpdateDeviceStatus(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.adminUpdateDeviceStatus, request)
    }

    /// CreateGroup.
    public func createGroup(_ request: CreateGroupRequest) async throws(CognitoError) -> GroupResponse {
        try await call(CognitoOperations.groups.createGroup, request)
    }

    /// GetGroup.
    public func getGroup(_ request: GetGroupRequest) async throws(CognitoError) -> GroupResponse {
        try await call(CognitoOperations.groups.getGroup, request)
    }

    /// UpdateGroup.
    public func updateGroup(_ request: UpdateGroupRequest) async throws(CognitoError) -> GroupResponse {
        try await call(CognitoOperations.groups.updateGroup, request)
    }

    /// DeleteGroup.
    public func deleteGroup(_ request: DeleteGroupRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.groups.deleteGroup, request)
    }

    /// ListGroups.
    public func listGroups(_ request: ListGroupsRequest) async throws(CognitoError) -> GroupListResponse {
        try await call(CognitoOperations.groups.listGroups, request)
    }

    /// ListUsersInGroup.
    public func listUsersInGroup(_ request: ListUsersInGroupRequest) async throws(CognitoError) -> UsersInGroupResponse {
        try await call(CognitoOperations.groups.listUsersInGroup, request)
    }

    /// AdminAddUserToGroup.
    public func adminAddUserToGroup(_ request: AdminAddUserToGroupRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.groups.adminAddUserToGroup, request)
    }

    /// AdminRemoveUserFromGroup.
    public func adminRemoveUserFromGroup(_ request: AdminRemoveUserFromGroupRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.groups.adminRemoveUserFromGroup, request)
    }

    /// AdminListGroupsForUser.
    public func adminListGroupsForUser(_ request: AdminListGroupsForUserRequest) async throws(CognitoError) -> GroupListResponse {
        try await call(CognitoOperations.groups.adminListGroupsForUser, request)
    }

    /// AssociateSoftwareToken.
    public func associateSoftwareToken(_ request: AssociateSoftwareTokenRequest) async throws(CognitoError) -> AssociateSoftwareTokenResponse {
        try await call(CognitoOperations.mfa.associateSoftwareToken, request)
    }

    /// VerifySoftwareToken.
    public func verifySoftwareToken(_ request: VerifySoftwareTokenRequest) async throws(CognitoError) -> VerifySoftwareTokenResponse {
        try await call(CognitoOperations.mfa.verifySoftwareToken, request)
    }

    /// SetUserMFAPreference.
    public func setUserMFAPreference(_ request: SetUserMFAPreferenceRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.mfa.setUserMFAPreference, request)
    }

    /// AdminSetUserMFAPreference.
    public func adminSetUserMFAPreference(_ request: AdminSetUserMFAPreferenceRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.mfa.adminSetUserMFAPreference, request)
    }

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

    /// ListUserPools.
    public func listUserPools(_ request: ListUserPoolsRequest) async throws(CognitoError) -> ListUserPoolsResponse {
        try await call(CognitoOperations.pools.listUserPools, request)
    }

    /// DescribeUserPool.
    public func describeUserPool(_ request: DescribeUserPoolRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.describeUserPool, request)
    }

    /// ListUserPoolClients.
    public func listUserPoolClients(_ request: ListUserPoolClientsRequest) async throws(CognitoError) -> ListUserPoolClientsResponse {
        try await call(CognitoOperations.pools.listUserPoolClients, request)
    }

    /// DescribeUserPoolClient.
    public func describeUserPoolClient(_ request: DescribeUserPoolClientRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.describeUserPoolClient, request)
    }

    /// CreateUserPool.
    public func createUserPool(_ request: CreateUserPoolRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.createUserPool, request)
    }

    /// UpdateUserPool.
    public func updateUserPool(_ request: UpdateUserPoolRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.pools.updateUserPool, request)
    }

    /// DeleteUserPool.
    public func deleteUserPool(_ request: DeleteUserPoolRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.pools.deleteUserPool, request)
    }

    /// CreateUserPoolClient.
    public func createUserPoolClient(_ request: CreateUserPoolClientRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.createUserPoolClient, request)
    }

    /// UpdateUserPoolClient.
    public func updateUserPoolClient(_ request: UpdateUserPoolClientRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.updateUserPoolClient, request)
    }

    /// DeleteUserPoolClient.
    public func deleteUserPoolClient(_ request: DeleteUserPoolClientRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.pools.deleteUserPoolClient, request)
    }

    /// CreateUserPoolDomain.
    public func createUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createUserPoolDomain, request)
    }

    /// UpdateUserPoolDomain.
    public func updateUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateUserPoolDomain, request)
    }

    /// DescribeUserPoolDomain.
    public func describeUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeUserPoolDomain, request)
    }

    /// DeleteUserPoolDomain.
    public func deleteUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteUserPoolDomain, request)
    }

    /// CreateResourceServer.
    public func createResourceServer(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createResourceServer, request)
    }

    /// UpdateResourceServer.
    public func updateResourceServer(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateResourceServer, request)
    }

    /// DescribeResourceServer.
    public func describeResourceServer(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeResourceServer, request)
    }

    /// DeleteResourceServer.
    public func deleteResourceServer(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteResourceServer, request)
    }

    /// ListResourceServers.
    public func listResourceServers(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.listResourceServers, request)
    }

    /// CreateIdentityProvider.
    public func createIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createIdentityProvider, request)
    }

    /// UpdateIdentityProvider.
    public func updateIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateIdentityProvider, request)
    }

    /// DescribeIdentityProvider.
    public func describeIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeIdentityProvider, request)
    }

    /// GetIdentityProviderByIdentifier.
    public func getIdentityProviderByIdentifier(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.getIdentityProviderByIdentifier, request)
    }

    /// DeleteIdentityProvider.
    public func deleteIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteIdentityProvider, request)
    }

    /// ListIdentityProviders.
    public func listIdentityProviders(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.listIdentityProviders, request)
    }

    /// CreateTerms.
    public func createTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createTerms, request)
    }

    /// UpdateTerms.
    public func updateTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateTerms, request)
    }

    /// DescribeTerms.
    public func describeTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeTerms, request)
    }

    /// DeleteTerms.
    public func deleteTerms(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteTerms, request)
    }

    /// ListTerms.
    public func listTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.listTerms, request)
    }

    /// CreateManagedLoginBranding.
    public func createManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createManagedLoginBranding, request)
    }

    /// UpdateManagedLoginBranding.
    public func updateManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateManagedLoginBranding, request)
    }

    /// DescribeManagedLoginBranding.
    public func describeManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeManagedLoginBranding, request)
    }

    /// DescribeManagedLoginBrandingByClient.
    public func describeManagedLoginBrandingByClient(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeManagedLoginBrandingByClient, request)
    }

    /// DeleteManagedLoginBranding.
    public func deleteManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteManagedLoginBranding, request)
    }

    /// AddCustomAttributes.
    public func addCustomAttributes(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolSettings.addCustomAttributes, request)
    }

    /// GetUserPoolMfaConfig.
    public func getUserPoolMfaConfig(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getUserPoolMfaConfig, request)
    }

    /// SetUserPoolMfaConfig.
    public func setUserPoolMfaConfig(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setUserPoolMfaConfig, request)
    }

    /// TagResource.
    public func tagResource(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolSettings.tagResource, request)
    }

    /// UntagResource.
    public func untagResource(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolSettings.untagResource, request)
    }

    /// ListTagsForResource.
    public func listTagsForResource(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.listTagsForResource, request)
    }

    /// GetCSVHeader.
    public func getCSVHeader(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getCSVHeader, request)
    }

    /// SetUICustomization.
    public func setUICustomization(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setUICustomization, request)
    }

    /// GetUICustomization.
    public func getUICustomization(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getUICustomization, request)
    }

    /// SetRiskConfiguration.
    public func setRiskConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setRiskConfiguration, request)
    }

    /// DescribeRiskConfiguration.
    public func describeRiskConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.describeRiskConfiguration, request)
    }

    /// SetLogDeliveryConfiguration.
    public func setLogDeliveryConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setLogDeliveryConfiguration, request)
    }

    /// GetLogDeliveryConfiguration.
    public func getLogDeliveryConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getLogDeliveryConfiguration, request)
    }

    /// GetSigningCertificate.
    public func getSigningCertificate(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getSigningCertificate, request)
    }

    /// SignUp.
    public func signUp(_ request: SignUpRequest) async throws(CognitoError) -> SignUpResponse {
        try await call(CognitoOperations.selfService.signUp, request)
    }

    /// ConfirmSignUp.
    public func confirmSignUp(_ request: ConfirmSignUpRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.confirmSignUp, request)
    }

    /// ResendConfirmationCode.
    public func resendConfirmationCode(_ request: ResendConfirmationCodeRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        try await call(CognitoOperations.selfService.resendConfirmationCode, request)
    }

    /// ForgotPassword.
    public func forgotPassword(_ request: ForgotPasswordRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        try await call(CognitoOperations.selfService.forgotPassword, request)
    }

    /// ConfirmForgotPassword.
    public func confirmForgotPassword(_ request: ConfirmForgotPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.confirmForgotPassword, request)
    }

    /// ChangePassword.
    public func changePassword(_ request: ChangePasswordRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.changePassword, request)
    }

    /// GetUser.
    public func getUser(_ request: GetUserRequest) async throws(CognitoError) -> GetUserResponse {
        try await call(CognitoOperations.selfService.getUser, request)
    }

    /// DeleteUser.
    public func deleteUser(_ request: DeleteUserRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.deleteUser, request)
    }

    /// UpdateUserAttributes.
    public func updateUserAttributes(_ request: UpdateUserAttributesRequest) async throws(CognitoError) -> UpdateUserAttributesResponse {
        try await call(CognitoOperations.selfService.updateUserAttributes, request)
    }

    /// GetUserAttributeVerificationCode.
    public func getUserAttributeVerificationCode(
        _ request: GetUserAttributeVerificationCodeRequest
    ) async throws(CognitoError) -> CodeDeliveryResponse {
        try await call(CognitoOperations.selfService.getUserAttributeVerificationCode, request)
    }

    /// VerifyUserAttribute.
    public func verifyUserAttribute(_ request: VerifyUserAttributeRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.verifyUserAttribute, request)
    }

    /// AdminCreateUser.
    public func adminCreateUser(_ request: AdminCreateUserRequest) async throws(CognitoError) -> AdminCreateUserResponse {
        try await call(CognitoOperations.users.adminCreateUser, request)
    }

    /// AdminGetUser.
    public func adminGetUser(_ request: AdminGetUserRequest) async throws(CognitoError) -> AdminGetUserResponse {
        try await call(CognitoOperations.users.adminGetUser, request)
    }

    /// AdminDeleteUser.
    public func adminDeleteUser(_ request: AdminDeleteUserRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.users.adminDeleteUser, request)
    }

    /// AdminDisableUser.
    public func adminDisableUser(_ request: AdminDisableUserRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.users.adminDisableUser, request)
    }

    /// AdminEnableUser.
    public func adminEnableUser(_ request: AdminEnableUserRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.users.adminEnableUser, request)
    }

    /// AdminConfirmSignUp.
    public func adminConfirmSignUp(_ request: AdminConfirmSignUpRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.users.adminConfirmSignUp, request)
    }

    /// AdminSetUserPassword.
    public func adminSetUserPassword(_ request: AdminSetUserPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.users.adminSetUserPassword, request)
    }

    /// AdminUpdateUserAttributes.
    public func adminUpdateUserAttributes(_ request: AdminUpdateUserAttributesRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.users.adminUpdateUserAttributes, request)
    }

    /// ListUsers.
    public func listUsers(_ request: ListUsersRequest) async throws(CognitoError) -> ListUsersResponse {
        try await call(CognitoOperations.users.listUsers, request)
    }

    /// CreateUserImportJob.
    public func createUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.createUserImportJob, request)
    }

    /// StartUserImportJob.
    public func startUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.startUserImportJob, request)
    }

    /// DescribeUserImportJob.
    public func describeUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.describeUserImportJob, request)
    }

    /// StopUserImportJob.
    public func stopUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.stopUserImportJob, request)
    }

    /// ListUserImportJobs.
    public func listUserImportJobs(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.listUserImportJobs, request)
    }

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
