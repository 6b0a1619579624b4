// The requests of the operations whose members are few and plain, one type per operation under AWS's
// names and with the members of botocore's model (the wire's other members — AnalyticsMetadata,
// UserContextData — are accepted and ignored).

/// AdminGetUser's request.
public struct AdminGetUserRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    /// Creates the request.
    public init(UserPoolId: String, Username: String) {
        self.UserPoolId = UserPoolId
        self.Username = Username
    }
}

/// AdminDeleteUser's request.
public struct AdminDeleteUserRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    /// Creates the request.
    public init(UserPoolId: String, Username: String) {
        self.UserPoolId = UserPoolId
        self.Username = Username
    }
}

/// AdminDisableUser's request.
public struct AdminDisableUserRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    /// Creates the request.
    public init(UserPoolId: String, Username: String) {
        self.UserPoolId = UserPoolId
        self.Username = Username
    }
}

/// AdminEnableUser's request.
public struct AdminEnableUserRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    /// Creates the request.
    public init(UserPoolId: String, Username: String) {
        self.UserPoolId = UserPoolId
        self.Username = Username
    }
}

/// AdminConfirmSignUp's request.
public struct AdminConfirmSignUpRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    /// Passed to the PostConfirmation trigger.
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(UserPoolId: String, Username: String, ClientMetadata: [String: String]? = nil) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.ClientMetadata = ClientMetadata
    }
}

/// AdminUserGlobalSignOut's request.
public struct AdminUserGlobalSignOutRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    /// Creates the request.
    public init(UserPoolId: String, Username: String) {
        self.UserPoolId = UserPoolId
        self.Username = Username
    }
}

/// AdminListGroupsForUser's request.
public struct AdminListGroupsForUserRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    public var Limit: Int?
    public var NextToken: String?
    /// Creates the request.
    public init(UserPoolId: String, Username: String, Limit: Int? = nil, NextToken: String? = nil) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.Limit = Limit
        self.NextToken = NextToken
    }
}

/// ResendConfirmationCode's request.
public struct ResendConfirmationCodeRequest: Codable, Sendable {
    public var ClientId: String
    public var Username: String
    public var SecretHash: String?
    /// Passed to the CustomMessage trigger.
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(ClientId: String, Username: String, SecretHash: String? = nil, ClientMetadata: [String: String]? = nil) {
        self.ClientId = ClientId
        self.Username = Username
        self.SecretHash = SecretHash
        self.ClientMetadata = ClientMetadata
    }
}

/// ForgotPassword's request.
public struct ForgotPasswordRequest: Codable, Sendable {
    public var ClientId: String
    public var Username: String
    public var SecretHash: String?
    /// Passed to the CustomMessage and UserMigration triggers.
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(ClientId: String, Username: String, SecretHash: String? = nil, ClientMetadata: [String: String]? = nil) {
        self.ClientId = ClientId
        self.Username = Username
        self.SecretHash = SecretHash
        self.ClientMetadata = ClientMetadata
    }
}

/// GetUser's request.
public struct GetUserRequest: Codable, Sendable {
    public var AccessToken: String
    /// Creates the request.
    public init(AccessToken: String) {
        self.AccessToken = AccessToken
    }
}

/// DeleteUser's request.
public struct DeleteUserRequest: Codable, Sendable {
    public var AccessToken: String
    /// Creates the request.
    public init(AccessToken: String) {
        self.AccessToken = AccessToken
    }
}

/// GlobalSignOut's request.
public struct GlobalSignOutRequest: Codable, Sendable {
    public var AccessToken: String
    /// Creates the request.
    public init(AccessToken: String) {
        self.AccessToken = AccessToken
    }
}

/// GetUserAttributeVerificationCode's request.
public struct GetUserAttributeVerificationCodeRequest: Codable, Sendable {
    public var AccessToken: String
    public var AttributeName: String
    /// Passed to the CustomMessage trigger.
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(AccessToken: String, AttributeName: String, ClientMetadata: [String: String]? = nil) {
        self.AccessToken = AccessToken
        self.AttributeName = AttributeName
        self.ClientMetadata = ClientMetadata
    }
}

/// VerifyUserAttribute's request.
public struct VerifyUserAttributeRequest: Codable, Sendable {
    public var AccessToken: String
    public var AttributeName: String
    public var Code: String
    /// Creates the request.
    public init(AccessToken: String, AttributeName: String, Code: String) {
        self.AccessToken = AccessToken
        self.AttributeName = AttributeName
        self.Code = Code
    }
}

/// SetUserMFAPreference's request.
public struct SetUserMFAPreferenceRequest: Codable, Sendable {
    public var AccessToken: String
    public var SoftwareTokenMfaSettings: MFASettings?
    public var SMSMfaSettings: MFASettings?
    public var EmailMfaSettings: MFASettings?
    /// Creates the request.
    public init(
        AccessToken: String,
        SoftwareTokenMfaSettings: MFASettings? = nil,
        SMSMfaSettings: MFASettings? = nil,
        EmailMfaSettings: MFASettings? = nil
    ) {
        self.AccessToken = AccessToken
        self.SoftwareTokenMfaSettings = SoftwareTokenMfaSettings
        self.SMSMfaSettings = SMSMfaSettings
        self.EmailMfaSettings = EmailMfaSettings
    }
}

