#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GRDB

extension CognitoService {
    static let signUpCodeValidity: Double = 24 * 3600
    static let forgotPasswordCodeValidity: Double = 3600

    /// SignUp. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
    public func signUp(_ request: SignUpRequest) async throws(CognitoError) -> SignUpResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        if pool.configuration.allowAdminCreateUserOnly { throw .notAuthorized("SignUp is not permitted for this user pool") }
        let attributes = request.UserAttributes ?? []
        let sub = UUID().uuidString.lowercased()
        let (username, implied) = try newUsername(request.Username, attributes: attributes, pool: pool, sub: sub)
        try checkPolicy(request.Password, pool: pool)
        try validate(attributes + implied, in: pool, requireRequired: true)
        try checkWritable(attributes, client: client, pool: pool)
        let now = clock.now
        var user = StoredUser(
            poolId: pool.id, username: username, sub: sub, status: "UNCONFIRMED", enabled: true,
            attributes: "[]", failedAttempts: 0, created: now, modified: now)
        apply(implied + attributes, to: &user)
        setVerifier(await Self.makeVerifier(request.Password, username: username, pool: pool), on: &user)
        let created = user
        let delivery: CodeDeliveryDetailsType? = try database { db in
            if try StoredUser.fetchOne(db, key: ["poolId": pool.id, "username": username]) != nil {
                throw CognitoError.usernameExists("User already exists")
            }
            if pool.configuration.usernameAttributes.contains("email"), let email = created.email,
                try StoredUser.filter(Column("poolId") == pool.id && Column("email") == email).fetchCount(db) > 0
            {
                throw CognitoError.usernameExists("An account with the given email already exists.")
            }
            try created.insert(db)
            let verifies = pool.configuration.autoVerifiedAttributes
            let target = verifies.contains("email") && created.email != nil ? "email" : verifies.contains("phone_number") && created.phoneNumber != nil ? "phone_number" : nil
            guard let target else { return nil }
            return try sendCode(purpose: "signup", trigger: "SignUp", to: created, pool: pool, validity: Self.signUpCodeValidity, db)
                .map { _ in deliveryDetails(for: created, preferring: target)! }
        }
        return SignUpResponse(UserConfirmed: false, CodeDeliveryDetails: delivery, UserSub: user.sub)
    }

    /// ConfirmSignUp.
    public func confirmSignUp(_ request: ConfirmSignUpRequest) throws(CognitoError) -> EmptyResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        try database { db in
            guard var user = try lookupUser(pool, request.Username, db) else {
                throw client.configuration.preventUserExistenceErrors ? CognitoError.codeMismatch() : CognitoError.userNotFound()
            }
            guard user.status == "UNCONFIRMED" else {
                throw CognitoError.notAuthorized("User cannot be confirmed. Current status is \(user.status)")
            }
            try consumeCode(request.ConfirmationCode, purpose: "signup", user: user, pool: pool, db)
            user.status = "CONFIRMED"
            let verified = deliveryDetails(for: user)?.AttributeName == "phone_number" ? "phone_number_verified" : "email_verified"
            apply([AttributeType(Name: verified, Value: "true")], to: &user)
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }

    /// ResendConfirmationCode.
    public func resendConfirmationCode(_ request: ClientUsernameRequest) throws(CognitoError) -> CodeDeliveryResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        let delivery: CodeDeliveryDetailsType? = try database { db in
            guard let user = try lookupUser(pool, request.Username, db) else { return try maskedDelivery(client) }
            guard user.status == "UNCONFIRMED" else { throw CognitoError.invalidParameter("User is already confirmed.") }
            return try sendCode(purpose: "signup", trigger: "ResendConfirmationCode", to: user, pool: pool, validity: Self.signUpCodeValidity, db)
        }
        return CodeDeliveryResponse(CodeDeliveryDetails: delivery)
    }

    /// ForgotPassword.
    public func forgotPassword(_ request: ClientUsernameRequest) throws(CognitoError) -> CodeDeliveryResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        let delivery: CodeDeliveryDetailsType? = try database { db in
            guard let user = try lookupUser(pool, request.Username, db) else { return try maskedDelivery(client) }
            guard user.enabled else { throw CognitoError.userDisabled }
            let emailVerified = attribute("email_verified", of: user) == "true" && user.email != nil
            let phoneVerified = attribute("phone_number_verified", of: user) == "true" && user.phoneNumber != nil
            guard emailVerified || phoneVerified else {
                throw CognitoError.invalidParameter("Cannot reset password for the user as there is no registered/verified email or phone_number")
            }
            return try sendCode(purpose: "forgot-password", trigger: "ForgotPassword", to: user, pool: pool,
                                validity: Self.forgotPasswordCodeValidity, db)
        }
        return CodeDeliveryResponse(CodeDeliveryDetails: delivery)
    }

    /// ConfirmForgotPassword.
    public func confirmForgotPassword(_ request: ConfirmForgotPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        try checkPolicy(request.Password, pool: pool)
        let found = try database({ db in try lookupUser(pool, request.Username, db)?.username }, write: false)
        guard let username = found else {
            throw client.configuration.preventUserExistenceErrors ? CognitoError.codeMismatch() : CognitoError.userNotFound()
        }
        let verifier = await Self.makeVerifier(request.Password, username: username, pool: pool)
        try database { db in
            var user = try requireUser(pool, username, db)
            try consumeCode(request.ConfirmationCode, purpose: "forgot-password", user: user, pool: pool, db)
            setVerifier(verifier, on: &user)
            if user.status == "RESET_REQUIRED" || user.status == "FORCE_CHANGE_PASSWORD" { user.status = "CONFIRMED" }
            user.temporaryPasswordExpires = nil
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }

    /// GetUser.
    public nonisolated func getUser(_ request: AccessTokenRequest) throws(CognitoError) -> GetUserResponse {
        let (_, user) = try authenticate(accessToken: request.AccessToken)
        return GetUserResponse(Username: user.username, UserAttributes: attributes(of: user), UserMFASettingList: nil)
    }

    /// UpdateUserAttributes.
    public func updateUserAttributes(_ request: UpdateUserAttributesRequest) throws(CognitoError) -> UpdateUserAttributesResponse {
        let (pool, current) = try authenticate(accessToken: request.AccessToken)
        let client = try accessTokenClient(request.AccessToken)
        try validate(request.UserAttributes, in: pool, requireRequired: false)
        try checkMutable(request.UserAttributes, pool: pool)
        try checkWritable(request.UserAttributes, client: client, pool: pool)
        let deliveries: [CodeDeliveryDetailsType] = try database { db in
            var user = current
            var changes = request.UserAttributes
            var deliveries: [CodeDeliveryDetailsType] = []
            for name in ["email", "phone_number"] {
                guard let value = changes.first(where: { $0.Name == name })?.Value, value != attribute(name, of: user) else { continue }
                changes.append(AttributeType(Name: name + "_verified", Value: "false"))
                var preview = user
                apply(changes, to: &preview)
                if pool.configuration.autoVerifiedAttributes.contains(name),
                    let delivery = try sendCode(purpose: "verify:\(name)", trigger: "UpdateUserAttributes", to: preview, pool: pool, validity: Self.signUpCodeValidity, db)
                {
                    deliveries.append(delivery)
                }
            }
            apply(changes, to: &user)
            user.modified = clock.now
            try user.update(db)
            return deliveries
        }
        return UpdateUserAttributesResponse(CodeDeliveryDetailsList: deliveries)
    }

    /// DeleteUser.
    public func deleteUser(_ request: AccessTokenRequest) throws(CognitoError) -> EmptyResponse {
        let (_, user) = try authenticate(accessToken: request.AccessToken)
        try database { db in try deleteUser(user, db) }
        return EmptyResponse()
    }

    /// GlobalSignOut: every refresh, ID and access token of the user stops working.
    public func globalSignOut(_ request: AccessTokenRequest) throws(CognitoError) -> EmptyResponse {
        let (_, user) = try authenticate(accessToken: request.AccessToken)
        try database { db in try revokeSessions(of: user, db) }
        return EmptyResponse()
    }

    /// ChangePassword.
    public func changePassword(_ request: ChangePasswordRequest) async throws(CognitoError) -> EmptyResponse {
        let (pool, current) = try authenticate(accessToken: request.AccessToken)
        guard let previous = request.PreviousPassword, await Self.passwordMatches(previous, user: current, pool: pool) else {
            throw .incorrectCredentials
        }
        try checkPolicy(request.ProposedPassword, pool: pool)
        let verifier = await Self.makeVerifier(request.ProposedPassword, username: current.username, pool: pool)
        try database { db in
            var user = try requireUser(pool, current.username, db)
            setVerifier(verifier, on: &user)
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }

    /// For an unknown user: a plausible delivery when the client hides user existence, else UserNotFoundException.
    private func maskedDelivery(_ client: LiveClient) throws(CognitoError) -> CodeDeliveryDetailsType {
        guard client.configuration.preventUserExistenceErrors else { throw .userNotFound() }
        return CodeDeliveryDetailsType(Destination: "u***@e***", DeliveryMedium: "EMAIL", AttributeName: "email")
    }

    /// Refuses attributes the client may not write (`WriteAttributes`).
    func checkWritable(_ attributes: [AttributeType], client: LiveClient, pool: LivePool) throws(CognitoError) {
        let writable = client.configuration.writeAttributes
        guard !writable.isEmpty else { return }
        for attribute in attributes where !writable.contains(attribute.Name) && !attribute.Name.hasSuffix("_verified") {
            throw .notAuthorized("A client attempted to write unauthorized attribute")
        }
    }
}
