import EmulatorCrypto
import GRDB
import Logging

/// Multi-factor authentication: software tokens (TOTP, RFC 6238, codes accepted one 30-second step
/// either side), SMS and e-mail codes (sent to the outbox), and the pool's `MfaConfiguration`:
/// `OFF` never asks, `OPTIONAL` asks users who enabled a method, `ON` also makes users without one set up
/// a software token (MFA_SETUP). See https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
extension CognitoService {
    /// The MFA methods a user has enabled and can receive codes for, in `UserMFASettingList`'s order.
    nonisolated func mfaMethods(of user: StoredUser) -> [MFAMethod] {
        [
            (MFAMethod.softwareToken, user.mfaSoftware == true && user.totpVerified == true),
            (.sms, user.mfaSMS == true && user.phoneNumber != nil), (.email, user.mfaEmail == true && user.email != nil),
        ]
        .filter(\.1).map(\.0)
    }

    /// `UserMFASettingList`: the methods' names; nil when none.
    nonisolated func mfaSettings(of user: StoredUser) -> [String]? {
        let methods = mfaMethods(of: user)
        return methods.isEmpty ? nil : methods.map(\.rawValue)
    }

    /// AssociateSoftwareToken: a new secret for the user of an access token or of an MFA_SETUP session.
    package func associateSoftwareToken(_ request: AssociateSoftwareTokenRequest) throws(CognitoError) -> AssociateSoftwareTokenResponse {
        let secret = Base32.encode(SecureRandom.bytes(20))
        let (pool, username, session) = try mfaSubject(accessToken: request.AccessToken, session: request.Session)
        try database { db in
            var user = try requireUser(pool, username, db)
            user.totpSecret = secret
            user.totpVerified = false
            user.modified = clock.now
            try user.update(db)
        }
        return AssociateSoftwareTokenResponse(SecretCode: secret, Session: session)
    }

    /// VerifySoftwareToken: confirms the secret with a code from it; in an MFA_SETUP sign-in this also
    /// enables software-token MFA and lets the challenge be answered.
    package func verifySoftwareToken(_ request: VerifySoftwareTokenRequest) throws(CognitoError) -> VerifySoftwareTokenResponse {
        let (pool, username, session) = try mfaSubject(accessToken: request.AccessToken, session: request.Session)
        let now = clock.now
        try database { db in
            var user = try requireUser(pool, username, db)
            guard let secret = user.totpSecret.flatMap(Base32.decode) else {
                throw CognitoError.invalidParameter("User has not associated a software token; call AssociateSoftwareToken first")
            }
            guard TOTP.verify(request.UserCode, secret: secret, at: now) else {
                throw CognitoError.enableSoftwareTokenMFA("Code mismatch and fail enable Software Token MFA mfa")
            }
            user.totpVerified = true
            if session != nil {
                user.mfaSoftware = true
                user.preferredMfa = user.preferredMfa ?? .softwareToken
            }
            user.modified = now
            try user.update(db)
        }
        if let session { _ = pendingSignIns[session]?.machine.softwareTokenVerified() }
        return VerifySoftwareTokenResponse(Status: "SUCCESS", Session: session)
    }

    /// SetUserMFAPreference.
    package func setUserMFAPreference(_ request: SetUserMFAPreferenceRequest) throws(CognitoError) -> EmptyResponse {
        let (pool, user) = try authenticate(accessToken: request.AccessToken)
        try setPreferences(
            software: request.SoftwareTokenMfaSettings,
            sms: request.SMSMfaSettings,
            email: request.EmailMfaSettings,
            pool: pool,
            username: user.username
        )
        return EmptyResponse()
    }

    /// AdminSetUserMFAPreference.
    package func adminSetUserMFAPreference(_ request: AdminSetUserMFAPreferenceRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try setPreferences(
            software: request.SoftwareTokenMfaSettings,
            sms: request.SMSMfaSettings,
            email: request.EmailMfaSettings,
            pool: pool,
            username: request.Username
        )
        return EmptyResponse()
    }

    private func setPreferences(
        software: MFASettings?,
        sms: MFASettings?,
        email: MFASettings?,
        pool: LivePool,
        username: String
    ) throws(CognitoError) {
        try database { db in
            var user = try requireUser(pool, username, db)
            if let software {
                if software.Enabled == true, user.totpVerified != true {
                    throw CognitoError.invalidParameter("User has not verified software token mfa")
                }
                apply(software, .softwareToken, enabled: \.mfaSoftware, to: &user)
            }
            if let sms {
                if sms.Enabled == true, user.phoneNumber == nil {
                    throw CognitoError.invalidParameter("User does not have a phone number for SMS MFA")
                }
                apply(sms, .sms, enabled: \.mfaSMS, to: &user)
            }
            if let email {
                if email.Enabled == true, user.email == nil { throw CognitoError.invalidParameter("User does not have an email for EMAIL_OTP MFA") }
                apply(email, .email, enabled: \.mfaEmail, to: &user)
            }
            user.modified = clock.now
            try user.update(db)
        }
    }

    private func apply(_ settings: MFASettings, _ method: MFAMethod, enabled: WritableKeyPath<StoredUser, Bool?>, to user: inout StoredUser) {
        if let value = settings.Enabled { user[keyPath: enabled] = value }
        if settings.PreferredMfa == true {
            user.preferredMfa = method
        } else if user[keyPath: enabled] != true || settings.PreferredMfa == false, user.preferredMfa == method {
            user.preferredMfa = nil
        }
    }

    /// The pool and user an MFA operation is about: from an access token, or from an MFA_SETUP session.
    private func mfaSubject(accessToken: String?, session: String?) throws(CognitoError) -> (LivePool, String, String?) {
        if let accessToken {
            let (pool, user) = try authenticate(accessToken: accessToken)
            return (pool, user.username, nil)
        }
        guard let session, let pending = pendingSignIns[session], pending.machine.awaitedChallenge == .mfaSetup, pending.expires > clock.now else {
            throw .notAuthorized("Invalid session for the user.")
        }
        return (try pool(pending.poolID), pending.username, session)
    }
}
