/// The names sign-in speaks in: challenges, MFA methods, first factors, user statuses, the pool's MFA
/// setting. Each is spelled as the wire spells it (its raw value).

/// A challenge Cognito poses, as `ChallengeName` spells it.
package enum ChallengeName: String, Sendable, CaseIterable {
    case passwordVerifier = "PASSWORD_VERIFIER"
    case newPasswordRequired = "NEW_PASSWORD_REQUIRED"
    case softwareTokenMFA = "SOFTWARE_TOKEN_MFA"
    case smsMFA = "SMS_MFA"
    case emailOTP = "EMAIL_OTP"
    case smsOTP = "SMS_OTP"
    case mfaSetup = "MFA_SETUP"
    case selectMFAType = "SELECT_MFA_TYPE"
    case customChallenge = "CUSTOM_CHALLENGE"
    case deviceSRPAuth = "DEVICE_SRP_AUTH"
    case devicePasswordVerifier = "DEVICE_PASSWORD_VERIFIER"
    case selectChallenge = "SELECT_CHALLENGE"
    case webAuthn = "WEB_AUTHN"
}

/// An MFA method a user can enable, named as `UserMFASettingList` and the challenge name it.
package enum MFAMethod: String, Sendable, CaseIterable, Codable {
    case softwareToken = "SOFTWARE_TOKEN_MFA"
    case sms = "SMS_MFA"
    case email = "EMAIL_OTP"

    /// The challenge that asks for this method's code.
    package var challenge: ChallengeName {
        switch self {
        case .softwareToken: .softwareTokenMFA
        case .sms: .smsMFA
        case .email: .emailOTP
        }
    }

    /// Where Cognito sends the code; nil for a software token, whose app makes the code itself.
    package var delivery: CodeDelivery? {
        switch self {
        case .softwareToken: nil
        case .sms: .sms
        case .email: .email
        }
    }
}

/// Where a one-time code goes.
package enum CodeDelivery: String, Sendable {
    case sms = "SMS"
    case email = "EMAIL"
}

/// A first factor of choice-based sign-in (`USER_AUTH`), as `AvailableChallenges` lists it.
package enum FirstFactor: String, Sendable, CaseIterable {
    case password = "PASSWORD"
    case passwordSRP = "PASSWORD_SRP"
    case emailOTP = "EMAIL_OTP"
    case smsOTP = "SMS_OTP"
    case webAuthn = "WEB_AUTHN"
}

/// A user's `UserStatus`: the ones the emulator gives users (AWS's ARCHIVED, COMPROMISED and UNKNOWN
/// come from its threat protection and old pools, which the emulator has not).
package enum UserStatus: String, Sendable, CaseIterable, Codable {
    case unconfirmed = "UNCONFIRMED"
    case confirmed = "CONFIRMED"
    case forceChangePassword = "FORCE_CHANGE_PASSWORD"
    case resetRequired = "RESET_REQUIRED"
    case externalProvider = "EXTERNAL_PROVIDER"
}

/// A pool's `MfaConfiguration`.
package enum MFAConfiguration: String, Sendable, CaseIterable {
    /// MFA is never asked for.
    case off = "OFF"
    /// Users who enabled a method are asked for it.
    case optional = "OPTIONAL"
    /// Every user is asked; users without a method must set one up (MFA_SETUP).
    case on = "ON"
}

/// The Lambda triggers a sign-in runs between its steps.
package enum SignInTrigger: String, Sendable {
    case postAuthentication = "PostAuthentication"
    case defineAuthChallenge = "DefineAuthChallenge"
    case createAuthChallenge = "CreateAuthChallenge"
    case verifyAuthChallengeResponse = "VerifyAuthChallengeResponse"
}

/// The `triggerSource` of the PreTokenGeneration event that comes with the tokens.
package enum TokenSource: String, Sendable {
    case authentication = "TokenGeneration_Authentication"
    case newPasswordChallenge = "TokenGeneration_NewPasswordChallenge"
}
