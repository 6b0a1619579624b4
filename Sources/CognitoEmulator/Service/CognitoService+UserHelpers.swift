import EmulatorCrypto
import GRDB
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CognitoService {
    /// The user's attributes as Cognito lists them: `sub` first, then in the order they were set.
    nonisolated func attributes(of user: StoredUser) -> [AttributeType] {
        [AttributeType(Name: "sub", Value: user.sub)] + user.attributes.list
    }

    nonisolated func attribute(_ name: String, of user: StoredUser) -> String? {
        user.attributes[name]
    }

    func userType(_ user: StoredUser) -> UserType {
        UserType(
            Username: user.username,
            Attributes: attributes(of: user),
            UserCreateDate: user.created,
            UserLastModifiedDate: user.modified,
            Enabled: user.enabled,
            UserStatus: user.status.rawValue
        )
    }

    /// Sets attributes on a user (replacing same-named ones) and refreshes the alias columns.
    func apply(_ changes: [AttributeType], to user: inout StoredUser) {
        var current = user.attributes.list
        for change in changes {
            if let index = current.firstIndex(where: { $0.Name == change.Name }) {
                current[index].Value = change.Value
            } else {
                current.append(change)
            }
        }
        current.removeAll { $0.Value == nil || $0.Value == "" }
        user.attributes = StoredAttributes(current)
        let value: (String) -> String? = { name in current.first { $0.Name == name }?.Value }
        user.email = value("email")?.lowercased()
        user.phoneNumber = value("phone_number")
        user.preferredUsername = value("preferred_username")?.lowercased()
    }

    /// The username of the user `name` names in `poolID` — by username, a sign-in alias, or `sub` —
    /// or nil when there is none (for the outbox's queries).
    package func username(of name: String, poolID: String) -> String? {
        guard let pool = try? pool(poolID) else { return nil }
        return try? database(
            { db in
                try lookupUser(pool, name, db)?.username
                    ?? StoredUser.filter(Column("poolId") == pool.id && Column("sub") == name).fetchOne(db)?.username
            },
            write: false
        )
    }

    /// Finds a user by username, or by an e-mail or phone number the pool lets users sign in with.
    func lookupUser(_ pool: LivePool, _ name: String, _ db: Database) throws -> StoredUser? {
        if let user = try CognitoStore.user(poolID: pool.id, username: name, db) { return user }
        let configuration = pool.configuration
        let signInAttributes = Set(configuration.usernameAttributes + configuration.aliasAttributes)
        let lowered = name.lowercased()
        if signInAttributes.contains("email"), name.contains("@") {
            let candidates = try StoredUser.filter(Column("poolId") == pool.id && Column("email") == lowered).fetchAll(db)
                .filter { $0.status != .externalProvider }
            let byUsernameAttribute = configuration.usernameAttributes.contains("email")
            if let user = candidates.first(where: { byUsernameAttribute || attribute("email_verified", of: $0) == "true" }) { return user }
        }
        if signInAttributes.contains("phone_number"), name.hasPrefix("+") {
            let candidates = try StoredUser.filter(Column("poolId") == pool.id && Column("phoneNumber") == name).fetchAll(db)
                .filter { $0.status != .externalProvider }
            let byUsernameAttribute = configuration.usernameAttributes.contains("phone_number")
            if let user = candidates.first(where: { byUsernameAttribute || attribute("phone_number_verified", of: $0) == "true" }) { return user }
        }
        if signInAttributes.contains("preferred_username") {
            return try StoredUser.filter(Column("poolId") == pool.id && Column("preferredUsername") == lowered).fetchOne(db)
        }
        return nil
    }

    /// Inserts a new user, refusing a taken username (`existing` is the operation's own message) or, in a
    /// pool that signs in by e-mail, a taken e-mail.
    nonisolated func insertNew(_ user: StoredUser, pool: LivePool, existing: String, _ db: Database) throws {
        if try CognitoStore.user(poolID: pool.id, username: user.username, db) != nil { throw CognitoError.usernameExists(existing) }
        if pool.configuration.usernameAttributes.contains("email"), let email = user.email,
            try StoredUser.filter(Column("poolId") == pool.id && Column("email") == email).fetchAll(db).contains(where: {
                $0.status != .externalProvider
            })
        {
            throw CognitoError.usernameExists("An account with the given email already exists.")
        }
        try user.insert(db)
    }

    /// The user, or UserNotFoundException.
    func requireUser(_ pool: LivePool, _ name: String, _ db: Database) throws -> StoredUser {
        guard let user = try lookupUser(pool, name, db) else { throw CognitoError.userNotFound() }
        return user
    }

    /// Checks attributes against the pool's schema as Cognito does.
    /// - Parameter requireRequired: Whether every required attribute must be present (creation).
    func validate(_ attributes: [AttributeType], in pool: LivePool, requireRequired: Bool, existing: [AttributeType] = []) throws(CognitoError) {
        var problems: [String] = []
        for attribute in attributes {
            let name = attribute.Name
            if name == "sub" {
                problems.append("\(name): Attribute cannot be updated. (changing an immutable attribute)")
                continue
            }
            guard let schema = pool.configuration.attribute(name) else {
                problems.append("\(name): Attribute does not exist in the schema.")
                continue
            }
            let value = attribute.Value ?? ""
            if let maximum = schema.StringAttributeConstraints?.MaxLength.flatMap(Int.init), value.count > maximum {
                problems.append("\(name): String must be no longer than \(maximum) characters")
            }
            if let minimum = schema.StringAttributeConstraints?.MinLength.flatMap(Int.init), !value.isEmpty, value.count < minimum {
                problems.append("\(name): String must be no shorter than \(minimum) characters")
            }
            if schema.AttributeDataType == "Number", !value.isEmpty {
                guard let number = Double(value) else {
                    problems.append("\(name): Number must be a number")
                    continue
                }
                if let minimum = schema.NumberAttributeConstraints?.MinValue.flatMap(Double.init), number < minimum {
                    problems.append("\(name): Number must be no less than \(schema.NumberAttributeConstraints!.MinValue!)")
                }
                if let maximum = schema.NumberAttributeConstraints?.MaxValue.flatMap(Double.init), number > maximum {
                    problems.append("\(name): Number must be no greater than \(schema.NumberAttributeConstraints!.MaxValue!)")
                }
            }
            if schema.AttributeDataType == "Boolean", !["true", "false"].contains(value) {
                problems.append("\(name): Attribute value must be true or false")
            }
        }
        if requireRequired {
            let present = Set((existing + attributes).filter { !($0.Value ?? "").isEmpty }.map(\.Name))
            for schema in pool.configuration.requiredAttributes where !present.contains(schema.Name) {
                problems.append("\(schema.Name): The attribute is required")
            }
        }
        if !problems.isEmpty {
            throw .invalidParameter("Attributes did not conform to the schema: " + problems.joined(separator: "\n"))
        }
        if let email = attributes.first(where: { $0.Name == "email" })?.Value, !email.isEmpty, !Self.isEmail(email) {
            throw .invalidParameter("Invalid email address format.")
        }
        if let phone = attributes.first(where: { $0.Name == "phone_number" })?.Value, !phone.isEmpty, !Self.isPhoneNumber(phone) {
            throw .invalidParameter("Invalid phone number format.")
        }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(" ")
    }

    static func isPhoneNumber(_ text: String) -> Bool {
        text.hasPrefix("+") && text.count >= 3 && text.count <= 16 && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The username a new user gets and the attributes implied by it, under the pool's sign-in rules
    /// (where users sign in with an e-mail or phone number, the username is the `sub`).
    func newUsername(
        _ requested: String,
        attributes: [AttributeType],
        pool: LivePool,
        sub: String
    ) throws(CognitoError) -> (username: String, implied: [AttributeType]) {
        let configuration = pool.configuration
        guard !requested.isEmpty else {
            throw .invalidParameter(
                "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1"
            )
        }
        if !configuration.usernameAttributes.isEmpty {
            let allowsEmail = configuration.usernameAttributes.contains("email")
            let allowsPhone = configuration.usernameAttributes.contains("phone_number")
            if allowsEmail, Self.isEmail(requested) {
                return (sub, attributes.contains { $0.Name == "email" } ? [] : [AttributeType(Name: "email", Value: requested)])
            }
            if allowsPhone, Self.isPhoneNumber(requested) {
                return (sub, attributes.contains { $0.Name == "phone_number" } ? [] : [AttributeType(Name: "phone_number", Value: requested)])
            }
            throw .invalidParameter(
                allowsEmail && allowsPhone
                    ? "Username should be either an email or a phone number."
                    : allowsEmail ? "Username should be an email." : "Username should be a phone number."
            )
        }
        if configuration.aliasAttributes.contains("email"), Self.isEmail(requested) {
            throw .invalidParameter("Username cannot be of email format, since user pool is configured for email alias.")
        }
        if configuration.aliasAttributes.contains("phone_number"), Self.isPhoneNumber(requested) {
            throw .invalidParameter("Username cannot be of phone number format, since user pool is configured for phone_number alias.")
        }
        return (requested, [])
    }

    /// Checks the password against the pool's policy.
    func checkPolicy(_ password: String, pool: LivePool) throws(CognitoError) {
        if let violation = pool.configuration.passwordPolicy.violation(of: password) { throw .invalidPassword(violation) }
    }

    /// Computes a verifier for a new password off the actor (a 3072-bit modular exponentiation).
    nonisolated static func makeVerifier(_ password: String, username: String, pool: LivePool) async -> PasswordVerifier {
        PasswordVerifier(poolID: pool.id, username: username, password: password)
    }

    /// Stores a verifier on a user and clears the failure count.
    func setVerifier(_ verifier: PasswordVerifier, on user: inout StoredUser) {
        user.passwordSalt = verifier.salt
        user.passwordVerifier = Data(verifier.verifier)
        user.failedAttempts = 0
        user.lockedUntil = nil
    }

    /// Whether `password` matches the user's verifier, computed off the actor.
    nonisolated static func passwordMatches(_ password: String, user: StoredUser, pool: LivePool) async -> Bool {
        guard let salt = user.passwordSalt, let verifier = user.passwordVerifier else { return false }
        return PasswordVerifier(salt: salt, verifier: [UInt8](verifier)).matches(poolID: pool.id, username: user.username, password: password)
    }

    /// Checks `SECRET_HASH` for clients that have a secret.
    func checkSecretHash(_ hash: String?, username: String, client: LiveClient) throws(CognitoError) {
        let secrets = client.acceptedSecrets
        guard !secrets.isEmpty else { return }
        guard let hash else { throw .notAuthorized("Client \(client.id) is configured with secret but SECRET_HASH was not received") }
        let matches = secrets.contains { secret in
            let expected = Data(Digest.hmacSHA256(key: Array(secret.utf8), message: Array((username + client.id).utf8))).base64EncodedString()
            return Digest.constantTimeEquals(Array(expected.utf8), Array(hash.utf8))
        }
        guard matches else {
            throw .notAuthorized("Unable to verify secret hash for client \(client.id)")
        }
    }
}
