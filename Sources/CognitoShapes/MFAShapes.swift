// Requests and responses of the MFA operations.

/// AssociateSoftwareToken: an access token, or the session of an MFA_SETUP challenge.
public struct AssociateSoftwareTokenRequest: Codable, Sendable {
    public var AccessToken: String?
    public var Session: String?
    /// Creates the request.
    public init(AccessToken: String? = nil, Session: String? = nil) {
        self.AccessToken = AccessToken
        self.Session = Session
    }
}

/// The answer of AssociateSoftwareToken: the shared secret, Base32.
public struct AssociateSoftwareTokenResponse: Codable, Sendable {
    public var SecretCode: String
    public var Session: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(SecretCode: String, Session: String? = nil) {
        self.SecretCode = SecretCode
        self.Session = Session
    }
}

/// VerifySoftwareToken.
public struct VerifySoftwareTokenRequest: Codable, Sendable {
    public var AccessToken: String?
    public var Session: String?
    public var UserCode: String
    public var FriendlyDeviceName: String?
    /// Creates the request.
    public init(AccessToken: String? = nil, Session: String? = nil, UserCode: String, FriendlyDeviceName: String? = nil) {
        self.AccessToken = AccessToken
        self.Session = Session
        self.UserCode = UserCode
        self.FriendlyDeviceName = FriendlyDeviceName
    }
}

/// The answer of VerifySoftwareToken.
public struct VerifySoftwareTokenResponse: Codable, Sendable {
    public var Status: String
    public var Session: String?

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(Status: String, Session: String? = nil) {
        self.Status = Status
        self.Session = Session
    }
}

/// `SoftwareTokenMfaSettingsType`, `SMSMfaSettingsType` and `EmailMfaSettingsType`.
public struct MFASettings: Codable, Sendable {
    public var Enabled: Bool?
    public var PreferredMfa: Bool?
    /// Creates settings.
    public init(Enabled: Bool? = nil, PreferredMfa: Bool? = nil) {
        self.Enabled = Enabled
        self.PreferredMfa = PreferredMfa
    }
}
