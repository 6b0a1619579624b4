import EmulatorCrypto
import GRDB
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CognitoService {
    /// AdminCreateUser. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
    package func adminCreateUser(_ request: AdminCreateUserRequest) async throws(CognitoError) -> AdminCreateUserResponse {
        let pool = try pool(request.UserPoolId)
        let attributes = request.UserAttributes ?? []
        if request.MessageAction == "RESEND" {
            let user = try database { db in try requireUser(pool, request.Username, db) }
            guard user.status == .forceChangePassword else {
                throw .unsupportedOperation("Resend is not allowed for the user in the current state.")
            }
            return AdminCreateUserResponse(User: userType(user))
        }
        if let action = request.MessageAction, action != "SUPPRESS" {
            throw .invalidParameter(
                "1 validation error detected: Value '\(action)' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]"
            )
        }
        let sub = SecureRandom.uuidString()
        let (username, implied) = try newUsername(request.Username, attributes: attributes, pool: pool, sub: sub)
        try validate(attributes + implied, in: pool, requireRequired: true)
        let password = request.TemporaryPassword ?? pool.configuration.passwordPolicy.generatePassword()
        if request.TemporaryPassword != nil { try checkPolicy(password, pool: pool) }
        let mediums = request.DesiredDeliveryMediums ?? ["SMS"]
        let preSignUp = try await runTrigger(
            "PreSignUp",
            source: "PreSignUp_AdminCreateUser",
            pool: pool,
            username: username,
            clientID: nil,
            request: .init(
                userAttributes: Self.attributeMap(implied + attributes),
                validationData: request.ValidationData.map(Self.attributeMap),
                clientMetadata: request.ClientMetadata
            )
        )
        let now = clock.now
        var user = StoredUser(newIn: pool.id, username: username, sub: sub, status: .forceChangePassword, at: now)
        apply(implied + attributes + Self.autoVerified(preSignUp), to: &user)
        setVerifier(await Self.makeVerifier(password, username: username, pool: pool), on: &user)
        user.temporaryPasswordExpires = now + Double(pool.configuration.passwordPolicy.TemporaryPasswordValidityDays) * 86_400
        let created = user
        try await committed { [self] db in try insertNew(created, pool: pool, existing: "User account already exists", db) }
        if request.MessageAction == nil {
            try await sendInvitation(
                to: created,
                named: request.Username,
                password: password,
                mediums: mediums,
                pool: pool,
                clientMetadata: request.ClientMetadata
            )
        }
        return AdminCreateUserResponse(User: userType(user))
    }

    /// AdminCreateUser's invitation to each medium the user has an address for (CustomMessage's text
    /// must keep `{username}` and `{####}`, the temporary password, or Cognito's default is sent).
    private func sendInvitation(
        to user: StoredUser,
        named name: String,
        password: String,
        mediums: [String],
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) {
        for medium in mediums.compactMap(CodeDelivery.init(rawValue:)) {
            guard let destination = attribute(medium == .email ? "email" : "phone_number", of: user) else { continue }
            let message = OutgoingMessage(
                medium: medium,
                destination: destination,
                label: "AdminCreateUser",
                occasion: .adminCreateUser,
                content: .invitation(username: name, temporaryPassword: password),
                defaultText: "Your username is \(name) and temporary password is \(password)."
            )
            try await send(message, to: user, pool: pool, clientID: nil, clientMetadata: clientMetadata)
        }
    }

    /// AdminSetUserPassword.
    package func adminSetUserPassword(_ request: AdminSetUserPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try checkPolicy(request.Password, pool: pool)
        let username = try database({ db in try requireUser(pool, request.Username, db).username }, write: false)
        let verifier = await Self.makeVerifier(request.Password, username: username, pool: pool)
        try database { db in
            var user = try requireUser(pool, username, db)
            setVerifier(verifier, on: &user)
            if request.Permanent == true {
                user.status = .confirmed
                user.temporaryPasswordExpires = nil
            } else {
                user.status = .forceChangePassword
                user.temporaryPasswordExpires = clock.now + Double(pool.configuration.passwordPolicy.TemporaryPasswordValidityDays) * 86_400
            }
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }

    /// AdminGetUser.
    package func adminGetUser(_ request: AdminGetUserRequest) throws(CognitoError) -> AdminGetUserResponse {
        let pool = try pool(request.UserPoolId)
        let user = try database({ db in try requireUser(pool, request.Username, db) }, write: false)
        return AdminGetUserResponse(
            Username: user.username,
            UserAttributes: attributes(of: user),
            UserCreateDate: user.created,
            UserLastModifiedDate: user.modified,
            Enabled: user.enabled,
            UserStatus: user.status.rawValue,
            UserMFASettingList: mfaSettings(of: user),
            PreferredMfaSetting: user.preferredMfa?.rawValue
        )
    }

    /// AdminConfirmSignUp; then the PostConfirmation trigger.
    package func adminConfirmSignUp(_ request: AdminConfirmSignUpRequest) async throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        let confirmed: StoredUser = try database { db in
            var user = try requireUser(pool, request.Username, db)
            guard user.status == .unconfirmed else {
                throw CognitoError.notAuthorized("User cannot be confirmed. Current status is \(user.status.rawValue)")
            }
            user.status = .confirmed
            user.modified = clock.now
            try user.update(db)
            return user
        }
        try await postConfirmation(
            confirmed,
            source: "PostConfirmation_ConfirmSignUp",
            pool: pool,
            clientID: nil,
            clientMetadata: request.ClientMetadata
        )
        return EmptyResponse()
    }

    /// AdminUpdateUserAttributes.
    package func adminUpdateUserAttributes(_ request: AdminUpdateUserAttributesRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try validate(request.UserAttributes, in: pool, requireRequired: false)
        try database { db in
            var user = try requireUser(pool, request.Username, db)
            try checkMutable(request.UserAttributes, pool: pool)
            var changes = request.UserAttributes
            if let email = changes.first(where: { $0.Name == "email" })?.Value, email.lowercased() != user.email,
                !changes.contains(where: { $0.Name == "email_verified" })
            {
                changes.append(AttributeType(Name: "email_verified", Value: "false"))
            }
            apply(changes, to: &user)
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }

    /// AdminDeleteUser.
    package func adminDeleteUser(_ request: AdminDeleteUserRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in try deleteUser(try requireUser(pool, request.Username, db), db) }
        return EmptyResponse()
    }

    /// AdminDisableUser: the user can no longer sign in, and their tokens are revoked.
    package func adminDisableUser(_ request: AdminDisableUserRequest) throws(CognitoError) -> EmptyResponse {
        try setEnabled(false, poolID: request.UserPoolId, username: request.Username)
    }

    /// AdminEnableUser.
    package func adminEnableUser(_ request: AdminEnableUserRequest) throws(CognitoError) -> EmptyResponse {
        try setEnabled(true, poolID: request.UserPoolId, username: request.Username)
    }

    private func setEnabled(_ enabled: Bool, poolID: String, username: String) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(poolID)
        try database { db in
            var user = try requireUser(pool, username, db)
            user.enabled = enabled
            user.modified = clock.now
            try user.update(db)
            if !enabled { try revokeSessions(of: user, db) }
        }
        return EmptyResponse()
    }

    /// AdminUserGlobalSignOut.
    package func adminUserGlobalSignOut(_ request: AdminUserGlobalSignOutRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in try revokeSessions(of: try requireUser(pool, request.Username, db), db) }
        return EmptyResponse()
    }

    func deleteUser(_ user: StoredUser, _ db: Database) throws {
        noteRevocation()
        try user.delete(db)
        try StoredSession.filter(Column("poolId") == user.poolId && Column("username") == user.username).deleteAll(db)
        try StoredCode.filter(Column("poolId") == user.poolId && Column("username") == user.username).deleteAll(db)
        try StoredMembership.filter(Column("poolId") == user.poolId && Column("username") == user.username).deleteAll(db)
        // The user's devices and sign-in events (`<pool>/<username>/…`).
        let prefix = "\(user.poolId)/\(user.username)/"
        let kinds: [DocumentKind] = [.device, .authEvent, .webAuthnCredential]
        try CognitoStore.deleteDocuments(kinds: kinds.map(\.rawValue), poolID: user.poolId, keyPrefix: prefix, db)
    }

    func revokeSessions(of user: StoredUser, _ db: Database) throws {
        noteRevocation()
        try StoredSession.filter(Column("poolId") == user.poolId && Column("username") == user.username)
            .updateAll(db, Column("revoked").set(to: true))
    }

    func checkMutable(_ attributes: [AttributeType], pool: LivePool) throws(CognitoError) {
        for attribute in attributes where pool.configuration.attribute(attribute.Name)?.Mutable == false {
            throw .notAuthorized("Cannot modify the non-mutable attribute \(attribute.Name)")
        }
    }
}
