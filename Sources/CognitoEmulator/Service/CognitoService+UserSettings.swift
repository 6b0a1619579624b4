import GRDB

/// A user's password reset by an administrator, attribute deletion, and the legacy MFA settings.
extension CognitoService {
    /// AdminResetUserPassword: the user's status becomes `RESET_REQUIRED` (sign-in answers
    /// PasswordResetRequiredException) and a code goes to their verified e-mail or phone, to be used
    /// with ConfirmForgotPassword.
    package func adminResetUserPassword(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        guard let username = request["Username"]?.stringValue else { throw .missing("Username") }
        let (code, user): (PendingCode?, StoredUser) = try database { db in
            var user = try requireUser(pool, username, db)
            let emailVerified = attribute("email_verified", of: user) == "true" && user.email != nil
            let phoneVerified = attribute("phone_number_verified", of: user) == "true" && user.phoneNumber != nil
            guard emailVerified || phoneVerified else {
                throw CognitoError.invalidParameter("Cannot reset password for the user as there is no registered/verified email or phone_number")
            }
            user.status = .resetRequired
            user.modified = clock.now
            try user.update(db)
            let code = try sendCode(
                purpose: "forgot-password",
                trigger: "AdminResetUserPassword",
                to: user,
                pool: pool,
                validity: Self.forgotPasswordCodeValidity,
                db
            )
            return (code, user)
        }
        if let code {
            try await deliver(
                code,
                occasion: .forgotPassword,
                user: user,
                pool: pool,
                clientID: nil,
                clientMetadata: Self.metadata(request)
            )
        }
        return EmptyResponse()
    }

    /// AdminDeleteUserAttributes.
    package func adminDeleteUserAttributes(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        guard let username = request["Username"]?.stringValue else { throw .missing("Username") }
        try deleteAttributes(Self.names(request), pool: pool) { db in try requireUser(pool, username, db) }
        return EmptyResponse()
    }

    /// DeleteUserAttributes: the signed-in user's own attributes.
    package func deleteUserAttributes(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, current) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        try deleteAttributes(Self.names(request), pool: pool) { db in try requireUser(pool, current.username, db) }
        return EmptyResponse()
    }

    /// AdminSetUserSettings: the legacy `MFAOptions` (SMS text-message MFA on or off).
    package func adminSetUserSettings(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        guard let username = request["Username"]?.stringValue else { throw .missing("Username") }
        try setSMSMFA(Self.smsOption(request), pool: pool) { db in try requireUser(pool, username, db) }
        return EmptyResponse()
    }

    /// SetUserSettings: the signed-in user's own legacy `MFAOptions`.
    package func setUserSettings(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, current) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        try setSMSMFA(Self.smsOption(request), pool: pool) { db in try requireUser(pool, current.username, db) }
        return EmptyResponse()
    }

    private func deleteAttributes(_ names: [String], pool: LivePool, user find: (Database) throws -> StoredUser) throws(CognitoError) {
        for name in names {
            if name == "sub" || pool.configuration.requiredAttributes.contains(where: { $0.Name == name }) {
                throw .invalidParameter("Cannot delete the required attribute \(name)")
            }
        }
        try checkMutable(names.map { AttributeType(Name: $0, Value: nil) }, pool: pool)
        try database { db in
            var user = try find(db)
            apply(names.map { AttributeType(Name: $0, Value: nil) }, to: &user)
            user.modified = clock.now
            try user.update(db)
        }
    }

    private func setSMSMFA(_ enabled: Bool, pool: LivePool, user find: (Database) throws -> StoredUser) throws(CognitoError) {
        try database { db in
            var user = try find(db)
            guard !enabled || user.phoneNumber != nil else {
                throw CognitoError.invalidParameter("User does not have delivery config set to turn on SMS_MFA")
            }
            user.mfaSMS = enabled
            if !enabled, user.preferredMfa == .sms { user.preferredMfa = nil }
            user.modified = clock.now
            try user.update(db)
        }
    }

    private static func names(_ request: JSONDocument) -> [String] {
        guard case .array(let items)? = request["UserAttributeNames"] else { return [] }
        return items.compactMap(\.stringValue)
    }

    private static func smsOption(_ request: JSONDocument) -> Bool {
        guard case .array(let options)? = request["MFAOptions"] else { return false }
        return options.contains { $0["DeliveryMedium"]?.stringValue == "SMS" }
    }

    static func metadata(_ request: JSONDocument) -> [String: String]? {
        guard case .object(let members)? = request["ClientMetadata"] else { return nil }
        return Dictionary(members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }, uniquingKeysWith: { _, last in last })
    }
}
