// Requests and responses of the pool, client and group operations.

/// The answer of CreateGroup, UpdateGroup and GetGroup.
public struct GroupResponse: Codable, Sendable {
    public var Group: GroupType

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Group: GroupType) {
        self.Group = Group
    }
}

/// The answer of ListUsersInGroup.
public struct UsersInGroupResponse: Codable, Sendable {
    public var Users: [UserType]
    public var NextToken: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Users: [UserType], NextToken: String? = nil) {
        self.Users = Users
        self.NextToken = NextToken
    }
}

/// The answer of AdminListGroupsForUser and ListGroups.
public struct GroupListResponse: Codable, Sendable {
    public var Groups: [GroupType]
    public var NextToken: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Groups: [GroupType], NextToken: String? = nil) {
        self.Groups = Groups
        self.NextToken = NextToken
    }
}

/// ListUserPools.
public struct ListUserPoolsRequest: Codable, Sendable {
    public var MaxResults: Int
    public var NextToken: String?
    /// Creates the request.
    public init(MaxResults: Int, NextToken: String? = nil) {
        self.MaxResults = MaxResults
        self.NextToken = NextToken
    }
}

/// `UserPoolDescriptionType`.
public struct UserPoolDescriptionType: Codable, Sendable {
    public var Id: String
    public var Name: String
    public var LambdaConfig: [String: String]
    public var LastModifiedDate: Double
    public var CreationDate: Double

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Id: String, Name: String, LambdaConfig: [String: String], LastModifiedDate: Double, CreationDate: Double) {
        self.Id = Id
        self.Name = Name
        self.LambdaConfig = LambdaConfig
        self.LastModifiedDate = LastModifiedDate
        self.CreationDate = CreationDate
    }
}

/// The answer of ListUserPools.
public struct ListUserPoolsResponse: Codable, Sendable {
    public var UserPools: [UserPoolDescriptionType]
    public var NextToken: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(UserPools: [UserPoolDescriptionType], NextToken: String? = nil) {
        self.UserPools = UserPools
        self.NextToken = NextToken
    }
}

/// `UserPoolType` (the fields the emulator models).
public struct UserPoolType: Codable, Sendable {
    public struct Policies: Codable, Sendable {
        public var PasswordPolicy: PasswordPolicy
        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(PasswordPolicy: PasswordPolicy) {
            self.PasswordPolicy = PasswordPolicy
        }
    }
    public struct AdminCreateUserConfig: Codable, Sendable {
        public var AllowAdminCreateUserOnly: Bool
        public var UnusedAccountValidityDays: Int

        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(AllowAdminCreateUserOnly: Bool, UnusedAccountValidityDays: Int) {
            self.AllowAdminCreateUserOnly = AllowAdminCreateUserOnly
            self.UnusedAccountValidityDays = UnusedAccountValidityDays
        }
    }
    public var Id: String
    public var Name: String
    public var Arn: String
    public var Policies: Policies
    public var LambdaConfig: [String: String]
    public var LastModifiedDate: Double
    public var CreationDate: Double
    public var SchemaAttributes: [SchemaAttribute]
    public var AutoVerifiedAttributes: [String]
    public var UsernameAttributes: [String]?
    public var AliasAttributes: [String]?
    public var MfaConfiguration: String
    public var EstimatedNumberOfUsers: Int
    public var AdminCreateUserConfig: AdminCreateUserConfig

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        Id: String,
        Name: String,
        Arn: String,
        Policies: Policies,
        LambdaConfig: [String: String],
        LastModifiedDate: Double,
        CreationDate: Double,
        SchemaAttributes: [SchemaAttribute],
        AutoVerifiedAttributes: [String],
        UsernameAttributes: [String]? = nil,
        AliasAttributes: [String]? = nil,
        MfaConfiguration: String,
        EstimatedNumberOfUsers: Int,
        AdminCreateUserConfig: AdminCreateUserConfig
    ) {
        self.Id = Id
        self.Name = Name
        self.Arn = Arn
        self.Policies = Policies
        self.LambdaConfig = LambdaConfig
        self.LastModifiedDate = LastModifiedDate
        self.CreationDate = CreationDate
        self.SchemaAttributes = SchemaAttributes
        self.AutoVerifiedAttributes = AutoVerifiedAttributes
        self.UsernameAttributes = UsernameAttributes
        self.AliasAttributes = AliasAttributes
        self.MfaConfiguration = MfaConfiguration
        self.EstimatedNumberOfUsers = EstimatedNumberOfUsers
        self.AdminCreateUserConfig = AdminCreateUserConfig
    }
}

/// The answer of DescribeUserPool.
public struct DescribeUserPoolResponse: Codable, Sendable {
    public var UserPool: UserPoolType
    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(UserPool: UserPoolType) {
        self.UserPool = UserPool
    }
}

