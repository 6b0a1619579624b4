/// Groups and membership (all authorized by IAM).
package struct GroupManagement: CognitoOperationFamily {
    /// CreateGroup.
    package let createGroup = CognitoOperation("CreateGroup", iamOn: \CreateGroupRequest.UserPoolId) {
        (s, r: CreateGroupRequest) throws(CognitoError) -> GroupResponse in try await s.createGroup(r)
    }
    /// GetGroup.
    package let getGroup = CognitoOperation("GetGroup", iamOn: \GetGroupRequest.UserPoolId) {
        (s, r: GetGroupRequest) throws(CognitoError) -> GroupResponse in try await s.getGroup(r)
    }
    /// UpdateGroup.
    package let updateGroup = CognitoOperation("UpdateGroup", iamOn: \UpdateGroupRequest.UserPoolId) {
        (s, r: UpdateGroupRequest) throws(CognitoError) -> GroupResponse in try await s.updateGroup(r)
    }
    /// DeleteGroup.
    package let deleteGroup = CognitoOperation("DeleteGroup", iamOn: \DeleteGroupRequest.UserPoolId) {
        (s, r: DeleteGroupRequest) throws(CognitoError) -> EmptyResponse in try await s.deleteGroup(r)
    }
    /// ListGroups.
    package let listGroups = CognitoOperation("ListGroups", iamOn: \ListGroupsRequest.UserPoolId) {
        (s, r: ListGroupsRequest) throws(CognitoError) -> GroupListResponse in try await s.listGroups(r)
    }
    /// ListUsersInGroup.
    package let listUsersInGroup = CognitoOperation("ListUsersInGroup", iamOn: \ListUsersInGroupRequest.UserPoolId) {
        (s, r: ListUsersInGroupRequest) throws(CognitoError) -> UsersInGroupResponse in try await s.listUsersInGroup(r)
    }
    /// AdminAddUserToGroup.
    package let adminAddUserToGroup = CognitoOperation("AdminAddUserToGroup", iamOn: \AdminAddUserToGroupRequest.UserPoolId) {
        (s, r: AdminAddUserToGroupRequest) throws(CognitoError) -> EmptyResponse in try await s.adminAddUserToGroup(r)
    }
    /// AdminRemoveUserFromGroup.
    package let adminRemoveUserFromGroup = CognitoOperation("AdminRemoveUserFromGroup", iamOn: \AdminRemoveUserFromGroupRequest.UserPoolId) {
        (s, r: AdminRemoveUserFromGroupRequest) throws(CognitoError) -> EmptyResponse in try await s.adminRemoveUserFromGroup(r)
    }
    /// AdminListGroupsForUser.
    package let adminListGroupsForUser = CognitoOperation("AdminListGroupsForUser", iamOn: \AdminListGroupsForUserRequest.UserPoolId) {
        (s, r: AdminListGroupsForUserRequest) throws(CognitoError) -> GroupListResponse in try await s.adminListGroupsForUser(r)
    }
}
