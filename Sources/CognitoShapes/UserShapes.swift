// Requests and responses of the user operations.

/// AdminCreateUser. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
public struct AdminCreateUserRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    public var UserAttributes: [AttributeType]?
    public var TemporaryPassword: String?
    public var MessageAction: String?
    public var DesiredDeliveryMediums: [String]?
    public var ForceAliasCreation: Bool?
    public var ClientMetadata: [String: String]?
    /// Passed to the PreSignUp trigger.
    public var ValidationData: [AttributeType]?
    /// Creates the request.
    public init(
        UserPoolId: String,
        Username: String,
        UserAttributes: [AttributeType]? = nil,
        TemporaryPassword: String? = nil,
        MessageAction: String? = nil,
        DesiredDeliveryMediums: [String]? = nil
    ) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.UserAttributes = UserAttributes
        self.TemporaryPassword = TemporaryPassword
        self.MessageAction = MessageAction
        self.DesiredDeliveryMediums = DesiredDeliveryMediums
    }
}

/// The answer of AdminCreateUser.
public struct AdminCreateUserResponse: Codable, Sendable {
    public var User: UserType
    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(User: UserType) {
        self.User = User
    }
}

/// AdminSetUserPassword.
public struct AdminSetUserPasswordRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    public var Password: String
    public var Permanent: Bool?
    /// Creates the request.
    public init(UserPoolId: String, Username: String, Password: String, Permanent: Bool? = nil) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.Password = Password
        self.Permanent = Permanent
    }
}

/// SignUp.
public struct SignUpRequest: Codable, Sendable {
    public var ClientId: String
    public var SecretHash: String?
    public var Username: String
    public var Password: String
    public var UserAttributes: [AttributeType]?
    public var ValidationData: [AttributeType]?
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(ClientId: String, Username: String, Password: String, UserAttributes: [AttributeType]? = nil, SecretHash: String? = nil) {
        self.ClientId = ClientId
        self.Username = Username
        self.Password = Password
        self.UserAttributes = UserAttributes
        self.SecretHash = SecretHash
    }
}

/// The answer of SignUp.
public struct SignUpResponse: Codable, Sendable {
    public var UserConfirmed: Bool
    public var CodeDeliveryDetails: CodeDeliveryDetailsType?
    public var UserSub: String

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(UserConfirmed: Bool, CodeDeliveryDetails: CodeDeliveryDetailsType? = nil, UserSub: String) {
        self.UserConfirmed = UserConfirmed
        self.CodeDeliveryDetails = CodeDeliveryDetails
        self.UserSub = UserSub
    }
}

/// ConfirmSignUp.
public struct ConfirmSignUpRequest: Codable, Sendable {
    public var ClientId: String
    public var SecretHash: String?
    public var Username: String
    public var ConfirmationCode: String
    public var ForceAliasCreation: Bool?
    /// Passed to the PostConfirmation and CustomMessage triggers.
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(ClientId: String, Username: String, ConfirmationCode: String, SecretHash: String? = nil) {
        self.ClientId = ClientId
        self.Username = Username
        self.ConfirmationCode = ConfirmationCode
        self.SecretHash = SecretHash
    }
}

/// The answer of ResendConfirmationCode and ForgotPassword.
public struct CodeDeliveryResponse: Codable, Sendable {
    public var CodeDeliveryDetails: CodeDeliveryDetailsType?
    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(CodeDeliveryDetails: CodeDeliveryDetailsType? = nil) {
        self.CodeDeliveryDetails = CodeDeliveryDetails
    }
}

/// ConfirmForgotPassword.
public struct ConfirmForgotPasswordRequest: Codable, Sendable {
    public var ClientId: String
    public var SecretHash: String?
    public var Username: String
    public var ConfirmationCode: String
    public var Password: String
    /// Passed to the PostConfirmation trigger.
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(ClientId: String, Username: String, ConfirmationCode: String, Password: String, SecretHash: String? = nil) {
        self.ClientId = ClientId
        self.Username = Username
        self.ConfirmationCode = ConfirmationCode
        self.Password = Password
        self.SecretHash = SecretHash
    }
}

