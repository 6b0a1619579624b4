// AWS's per-operation names for the request shapes several operations share here, so code written
// against Cognito's API reference (`AdminGetUserRequest`, `ForgotPasswordRequest`) reads the same.

/// AdminGetUser's request.
public typealias AdminGetUserRequest = AdminUserRequest
/// AdminDeleteUser's request.
public typealias AdminDeleteUserRequest = AdminUserRequest
/// AdminDisableUser's request.
public typealias AdminDisableUserRequest = AdminUserRequest
/// AdminEnableUser's request.
public typealias AdminEnableUserRequest = AdminUserRequest
/// AdminConfirmSignUp's request.
public typealias AdminConfirmSignUpRequest = AdminUserRequest
/// AdminUserGlobalSignOut's request.
public typealias AdminUserGlobalSignOutRequest = AdminUserRequest
/// AdminListGroupsForUser's request.
public typealias AdminListGroupsForUserRequest = AdminUserRequest
/// ResendConfirmationCode's request.
public typealias ResendConfirmationCodeRequest = ClientUsernameRequest
/// ForgotPassword's request.
public typealias ForgotPasswordRequest = ClientUsernameRequest
/// GetUser's request.
public typealias GetUserRequest = AccessTokenRequest
/// DeleteUser's request.
public typealias DeleteUserRequest = AccessTokenRequest
/// GlobalSignOut's request.
public typealias GlobalSignOutRequest = AccessTokenRequest
/// GetUserAttributeVerificationCode's request.
public typealias GetUserAttributeVerificationCodeRequest = AttributeVerificationRequest
/// VerifyUserAttribute's request.
public typealias VerifyUserAttributeRequest = AttributeVerificationRequest
/// AdminSetUserMFAPreference's request.
public typealias AdminSetUserMFAPreferenceRequest = SetUserMFAPreferenceRequest
/// CreateGroup's request.
public typealias CreateGroupRequest = GroupRequest
/// GetGroup's request.
public typealias GetGroupRequest = GroupRequest
/// UpdateGroup's request.
public typealias UpdateGroupRequest = GroupRequest
/// DeleteGroup's request.
public typealias DeleteGroupRequest = GroupRequest
/// ListGroups' request.
public typealias ListGroupsRequest = GroupListingRequest
/// ListUsersInGroup's request.
public typealias ListUsersInGroupRequest = GroupListingRequest
/// AdminAddUserToGroup's request.
public typealias AdminAddUserToGroupRequest = AdminGroupMembershipRequest
/// AdminRemoveUserFromGroup's request.
public typealias AdminRemoveUserFromGroupRequest = AdminGroupMembershipRequest
/// DescribeUserPool's request.
public typealias DescribeUserPoolRequest = UserPoolIdRequest
/// ListUserPoolClients' request.
public typealias ListUserPoolClientsRequest = UserPoolIdRequest
