import EmulatorCrypto
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CognitoService {
    package static let signUpCodeValidity: Double = 24 * 3600
    package static let forgotPasswordCodeValidity: Double = 3600

    /// SignUp. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
    /// Runs the PreSignUp trigger (which may confirm the user and verify the e-mail or phone) and the
    /// CustomMessage trigger for the confirmation code.
    package func signUp(_ request: SignUpRequest) async throws(CognitoError) -> SignUpResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        if pool.configuration.allowAdminCreateUserOnly { throw .notAuthorized("SignUp is not permitted for this user pool") }
        let attributes = request.UserAttributes ?? []
        let sub = SecureRandom.uuidString()
        let (username, implied) = try newUsername(request.Username, attributes: attributes, pool: pool, sub: sub)
        try checkPolicy(request.Password, pool: pool)
        try validate(attributes + implied, in: pool, requireRequired: true)
        try checkWritable(attributes, client: client, pool: pool)
        let preSignUp = try await runTrigger(
            "PreSignUp",
            source: "PreSignUp_SignUp",
            pool: pool,
            username: username,
            clientID: client.id,
            request: .init(
                userAttributes: Self.attributeMap(implied + attributes),
                validationData: request.ValidationData.map(Self.attributeMap),
                clientMetadata: request.ClientMetadata
            )
        )
        let confirmed = preSignUp?.autoConfirmUser == true
        let now = clock.now
        var user = StoredUser(newIn: pool.id, username: username, sub: sub, status: confirmed ? .confirmed : .unconfirmed, at: now)
        apply(implied + attributes + Self.autoVerified(preSignUp), to: &user)
        setVerifier(await Self.makeVerifier(request.Password, username: username, pool: pool), on: &user)
        let created = user
        let code: PendingCode? = try await committed { [self] db in
            try insertNew(created, pool: pool, existing: "User already exists", db)
            let verifies = pool.configuration.autoVerifiedAttributes
            let target =
                verifies.contains("email") && created.email != nil
                ? "email" : verifies.contains("phone_number") && created.phoneNumber != nil ? "phone_number" : nil
            guard let target, !confirmed else { return nil }
            return try sendCode(
                purpose: "signup",
                trigger: "SignUp",
                to: created,
                pool: pool,
                validity: Self.signUpCodeValidity,
                preferring: target,
                db
            )
        }
        if let code {
            try await deliver(
                code,
                occasion: .signUp,
                user: created,
                pool: pool,
                clientID: client.id,
                clientMetadata: request.ClientMetadata
            )
        }
        return SignUpResponse(UserConfirmed: confirmed, CodeDeliveryDetails: code?.delivery, UserSub: user.sub)
    }

    /// The attributes a PreSignUp answer marks verified.
    static func autoVerified(_ response: CognitoTriggerEvent.Response?) -> [AttributeType] {
        (response?.autoVerifyEmail == true ? [AttributeType(Name: "email_verified", Value: "true")] : [])
            + (response?.autoVerifyPhone == true ? [AttributeType(Name: "phone_number_verified", Value: "true")] : [])
    }

    /// Attributes as a trigger event's name → value map.
    static func attributeMap(_ attributes: [AttributeType]) -> [String: String] {
        Dictionary(attributes.map { ($0.Name, $0.Value ?? "") }, uniquingKeysWith: { _, last in last })
    }

    /// ConfirmSignUp; then the PostConfirmation trigger.
    package func confirmSignUp(_ request: ConfirmSignUpRequest) async throws(CognitoError) -> EmptyResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        let confirmed: StoredUser = try database { db in
            guard var user = try lookupUser(pool, request.Username, db) else {
                throw client.configuration.preventUserExistenceErrors ? CognitoError.codeMismatch() : CognitoError.userNotFound()
            }
            guard user.status == .unconfirmed else {
                throw CognitoError.notAuthorized("User cannot be confirmed. Current status is \(user.status.rawValue)")
            }
            try consumeCode(request.ConfirmationCode, purpose: "signup", user: user, pool: pool, db)
            user.status = .confirmed
            let verified = deliveryDetails(for: user)?.AttributeName == "phone_number" ? "phone_number_verified" : "email_verified"
            apply([AttributeType(Name: verified, Value: "true")], to: &user)
            user.modified = clock.now
            try user.update(db)
            return user
        }
        try await postConfirmation(
            confirmed,
            source: "PostConfirmation_ConfirmSignUp",
            pool: pool,
            clientID: client.id,
            clientMetadata: request.ClientMetadata
        )
        return EmptyResponse()
    }

    /// The PostConfirmation trigger, after a user was confirmed or reset their password.
    func postConfirmation(
        _ user: StoredUser,
        source: String,
        pool: LivePool,
        clientID: String?,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) {
        _ = try await runTrigger(
            "PostConfirmation",
            source: source,
            pool: pool,
            username: user.username,
            clientID: clientID,
            request: .init(userAttributes: triggerAttributes(of: user), clientMetadata: clientMetadata)
        )
    }

    /// ResendConfirmationCode.
    package func resendConfirmationCode(_ request: ResendConfirmationCodeRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        let sent: CodeOutcome = try database { db in
            guard let user = try lookupUser(pool, request.Username, db) else { return .unknownUser }
            guard user.status == .unconfirmed else { throw CognitoError.invalidParameter("User is already confirmed.") }
            return CodeOutcome(
                try sendCode(purpose: "signup", trigger: "ResendConfirmationCode", to: user, pool: pool, validity: Self.signUpCodeValidity, db),
                user
            )
        }
        return CodeDeliveryResponse(
            CodeDeliveryDetails: try await deliver(
                sent,
                occasion: .resendCode,
                pool: pool,
                client: client,
                clientMetadata: request.ClientMetadata
            )
        )
    }

    /// What a code-sending operation did.
    private enum CodeOutcome {
        case unknownUser
        case nowhereToSend
        case created(PendingCode, StoredUser)

        init(_ code: PendingCode?, _ user: StoredUser) {
            self = code.map { .created($0, user) } ?? .nowhereToSend
        }
    }

    /// Delivers the code an operation created, and answers where it went.
    private func deliver(
        _ outcome: CodeOutcome,
        occasion: MessageOccasion,
        pool: LivePool,
        client: LiveClient,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> CodeDeliveryDetailsType? {
        switch outcome {
        case .unknownUser: return try maskedDelivery(client)
        case .nowhereToSend: return nil
        case .created(let code, let user):
            try await deliver(code, occasion: occasion, user: user, pool: pool, clientID: client.id, clientMetadata: clientMetadata)
            return code.delivery
        }
    }

    /// ForgotPassword.
    package func forgotPassword(_ request: ForgotPasswordRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        if try database({ db in try lookupUser(pool, request.Username, db) }, write: false) == nil {
            _ = try await migrateUser(request.Username, password: nil, client: client, pool: pool, clientMetadata: request.ClientMetadata)
        }
        let sent: CodeOutcome = try database { db in
            guard let user = try lookupUser(pool, request.Username, db) else { return .unknownUser }
            guard user.enabled else { throw CognitoError.userDisabled }
            let emailVerified = attribute("email_verified", of: user) == "true" && user.email != nil
            let phoneVerified = attribute("phone_number_verified", of: user) == "true" && user.phoneNumber != nil
            guard emailVerified || phoneVerified else {
                throw CognitoError.invalidParameter("Cannot reset password for the user as there is no registered/verified email or phone_number")
            }
            return CodeOutcome(
                try sendCode(
                    purpose: "forgot-password",
                    trigger: "ForgotPassword",
                    to: user,
                    pool: pool,
                    validity: Self.forgotPasswordCodeValidity,
                    db
                ),
                user
            )
        }
        return CodeDeliveryResponse(
            CodeDeliveryDetails: try await deliver(
                sent,
                occasion: .forgotPassword,
                pool: pool,
                client: client,
                clientMetadata: request.ClientMetadata
            )
        )
    }

    /// ConfirmForgotPassword.
    package func confirmForgotPassword(_ request: ConfirmForgotPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        let client = try client(request.ClientId)
        let pool = try pool(client.poolID)
        try checkSecretHash(request.SecretHash, username: request.Username, client: client)
        try checkPolicy(request.Password, pool: pool)
        let found = try database({ db in try lookupUser(pool, request.Username, db)?.username }, write: false)
        guard let username = found else {
            throw client.configuration.preventUserExistenceErrors ? CognitoError.codeMismatch() : CognitoError.userNotFound()
        }
        let verifier = await Self.makeVerifier(request.Password, username: username, pool: pool)
        let reset: StoredUser = try database { db in
            var user = try requireUser(pool, username, db)
            try consumeCode(request.ConfirmationCode, purpose: "forgot-password", user: user, pool: pool, db)
            setVerifier(verifier, on: &user)
            if user.status == .resetRequired || user.status == .forceChangePassword { user.status = .confirmed }
            user.temporaryPasswordExpires = nil
            user.modified = clock.now
            try user.update(db)
            return user
        }
        try await postConfirmation(
            reset,
            source: "PostConfirmation_ConfirmForgotPassword",
            pool: pool,
            clientID: client.id,
            clientMetadata: request.ClientMetadata
        )
        return EmptyResponse()
    }

    /// GetUser.
    package nonisolated func getUser(_ request: GetUserRequest) throws(CognitoError) -> GetUserResponse {
        let (_, user) = try authenticate(accessToken: request.AccessToken)
        return GetUserResponse(
            Username: user.username,
            UserAttributes: attributes(of: user),
            UserMFASettingList: mfaSettings(of: user),
            PreferredMfaSetting: user.preferredMfa?.rawValue
        )
    }

    /// UpdateUserAttributes.
    package func updateUserAttributes(_ request: UpdateUserAttributesRequest) async throws(CognitoError) -> UpdateUserAttributesResponse {
        let (pool, current) = try authenticate(accessToken: request.AccessToken)
        let client = try accessTokenClient(request.AccessToken)
        try validate(request.UserAttributes, in: pool, requireRequired: false)
        try checkMutable(request.UserAttributes, pool: pool)
        try checkWritable(request.UserAttributes, client: client, pool: pool)
        let (codes, updated): ([PendingCode], StoredUser) = try database { db in
            var user = current
            var changes = request.UserAttributes
            var codes: [PendingCode] = []
            for name in ["email", "phone_number"] {
                guard let value = changes.first(where: { $0.Name == name })?.Value, value != attribute(name, of: user) else { continue }
                changes.append(AttributeType(Name: name + "_verified", Value: "false"))
                var preview = user
                apply(changes, to: &preview)
                if pool.configuration.autoVerifiedAttributes.contains(name),
                    let code = try sendCode(
                        purpose: "verify:\(name)",
                        trigger: "UpdateUserAttributes",
                        to: preview,
                        pool: pool,
                        validity: Self.signUpCodeValidity,
                        db
                    )
                {
                    codes.append(code)
                }
            }
            apply(changes, to: &user)
            user.modified = clock.now
            try user.update(db)
            return (codes, user)
        }
        for code in codes {
            try await deliver(
                code,
                occasion: .updateUserAttribute,
                user: updated,
                pool: pool,
                clientID: client.id,
                clientMetadata: request.ClientMetadata
            )
        }
        return UpdateUserAttributesResponse(CodeDeliveryDetailsList: codes.map(\.delivery))
    }

    /// DeleteUser.
    package func deleteUser(_ request: DeleteUserRequest) throws(CognitoError) -> EmptyResponse {
        let (_, user) = try authenticate(accessToken: request.AccessToken)
        try database { db in try deleteUser(user, db) }
        return EmptyResponse()
    }

    /// GlobalSignOut: every refresh, ID and access token of the user stops working.
    package func globalSignOut(_ request: GlobalSignOutRequest) throws(CognitoError) -> EmptyResponse {
        let (_, user) = try authenticate(accessToken: request.AccessToken)
        try database { db in try revokeSessions(of: user, db) }
        return EmptyResponse()
    }

    /// ChangePassword.
    package func changePassword(_ request: ChangePasswordRequest) async throws(CognitoError) -> EmptyResponse {
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

    /// For an unknown user: a plausible delivery when the client hides user existence, else
    /// UserNotFoundException with the text ForgotPassword and ResendConfirmationCode give.
    private func maskedDelivery(_ client: LiveClient) throws(CognitoError) -> CodeDeliveryDetailsType {
        guard client.configuration.preventUserExistenceErrors else { throw .userNotFound("Username/client id combination not found.") }
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
