// Requests of the authentication operations.

/// InitiateAuth. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
public struct InitiateAuthRequest: Codable, Sendable {
    public var AuthFlow: String
    public var AuthParameters: [String: String]?
    public var ClientId: String
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(AuthFlow: String, ClientId: String, AuthParameters: [String: String]) {
        self.AuthFlow = AuthFlow
        self.ClientId = ClientId
        self.AuthParameters = AuthParameters
    }
}

/// AdminInitiateAuth.
public struct AdminInitiateAuthRequest: Codable, Sendable {
    public var UserPoolId: String
    public var ClientId: String
    public var AuthFlow: String
    public var AuthParameters: [String: String]?
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(UserPoolId: String, ClientId: String, AuthFlow: String, AuthParameters: [String: String]) {
        self.UserPoolId = UserPoolId
        self.ClientId = ClientId
        self.AuthFlow = AuthFlow
        self.AuthParameters = AuthParameters
    }
}

/// RespondToAuthChallenge.
public struct RespondToAuthChallengeRequest: Codable, Sendable {
    public var ClientId: String
    public var ChallengeName: String
    public var Session: String?
    public var ChallengeResponses: [String: String]?
    /// Creates the request.
    public init(ClientId: String, ChallengeName: String, Session: String?, ChallengeResponses: [String: String]) {
        self.ClientId = ClientId
        self.ChallengeName = ChallengeName
        self.Session = Session
        self.ChallengeResponses = ChallengeResponses
    }
}

/// AdminRespondToAuthChallenge.
public struct AdminRespondToAuthChallengeRequest: Codable, Sendable {
    public var UserPoolId: String
    public var ClientId: String
    public var ChallengeName: String
    public var Session: String?
    public var ChallengeResponses: [String: String]?
    /// Creates the request.
    public init(UserPoolId: String, ClientId: String, ChallengeName: String, Session: String?, ChallengeResponses: [String: String]) {
        self.UserPoolId = UserPoolId
        self.ClientId = ClientId
        self.ChallengeName = ChallengeName
        self.Session = Session
        self.ChallengeResponses = ChallengeResponses
    }
}

/// ChangePassword.
public struct ChangePasswordRequest: Codable, Sendable {
    public var AccessToken: String
    public var PreviousPassword: String?
    public var ProposedPassword: String
    /// Creates the request.
    public init(AccessToken: String, PreviousPassword: String, ProposedPassword: String) {
        self.AccessToken = AccessToken
        self.PreviousPassword = PreviousPassword
        self.ProposedPassword = ProposedPassword
    }
}

/// RevokeToken.
public struct RevokeTokenRequest: Codable, Sendable {
    public var Token: String
    public var ClientId: String
    public var ClientSecret: String?
    /// Creates the request.
    public init(Token: String, ClientId: String, ClientSecret: String? = nil) {
        self.Token = Token
        self.ClientId = ClientId
        self.ClientSecret = ClientSecret
    }
}

/// GetTokensFromRefreshToken.
public struct GetTokensFromRefreshTokenRequest: Codable, Sendable {
    public var RefreshToken: String
    public var ClientId: String
    public var ClientSecret: String?
    public var ClientMetadata: [String: String]?
    /// Creates the request.
    public init(RefreshToken: String, ClientId: String, ClientSecret: String? = nil) {
        self.RefreshToken = RefreshToken
        self.ClientId = ClientId
        self.ClientSecret = ClientSecret
    }
}

/// The answer of GetTokensFromRefreshToken.
public struct GetTokensFromRefreshTokenResponse: Codable, Sendable {
    public var AuthenticationResult: AuthenticationResultType

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(AuthenticationResult: AuthenticationResultType) {
        self.AuthenticationResult = AuthenticationResult
    }
}
