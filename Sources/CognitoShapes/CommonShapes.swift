// Shapes shared by several operations, named and spelled as in Cognito's API reference.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Types.html

/// `AttributeType`: one user attribute.
public struct AttributeType: Codable, Sendable, Hashable {
    /// `Name`.
    public var Name: String
    /// `Value`.
    public var Value: String?
    /// Creates an attribute.
    public init(Name: String, Value: String?) {
        self.Name = Name
        self.Value = Value
    }
}

/// `UserType`: a user as AdminCreateUser and ListUsers return it.
public struct UserType: Codable, Sendable, Hashable {
    public var Username: String
    public var Attributes: [AttributeType]
    public var UserCreateDate: Double
    public var UserLastModifiedDate: Double
    public var Enabled: Bool
    public var UserStatus: String

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        Username: String,
        Attributes: [AttributeType],
        UserCreateDate: Double,
        UserLastModifiedDate: Double,
        Enabled: Bool,
        UserStatus: String
    ) {
        self.Username = Username
        self.Attributes = Attributes
        self.UserCreateDate = UserCreateDate
        self.UserLastModifiedDate = UserLastModifiedDate
        self.Enabled = Enabled
        self.UserStatus = UserStatus
    }
}

/// `CodeDeliveryDetailsType`: where a code went.
public struct CodeDeliveryDetailsType: Codable, Sendable, Hashable {
    public var Destination: String
    public var DeliveryMedium: String
    public var AttributeName: String

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Destination: String, DeliveryMedium: String, AttributeName: String) {
        self.Destination = Destination
        self.DeliveryMedium = DeliveryMedium
        self.AttributeName = AttributeName
    }
}

/// `AuthenticationResultType`: the tokens.
public struct AuthenticationResultType: Codable, Sendable, Hashable {
    public var AccessToken: String
    public var ExpiresIn: Int
    public var TokenType: String
    public var RefreshToken: String?
    public var IdToken: String
    /// The device a sign-in from an untracked device may now confirm (pools with `DeviceConfiguration`).
    public var NewDeviceMetadata: NewDeviceMetadataType?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(AccessToken: String, ExpiresIn: Int, TokenType: String, RefreshToken: String? = nil, IdToken: String) {
        self.AccessToken = AccessToken
        self.ExpiresIn = ExpiresIn
        self.TokenType = TokenType
        self.RefreshToken = RefreshToken
        self.IdToken = IdToken
    }
}

/// `NewDeviceMetadataType`: the key of a device to confirm with ConfirmDevice, and its group.
public struct NewDeviceMetadataType: Codable, Sendable, Hashable {
    /// `DeviceKey`: `<region>_<uuid>`.
    public var DeviceKey: String
    /// `DeviceGroupKey`.
    public var DeviceGroupKey: String

    /// Creates the value.
    package init(DeviceKey: String, DeviceGroupKey: String) {
        self.DeviceKey = DeviceKey
        self.DeviceGroupKey = DeviceGroupKey
    }
}

/// The answer of InitiateAuth, AdminInitiateAuth and the RespondToAuthChallenge operations.
public struct InitiateAuthResponse: Codable, Sendable, Hashable {
    public var ChallengeName: String?
    public var Session: String?
    public var ChallengeParameters: [String: String]
    public var AuthenticationResult: AuthenticationResultType?
    /// USER_AUTH's SELECT_CHALLENGE: the first factors the user may choose from.
    public var AvailableChallenges: [String]?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        ChallengeName: String? = nil,
        Session: String? = nil,
        ChallengeParameters: [String: String],
        AuthenticationResult: AuthenticationResultType? = nil
    ) {
        self.ChallengeName = ChallengeName
        self.Session = Session
        self.ChallengeParameters = ChallengeParameters
        self.AuthenticationResult = AuthenticationResult
    }
}

/// `GroupType`.
public struct GroupType: Codable, Sendable, Hashable {
    public var GroupName: String
    public var UserPoolId: String
    public var Description: String?
    public var RoleArn: String?
    public var Precedence: Int?
    public var LastModifiedDate: Double
    public var CreationDate: Double

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        GroupName: String,
        UserPoolId: String,
        Description: String? = nil,
        RoleArn: String? = nil,
        Precedence: Int? = nil,
        LastModifiedDate: Double,
        CreationDate: Double
    ) {
        self.GroupName = GroupName
        self.UserPoolId = UserPoolId
        self.Description = Description
        self.RoleArn = RoleArn
        self.Precedence = Precedence
        self.LastModifiedDate = LastModifiedDate
        self.CreationDate = CreationDate
    }
}

/// An operation that answers an empty object.
public struct EmptyResponse: Codable, Sendable, Hashable {
    /// `{}`.
    public init() {}
}
