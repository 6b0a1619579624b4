import GRDB

/// Groups: the pool's own (from `AWS::Cognito::UserPoolGroup`) and those the admin operations create.
/// Members' tokens carry `cognito:groups`, sorted by name.
extension CognitoService {
    /// CreateGroup.
    package func createGroup(_ request: CreateGroupRequest) throws(CognitoError) -> GroupResponse {
        let pool = try pool(request.UserPoolId)
        try Self.checkGroup(named: request.GroupName, precedence: request.Precedence)
        let now = clock.now
        let group = StoredGroup(
            poolId: pool.id,
            name: request.GroupName,
            description: request.Description,
            precedence: request.Precedence,
            roleArn: request.RoleArn,
            created: now,
            modified: now
        )
        try database { db in
            guard try StoredGroup.fetchOne(db, key: ["poolId": pool.id, "name": request.GroupName]) == nil else {
                throw CognitoError.groupExists("A group with the name \(request.GroupName) already exists.")
            }
            try group.insert(db)
        }
        return GroupResponse(Group: Self.groupType(group))
    }

    /// GetGroup.
    package func getGroup(_ request: GetGroupRequest) throws(CognitoError) -> GroupResponse {
        let pool = try pool(request.UserPoolId)
        return GroupResponse(Group: Self.groupType(try database({ db in try requireGroup(pool, request.GroupName, db) }, write: false)))
    }

    /// UpdateGroup: the description, role and precedence given replace the old ones.
    package func updateGroup(_ request: UpdateGroupRequest) throws(CognitoError) -> GroupResponse {
        let pool = try pool(request.UserPoolId)
        try Self.checkGroup(named: request.GroupName, precedence: request.Precedence)
        let group: StoredGroup = try database { db in
            var group = try requireGroup(pool, request.GroupName, db)
            if let description = request.Description { group.description = description }
            if let role = request.RoleArn { group.roleArn = role }
            if let precedence = request.Precedence { group.precedence = precedence }
            group.modified = clock.now
            try group.update(db)
            return group
        }
        return GroupResponse(Group: Self.groupType(group))
    }

    /// DeleteGroup, with its memberships (tokens already issued keep their claim until they expire).
    package func deleteGroup(_ request: DeleteGroupRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in
            let group = try requireGroup(pool, request.GroupName, db)
            try StoredMembership.filter(Column("poolId") == pool.id && Column("groupName") == group.name).deleteAll(db)
            try group.delete(db)
        }
        return EmptyResponse()
    }

    /// ListGroups, by name.
    package func listGroups(_ request: ListGroupsRequest) throws(CognitoError) -> GroupListResponse {
        let pool = try pool(request.UserPoolId)
        let groups = try database({ db in try StoredGroup.filter(Column("poolId") == pool.id).order(Column("name")).fetchAll(db) }, write: false)
        let limit = try Self.pageLimit(request.Limit)
        let start = try pageStart(request.NextToken, count: groups.count)
        return GroupListResponse(
            Groups: groups[start..<min(start + limit, groups.count)].map(Self.groupType),
            NextToken: start + limit < groups.count ? String(start + limit) : nil
        )
    }

    /// ListUsersInGroup, by username.
    package func listUsersInGroup(_ request: ListUsersInGroupRequest) throws(CognitoError) -> UsersInGroupResponse {
        let pool = try pool(request.UserPoolId)
        let name = request.GroupName
        let users: [StoredUser] = try database(
            { db in
                _ = try requireGroup(pool, name, db)
                let members = try StoredMembership.filter(Column("poolId") == pool.id && Column("groupName") == name).fetchAll(db).map(\.username)
                return try StoredUser.filter(Column("poolId") == pool.id && members.contains(Column("username"))).order(Column("username")).fetchAll(
                    db
                )
            },
            write: false
        )
        let limit = try Self.pageLimit(request.Limit)
        let start = try pageStart(request.NextToken, count: users.count)
        return UsersInGroupResponse(
            Users: users[start..<min(start + limit, users.count)].map(userType),
            NextToken: start + limit < users.count ? String(start + limit) : nil
        )
    }

    /// AdminAddUserToGroup.
    package func adminAddUserToGroup(_ request: AdminAddUserToGroupRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in
            let user = try requireUser(pool, request.Username, db)
            _ = try requireGroup(pool, request.GroupName, db)
            try StoredMembership(poolId: pool.id, groupName: request.GroupName, username: user.username).save(db)
        }
        return EmptyResponse()
    }

    /// AdminRemoveUserFromGroup.
    package func adminRemoveUserFromGroup(_ request: AdminRemoveUserFromGroupRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in
            let user = try requireUser(pool, request.Username, db)
            _ = try requireGroup(pool, request.GroupName, db)
            _ = try StoredMembership.deleteOne(db, key: ["poolId": pool.id, "groupName": request.GroupName, "username": user.username])
        }
        return EmptyResponse()
    }

    /// AdminListGroupsForUser.
    package func adminListGroupsForUser(_ request: AdminListGroupsForUserRequest) throws(CognitoError) -> GroupListResponse {
        let pool = try pool(request.UserPoolId)
        let groups: [StoredGroup] = try database(
            { db in
                let user = try requireUser(pool, request.Username, db)
                let names = try StoredMembership.filter(Column("poolId") == pool.id && Column("username") == user.username).fetchAll(db).map(
                    \.groupName
                )
                return try StoredGroup.filter(Column("poolId") == pool.id && names.contains(Column("name"))).order(Column("name")).fetchAll(db)
            },
            write: false
        )
        let limit = request.Limit ?? 60
        let start = try pageStart(request.NextToken, count: groups.count)
        return GroupListResponse(
            Groups: groups[start..<min(start + limit, groups.count)].map(Self.groupType),
            NextToken: start + limit < groups.count ? String(start + limit) : nil
        )
    }

    func requireGroup(_ pool: LivePool, _ name: String, _ db: Database) throws -> StoredGroup {
        guard let group = try StoredGroup.fetchOne(db, key: ["poolId": pool.id, "name": name]) else {
            throw CognitoError.resourceNotFound("Group not found.")
        }
        return group
    }

    static func groupType(_ group: StoredGroup) -> GroupType {
        GroupType(
            GroupName: group.name,
            UserPoolId: group.poolId,
            Description: group.description,
            RoleArn: group.roleArn,
            Precedence: group.precedence,
            LastModifiedDate: group.modified,
            CreationDate: group.created
        )
    }

    static func pageLimit(_ limit: Int?) throws(CognitoError) -> Int {
        let limit = limit ?? 60
        guard (1...60).contains(limit) else {
            throw .invalidParameter(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60"
            )
        }
        return limit
    }

    /// AWS's constraints on a group's name (1–128 characters) and precedence (0 or more).
    static func checkGroup(named name: String, precedence: Int?) throws(CognitoError) {
        guard (1...128).contains(name.count) else {
            throw .invalidParameter(
                "1 validation error detected: Value '\(name)' at 'groupName' failed to satisfy constraint: Member must have length less than or equal to 128"
            )
        }
        if let precedence, precedence < 0 {
            throw .invalidParameter(
                "1 validation error detected: Value '\(precedence)' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0"
            )
        }
    }
}
