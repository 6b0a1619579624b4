/// Users, as an administrator manages them (all authorized by IAM).
package struct UserAdministration: CognitoOperationFamily {
    /// AdminCreateUser.
    package let adminCreateUser = CognitoOperation("AdminCreateUser", iamOn: \AdminCreateUserRequest.UserPoolId) {
        (s, r: AdminCreateUserRequest) throws(CognitoError) -> AdminCreateUserResponse in try await s.adminCreateUser(r)
    }
    /// AdminGetUser.
    package let adminGetUser = CognitoOperation("AdminGetUser", iamOn: \AdminGetUserRequest.UserPoolId) {
        (s, r: AdminGetUserRequest) throws(CognitoError) -> AdminGetUserResponse in try await s.adminGetUser(r)
    }
    /// AdminDeleteUser.
    package let adminDeleteUser = CognitoOperation("AdminDeleteUser", iamOn: \AdminDeleteUserRequest.UserPoolId) {
        (s, r: AdminDeleteUserRequest) throws(CognitoError) -> EmptyResponse in try await s.adminDeleteUser(r)
    }
    /// AdminDisableUser.
    package let adminDisableUser = CognitoOperation("AdminDisableUser", iamOn: \AdminDisableUserRequest.UserPoolId) {
        (s, r: AdminDisableUserRequest) throws(CognitoError) -> EmptyResponse in try await s.adminDisableUser(r)
    }
    /// AdminEnableUser.
    package let adminEnableUser = CognitoOperation("AdminEnableUser", iamOn: \AdminEnableUserRequest.UserPoolId) {
        (s, r: AdminEnableUserRequest) throws(CognitoError) -> EmptyResponse in try await s.adminEnableUser(r)
    }
    /// AdminConfirmSignUp.
    package let adminConfirmSignUp = CognitoOperation("AdminConfirmSignUp", iamOn: \AdminConfirmSignUpRequest.UserPoolId) {
        (s, r: AdminConfirmSignUpRequest) throws(CognitoError) -> EmptyResponse in try await s.adminConfirmSignUp(r)
    }
    /// AdminSetUserPassword.
    package let adminSetUserPassword = CognitoOperation("AdminSetUserPassword", iamOn: \AdminSetUserPasswordRequest.UserPoolId) {
        (s, r: AdminSetUserPasswordRequest) throws(CognitoError) -> EmptyResponse in try await s.adminSetUserPassword(r)
    }
    /// AdminUpdateUserAttributes.
    package let adminUpdateUserAttributes = CognitoOperation("AdminUpdateUserAttributes", iamOn: \AdminUpdateUserAttributesRequest.UserPoolId) {
        (s, r: AdminUpdateUserAttributesRequest) throws(CognitoError) -> EmptyResponse in try await s.adminUpdateUserAttributes(r)
    }
    /// ListUsers.
    package let listUsers = CognitoOperation("ListUsers", iamOn: \ListUsersRequest.UserPoolId) {
        (s, r: ListUsersRequest) throws(CognitoError) -> ListUsersResponse in try await s.listUsers(r)
    }
}
