import EmulatorCrypto
import Logging

/// The UserMigration trigger: a user the pool does not know, signing in with a password
/// (`UserMigration_Authentication`) or asking for a reset (`UserMigration_ForgotPassword`), is asked
/// of the function, which may answer with the user's attributes; the user is then created with that
/// password (CONFIRMED, or RESET_REQUIRED when the function says so or no password came) and the
/// operation goes on as if the user had been there.
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
extension CognitoService {
    /// The migrated user, or nil when the pool has no UserMigration trigger or the function does not
    /// know the user either.
    func migrateUser(
        _ username: String,
        password: String?,
        client: LiveClient,
        pool: LivePool,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> StoredUser? {
        guard pool.configuration.lambdaConfig["UserMigration"] != nil else { return nil }
        let answer = try await runTrigger(
            "UserMigration",
            source: password == nil ? "UserMigration_ForgotPassword" : "UserMigration_Authentication",
            pool: pool,
            username: username,
            clientID: client.id,
            request: .init(userAttributes: [:], validationData: clientMetadata ?? [:], clientMetadata: clientMetadata, password: password)
        )
        guard let answer, let migrated = answer.userAttributes else { return nil }
        let finalStatus = answer.finalUserStatus ?? UserStatus.confirmed.rawValue
        guard finalStatus == UserStatus.confirmed.rawValue || finalStatus == UserStatus.resetRequired.rawValue else {
            throw .invalidLambdaResponse("Invalid finalUserStatus \(finalStatus): the UserMigration trigger may answer CONFIRMED or RESET_REQUIRED")
        }
        let attributes = migrated.filter { $0.key != "sub" && !$0.key.hasPrefix("cognito:") }.sorted { $0.key < $1.key }
            .map { AttributeType(Name: $0.key, Value: $0.value) }
        let sub = SecureRandom.uuidString()
        let (name, implied) = try newUsername(username, attributes: attributes, pool: pool, sub: sub)
        try validate(attributes + implied, in: pool, requireRequired: true)
        let now = clock.now
        var user = StoredUser(
            newIn: pool.id,
            username: name,
            sub: sub,
            status: password == nil ? .resetRequired : UserStatus(rawValue: finalStatus) ?? .confirmed,
            at: now
        )
        apply(implied + attributes, to: &user)
        if let password { setVerifier(await Self.makeVerifier(password, username: name, pool: pool), on: &user) }
        if answer.enableSMSMFA == true, user.phoneNumber != nil { user.mfaSMS = true }
        let created = user
        try database { db in try insertNew(created, pool: pool, existing: "User account already exists", db) }
        logger.info("UserMigration created \(LogText.escaped(name)) in \(pool.id)")
        return created
    }
}