/// DescribeUserPoolClient.
public struct DescribeUserPoolClientRequest: Codable, Sendable {
    public var UserPoolId: String
    public var ClientId: String
    /// Creates the request.
    public init(UserPoolId: String, ClientId: String) {
        self.UserPoolId = UserPoolId
        self.ClientId = ClientId
    }
}

/// `UserPoolClientType` (the fields the emulator models).
public struct UserPoolClientType: Codable, Sendable {
    public struct TokenValidityUnits: Codable, Sendable {
        public var AccessToken: String
        public var IdToken: String
        public var RefreshToken: String

        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(AccessToken: String, IdToken: String, RefreshToken: String) {
            self.AccessToken = AccessToken
            self.IdToken = IdToken
            self.RefreshToken = RefreshToken
        }
    }
    public var UserPoolId: String
    public var ClientName: String
    public var ClientId: String
    public var ClientSecret: String?
    public var LastModifiedDate: Double
    public var CreationDate: Double
    public var RefreshTokenValidity: Int
    public var AccessTokenValidity: Int
    public var IdTokenValidity: Int
    public var TokenValidityUnits: TokenValidityUnits
    public var ReadAttributes: [String]?
    public var WriteAttributes: [String]?
    public var ExplicitAuthFlows: [String]
    public var PreventUserExistenceErrors: String
    public var EnableTokenRevocation: Bool
    public var AllowedOAuthFlowsUserPoolClient: Bool
    public var AuthSessionValidity: Int
    public var RefreshTokenRotation: RefreshTokenRotationType?

    /// `RefreshTokenRotationType`.
    public struct RefreshTokenRotationType: Codable, Sendable {
        public var Feature: String
        public var RetryGracePeriodSeconds: Int?

        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(Feature: String, RetryGracePeriodSeconds: Int? = nil) {
            self.Feature = Feature
            self.RetryGracePeriodSeconds = RetryGracePeriodSeconds
        }
    }

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        UserPoolId: String,
        ClientName: String,
        ClientId: String,
        ClientSecret: String? = nil,
        LastModifiedDate: Double,
        CreationDate: Double,
        RefreshTokenValidity: Int,
        AccessTokenValidity: Int,
        IdTokenValidity: Int,
        TokenValidityUnits: TokenValidityUnits,
        ReadAttributes: [String]? = nil,
        WriteAttributes: [String]? = nil,
        ExplicitAuthFlows: [String],
        PreventUserExistenceErrors: String,
        EnableTokenRevocation: Bool,
        AllowedOAuthFlowsUserPoolClient: Bool,
        AuthSessionValidity: Int,
        RefreshTokenRotation: RefreshTokenRotationType? = nil
    ) {
        self.UserPoolId = UserPoolId
        self.ClientName = ClientName
        self.ClientId = ClientId
        self.ClientSecret = ClientSecret
        self.LastModifiedDate = LastModifiedDate
        self.CreationDate = CreationDate
        self.RefreshTokenValidity = RefreshTokenValidity
        self.AccessTokenValidity = AccessTokenValidity
        self.IdTokenValidity = IdTokenValidity
        self.TokenValidityUnits = TokenValidityUnits
        self.ReadAttributes = ReadAttributes
        self.WriteAttributes = WriteAttributes
        self.ExplicitAuthFlows = ExplicitAuthFlows
        self.PreventUserExistenceErrors = PreventUserExistenceErrors
        self.EnableTokenRevocation = EnableTokenRevocation
        self.AllowedOAuthFlowsUserPoolClient = AllowedOAuthFlowsUserPoolClient
        self.AuthSessionValidity = AuthSessionValidity
        self.RefreshTokenRotation = RefreshTokenRotation
    }
}

/// The answer of DescribeUserPoolClient.
public struct DescribeUserPoolClientResponse: Codable, Sendable {
    public var UserPoolClient: UserPoolClientType
    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(UserPoolClient: UserPoolClientType) {
        self.UserPoolClient = UserPoolClient
    }
}

/// `UserPoolClientDescription`.
public struct UserPoolClientDescription: Codable, Sendable {
    public var ClientId: String
    public var UserPoolId: String
    public var ClientName: String

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(ClientId: String, UserPoolId: String, ClientName: String) {
        self.ClientId = ClientId
        self.UserPoolId = UserPoolId
        self.ClientName = ClientName
    }
}

/// The answer of ListUserPoolClients.
public struct ListUserPoolClientsResponse: Codable, Sendable {
    public var UserPoolClients: [UserPoolClientDescription]
    public var NextToken: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(UserPoolClients: [UserPoolClientDescription], NextToken: String? = nil) {
        self.UserPoolClients = UserPoolClients
        self.NextToken = NextToken
    }
}