/// The answer of AdminGetUser.
public struct AdminGetUserResponse: Codable, Sendable {
    public var Username: String
    public var UserAttributes: [AttributeType]
    public var UserCreateDate: Double
    public var UserLastModifiedDate: Double
    public var Enabled: Bool
    public var UserStatus: String
    public var UserMFASettingList: [String]?
    public var PreferredMfaSetting: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        Username: String,
        UserAttributes: [AttributeType],
        UserCreateDate: Double,
        UserLastModifiedDate: Double,
        Enabled: Bool,
        UserStatus: String,
        UserMFASettingList: [String]? = nil,
        PreferredMfaSetting: String? = nil
    ) {
        self.Username = Username
        self.UserAttributes = UserAttributes
        self.UserCreateDate = UserCreateDate
        self.UserLastModifiedDate = UserLastModifiedDate
        self.Enabled = Enabled
        self.UserStatus = UserStatus
        self.UserMFASettingList = UserMFASettingList
        self.PreferredMfaSetting = PreferredMfaSetting
    }
}

/// The answer of GetUser.
public struct GetUserResponse: Codable, Sendable {
    public var Username: String
    public var UserAttributes: [AttributeType]
    public var UserMFASettingList: [String]?
    public var PreferredMfaSetting: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Username: String, UserAttributes: [AttributeType], UserMFASettingList: [String]? = nil, PreferredMfaSetting: String? = nil) {
        self.Username = Username
        self.UserAttributes = UserAttributes
        self.UserMFASettingList = UserMFASettingList
        self.PreferredMfaSetting = PreferredMfaSetting
    }
}

/// UpdateUserAttributes.
public struct UpdateUserAttributesRequest: Codable, Sendable {
    public var AccessToken: String
    public var UserAttributes: [AttributeType]
    /// Passed to the CustomMessage trigger.
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(AccessToken: String, UserAttributes: [AttributeType]) {
        self.AccessToken = AccessToken
        self.UserAttributes = UserAttributes
    }
}

/// The answer of UpdateUserAttributes.
public struct UpdateUserAttributesResponse: Codable, Sendable {
    public var CodeDeliveryDetailsList: [CodeDeliveryDetailsType]
    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(CodeDeliveryDetailsList: [CodeDeliveryDetailsType]) {
        self.CodeDeliveryDetailsList = CodeDeliveryDetailsList
    }
}

/// AdminUpdateUserAttributes.
public struct AdminUpdateUserAttributesRequest: Codable, Sendable {
    public var UserPoolId: String
    public var Username: String
    public var UserAttributes: [AttributeType]
    /// Creates the request.
    public init(UserPoolId: String, Username: String, UserAttributes: [AttributeType]) {
        self.UserPoolId = UserPoolId
        self.Username = Username
        self.UserAttributes = UserAttributes
    }
}

/// ListUsers.
public struct ListUsersRequest: Codable, Sendable {
    public var UserPoolId: String
    public var AttributesToGet: [String]?
    public var Limit: Int?
    public var PaginationToken: String?
    public var Filter: String?
    /// Creates the request.
    public init(UserPoolId: String, Filter: String? = nil, Limit: Int? = nil, PaginationToken: String? = nil) {
        self.UserPoolId = UserPoolId
        self.Filter = Filter
        self.Limit = Limit
        self.PaginationToken = PaginationToken
    }
}

/// The answer of ListUsers.
public struct ListUsersResponse: Codable, Sendable {
    public var Users: [UserType]
    public var PaginationToken: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Users: [UserType], PaginationToken: String? = nil) {
        self.Users = Users
        self.PaginationToken = PaginationToken
    }
}
