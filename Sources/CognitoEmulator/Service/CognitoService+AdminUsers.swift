#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GRDB
import Logging

extension CognitoService {
    /// AdminCreateUser. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
    public func adminCreateUser(_ request: AdminCreateUserRequest) async throws(CognitoError) -> AdminCreateUserResponse {
        let pool = try pool(request.UserPoolId)
        let attributes = request.UserAttributes ?? []
        if request.MessageAction == "RESEND" {
            let user = try database { db in try requireUser(pool, request.Username, db) }
            guard user.status == "FORCE_CHANGE_PASSWORD" else { throw .unsupportedOperation("Resend is not allowed for the user in the current state.") }
            return AdminCreateUserResponse(User: userType(user))
        }
        if let action = request.MessageAction, action != "SUPPRESS" {
            throw .invalidParameter("1 validation error detected: Value '\(action)' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]")
        }
        let sub = UUID().uuidString.lowercased()
        let (username, implied) = try newUsername(request.Username, attributes: attributes, pool: pool, sub: sub)
        try validate(attributes + implied, in: pool, requireRequired: true)
        let password = request.TemporaryPassword ?? pool.configuration.passwordPolicy.generatePassword()
        if request.TemporaryPassword != nil { try checkPolicy(password, pool: pool) }
        let mediums = request.DesiredDeliveryMediums ?? ["SMS"]
        let now = clock.now
        var user = StoredUser(
            poolId: pool.id, username: username, sub: sub, status: "FORCE_CHANGE_PASSWORD", enabled: true,
            attributes: "[]", failedAttempts: 0, created: now, modified: now)
        apply(implied + attributes, to: &user)
        setVerifier(await Self.makeVerifier(password, username: username, pool: pool), on: &user)
        user.temporaryPasswordExpires = now + Double(pool.configuration.passwordPolicy.TemporaryPasswordValidityDays) * 86_400
        let created = user
        try database { db in
            if try StoredUser.fetchOne(db, key: ["poolId": pool.id, "username": username]) != nil {
                throw CognitoError.usernameExists("User account already exists")
            }
            if pool.configuration.usernameAttributes.contains("email"), let email = created.email,
                try StoredUser.filter(Column("poolId") == pool.id && Column("email") == email).fetchCount(db) > 0
            {
                throw CognitoError.usernameExists("An account with the given email already exists.")
            }
            try created.insert(db)
        }
        if request.MessageAction == nil {
            let email = attribute("email", of: user)
            let phone = attribute("phone_number", of: user)
            for medium in mediums {
                guard let destination = medium == "EMAIL" ? email : phone else { continue }
                outbox.append(OutboxMessage(
                    userPoolId: pool.id, username: username, trigger: "AdminCreateUser", deliveryMedium: medium, destination: destination,
                    code: nil, message: "Your username is \(request.Username) and temporary password is \(password).", sentAt: now))
                logger.info("AdminCreateUser invitation for \(username) in \(pool.id) sent to the outbox (GET /_emulate/messages)")
            }
        }
        return AdminCreateUserResponse(User: userType(user))
    }

    /// AdminSetUserPassword.
    public func adminSetUserPassword(_ request: AdminSetUserPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try checkPolicy(request.Password, pool: pool)
        let username = try database({ db in try requireUser(pool, request.Username, db).username }, write: false)
        let verifier = await Self.makeVerifier(request.Password, username: username, pool: pool)
        try database { db in
            var user = try requireUser(pool, username, db)
            setVerifier(verifier, on: &user)
            if request.Permanent == true {
                user.status = "CONFIRMED"
                user.temporaryPasswordExpires = nil
            } else {
                user.status = "FORCE_CHANGE_PASSWORD"
                user.temporaryPasswordExpires = clock.now + Double(pool.configuration.passwordPolicy.TemporaryPasswordValidityDays) * 86_400
            }
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }

    /// AdminGetUser.
    public func adminGetUser(_ request: AdminUserRequest) throws(CognitoError) -> AdminGetUserResponse {
        let pool = try pool(request.UserPoolId)
        let user = try database({ db in try requireUser(pool, request.Username, db) }, write: false)
        return AdminGetUserResponse(
            Username: user.username, UserAttributes: attributes(of: user), UserCreateDate: user.created,
            UserLastModifiedDate: user.modified, Enabled: user.enabled, UserStatus: user.status, UserMFASettingList: nil)
    }

    /// AdminConfirmSignUp.
    public func adminConfirmSignUp(_ request: AdminUserRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in
            var user = try requireUser(pool, request.Username, db)
            guard user.status == "UNCONFIRMED" else {
                throw CognitoError.notAuthorized("User cannot be confirmed. Current status is \(user.status)")
            }
            user.status = "CONFIRMED"
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }

    /// AdminUpdateUserAttributes.
    public func adminUpdateUserAttributes(_ request: AdminUpdateUserAttributesRequest) throws(CognitoError) -> EmptyResponse {
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
    public func adminDeleteUser(_ request: AdminUserRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in try deleteUser(try requireUser(pool, request.Username, db), db) }
        return EmptyResponse()
    }

    /// AdminDisableUser: the user can no longer sign in, and their tokens are revoked.
    public func adminDisableUser(_ request: AdminUserRequest) throws(CognitoError) -> EmptyResponse {
        try setEnabled(false, request)
    }

    /// AdminEnableUser.
    public func adminEnableUser(_ request: AdminUserRequest) throws(CognitoError) -> EmptyResponse {
        try setEnabled(true, request)
    }

    private func setEnabled(_ enabled: Bool, _ request: AdminUserRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        try database { db in
            var user = try requireUser(pool, request.Username, db)
            user.enabled = enabled
            user.modified = clock.now
            try user.update(db)
            if !enabled { try revokeSessions(of: user, db) }
        }
        return EmptyResponse()
    }

    /// AdminUserGlobalSignOut.
    public func adminUserGlobalSignOut(_ request: AdminUserRequest) throws(CognitoError) -> EmptyResponse {
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
