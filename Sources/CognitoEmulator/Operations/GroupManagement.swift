/// Groups and membership (all authorized by IAM).
public struct GroupManagement: CognitoOperationFamily {
    /// CreateGroup.
    public let createGroup = CognitoOperation("CreateGroup", iamOn: \CreateGroupRequest.UserPoolId) {
        (s, r: CreateGroupRequest) throws(CognitoError) -> GroupResponse in try await s.createGroup(r)
    }
    /// GetGroup.
    public let getGroup = CognitoOperation("GetGroup", iamOn: \GetGroupRequest.UserPoolId) {
        (s, r: GetGroupRequest) throws(CognitoError) -> GroupResponse in try await s.getGroup(r)
    }
    /// UpdateGroup.
    public let updateGroup = CognitoOperation("UpdateGroup", iamOn: \UpdateGroupRequest.UserPoolId) {
        (s, r: UpdateGroupRequest) throws(CognitoError) -> GroupResponse in try await s.updateGroup(r)
    }
    /// DeleteGroup.
    public let deleteGroup = CognitoOperation("DeleteGroup", iamOn: \DeleteGroupRequest.UserPoolId) {
        (s, r: DeleteGroupRequest) throws(CognitoError) -> EmptyResponse in try await s.deleteGroup(r)
    }
    /// ListGroups.
    public let listGroups = CognitoOperation("ListGroups", iamOn: \ListGroupsRequest.UserPoolId) {
        (s, r: ListGroupsRequest) throws(CognitoError) -> GroupListResponse in try await s.listGroups(r)
    }
    /// ListUsersInGroup.
    public let listUsersInGroup = CognitoOperation("ListUsersInGroup", iamOn: \ListUsersInGroupRequest.UserPoolId) {
        (s, r: ListUsersInGroupRequest) throws(CognitoError) -> UsersInGroupResponse in try await s.listUsersInGroup(r)
    }
    /// AdminAddUserToGroup.
    public let adminAddUserToGroup = CognitoOperation("AdminAddUserToGroup", iamOn: \AdminAddUserToGroupRequest.UserPoolId) {
        (s, r: AdminAddUserToGroupRequest) throws(CognitoError) -> EmptyResponse in try await s.adminAddUserToGroup(r)
    }
    /// AdminRemoveUserFromGroup.
    public let adminRemoveUserFromGroup = CognitoOperation("AdminRemoveUserFromGroup", iamOn: \AdminRemoveUserFromGroupRequest.UserPoolId) {
        (s, r: AdminRemoveUserFromGroupRequest) throws(CognitoError) -> EmptyResponse in try await s.adminRemoveUserFromGroup(r)
    }
    /// AdminListGroupsForUser.
    public let adminListGroupsForUser = CognitoOperation("AdminListGroupsForUser", iamOn: \AdminListGroupsForUserRequest.UserPoolId) {
        (s, r: AdminListGroupsForUserRequest) throws(CognitoError) -> GroupListResponse in try await s.adminListGroupsForUser(r)
    }
}

extension CognitoCalling {
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
}