/// AdminSetUserMFAPreference's request.
public struct AdminSetUserMFAPreferenceRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    public var SoftwareTokenMfaSettings: MFASettings?
    public var SMSMfaSettings: MFASettings?
    public var EmailMfaSettings: MFASettings?
    /// Creates the request.
    public init(
        UserPoolId: String,
        Username: String,
        SoftwareTokenMfaSettings: MFASettings? = nil,
        SMSMfaSettings: MFASettings? = nil,
        EmailMfaSettings: MFASettings? = nil
    ) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.SoftwareTokenMfaSettings = SoftwareTokenMfaSettings
        self.SMSMfaSettings = SMSMfaSettings
        self.EmailMfaSettings = EmailMfaSettings
    }
}

/// CreateGroup's request.
public struct CreateGroupRequest: Codable, Sendable {
    public var UserPoolId: String
    public var GroupName: String
    public var Description: String?
    public var RoleArn: String?
    public var Precedence: Int?
    /// Creates the request.
    public init(UserPoolId: String, GroupName: String, Description: String? = nil, RoleArn: String? = nil, Precedence: Int? = nil) {
        self.UserPoolId = UserPoolId
        self.GroupName = GroupName
        self.Description = Description
        self.RoleArn = RoleArn
        self.Precedence = Precedence
    }
}

/// UpdateGroup's request.
public struct UpdateGroupRequest: Codable, Sendable {
    public var UserPoolId: String
    public var GroupName: String
    public var Description: String?
    public var RoleArn: String?
    public var Precedence: Int?
    /// Creates the request.
    public init(UserPoolId: String, GroupName: String, Description: String? = nil, RoleArn: String? = nil, Precedence: Int? = nil) {
        self.UserPoolId = UserPoolId
        self.GroupName = GroupName
        self.Description = Description
        self.RoleArn = RoleArn
        self.Precedence = Precedence
    }
}

/// GetGroup's request.
public struct GetGroupRequest: Codable, Sendable {
    public var UserPoolId: String
    public var GroupName: String
    /// Creates the request.
    public init(UserPoolId: String, GroupName: String) {
        self.UserPoolId = UserPoolId
        self.GroupName = GroupName
    }
}

/// DeleteGroup's request.
public struct DeleteGroupRequest: Codable, Sendable {
    public var UserPoolId: String
    public var GroupName: String
    /// Creates the request.
    public init(UserPoolId: String, GroupName: String) {
        self.UserPoolId = UserPoolId
        self.GroupName = GroupName
    }
}

/// ListGroups's request.
public struct ListGroupsRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Limit: Int?
    public var NextToken: String?
    /// Creates the request.
    public init(UserPoolId: String, Limit: Int? = nil, NextToken: String? = nil) {
        self.UserPoolId = UserPoolId
        self.Limit = Limit
        self.NextToken = NextToken
    }
}

/// ListUsersInGroup's request.
public struct ListUsersInGroupRequest: Codable, Sendable {
    public var UserPoolId: String
    public var GroupName: String
    public var Limit: Int?
    public var NextToken: String?
    /// Creates the request.
    public init(UserPoolId: String, GroupName: String, Limit: Int? = nil, NextToken: String? = nil) {
        self.UserPoolId = UserPoolId
        self.GroupName = GroupName
        self.Limit = Limit
        self.NextToken = NextToken
    }
}

/// AdminAddUserToGroup's request.
public struct AdminAddUserToGroupRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    public var GroupName: String
    /// Creates the request.
    public init(UserPoolId: String, Username: String, GroupName: String) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.GroupName = GroupName
    }
}

/// AdminRemoveUserFromGroup's request.
public struct AdminRemoveUserFromGroupRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    public var GroupName: String
    /// Creates the request.
    public init(UserPoolId: String, Username: String, GroupName: String) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.GroupName = GroupName
    }
}

/// DescribeUserPool's request.
public struct DescribeUserPoolRequest: Codable, Sendable {
    public var UserPoolId: String
    /// Creates the request.
    public init(UserPoolId: String) {
        self.UserPoolId = UserPoolId
    }
}

/// DeleteUserPool's request.
public struct DeleteUserPoolRequest: Codable, Sendable {
    public var UserPoolId: String
    /// Creates the request.
    public init(UserPoolId: String) {
        self.UserPoolId = UserPoolId
    }
}

/// ListUserPoolClients's request.
public struct ListUserPoolClientsRequest: Codable, Sendable {
    public var UserPoolId: String
    public var MaxResults: Int?
    public var NextToken: String?
    /// Creates the request.
    public init(UserPoolId: String, MaxResults: Int? = nil, NextToken: String? = nil) {
        self.UserPoolId = UserPoolId
        self.MaxResults = MaxResults
        self.NextToken = NextToken
    }
}

/// DeleteUserPoolClient's request.
public struct DeleteUserPoolClientRequest: Codable, Sendable {
    public var UserPoolId: String
    public var ClientId: String
    /// Creates the request.
    public init(UserPoolId: String, ClientId: String) {
        self.UserPoolId = UserPoolId
        self.ClientId = ClientId
    }
}
