/// Users, as an administrator manages them (all authorized by IAM).
public struct UserAdministration: CognitoOperationFamily {
    /// AdminCreateUser.
    public let adminCreateUser = CognitoOperation("AdminCreateUser", iamOn: \AdminCreateUserRequest.UserPoolId) {
        (s, r: AdminCreateUserRequest) throws(CognitoError) -> AdminCreateUserResponse in try await s.adminCreateUser(r)
    }
    /// AdminGetUser.
    public let adminGetUser = CognitoOperation("AdminGetUser", iamOn: \AdminGetUserRequest.UserPoolId) {
        (s, r: AdminGetUserRequest) throws(CognitoError) -> AdminGetUserResponse in try await s.adminGetUser(r)
    }
    /// AdminDeleteUser.
    public let adminDeleteUser = CognitoOperation("AdminDeleteUser", iamOn: \AdminDeleteUserRequest.UserPoolId) {
        (s, r: AdminDeleteUserRequest) throws(CognitoError) -> EmptyResponse in try await s.adminDeleteUser(r)
    }
    /// AdminDisableUser.
    public let adminDisableUser = CognitoOperation("AdminDisableUser", iamOn: \AdminDisableUserRequest.UserPoolId) {
        (s, r: AdminDisableUserRequest) throws(CognitoError) -> EmptyResponse in try await s.adminDisableUser(r)
    }
    /// AdminEnableUser.
    public let adminEnableUser = CognitoOperation("AdminEnableUser", iamOn: \AdminEnableUserRequest.UserPoolId) {
        (s, r: AdminEnableUserRequest) throws(CognitoError) -> EmptyResponse in try await s.adminEnableUser(r)
    }
    /// AdminConfirmSignUp.
    public let adminConfirmSignUp = CognitoOperation("AdminConfirmSignUp", iamOn: \AdminConfirmSignUpRequest.UserPoolId) {
        (s, r: AdminConfirmSignUpRequest) throws(CognitoError) -> EmptyResponse in try await s.adminConfirmSignUp(r)
    }
    /// AdminSetUserPassword.
    public let adminSetUserPassword = CognitoOperation("AdminSetUserPassword", iamOn: \AdminSetUserPasswordRequest.UserPoolId) {
        (s, r: AdminSetUserPasswordRequest) throws(CognitoError) -> EmptyResponse in try await s.adminSetUserPassword(r)
    }
    /// AdminUpdateUserAttributes.
    public let adminUpdateUserAttributes = CognitoOperation("AdminUpdateUserAttributes", iamOn: \AdminUpdateUserAttributesRequest.UserPoolId) {
        (s, r: AdminUpdateUserAttributesRequest) throws(CognitoError) -> EmptyResponse in try await s.adminUpdateUserAttributes(r)
    }
    /// ListUsers.
    public let listUsers = CognitoOperation("ListUsers", iamOn: \ListUsersRequest.UserPoolId) {
        (s, r: ListUsersRequest) throws(CognitoError) -> ListUsersResponse in try await s.listUsers(r)
    }
}

extension CognitoCalling {
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
}
