import EmulatorCore
import EmulatorCrypto
import GRDB

/// Sign-in events (AdminListUserAuthEvents) and their feedback, the factors a user can sign in with,
/// and links between a user and a federated identity.
extension CognitoService {
    /// A user's events kept, newest first; older ones are dropped.
    static let keptAuthEvents = 100

    /// Records a sign-in attempt (`Pass` or `Fail`) of a user, as Cognito's threat protection does
    /// (only in pools that have it on, so other pools' sign-ins write nothing more).
    func recordAuthEvent(pool: LivePool, username: String, passed: Bool, challenge: String = "Password") {
        guard Self.hasThreatProtection(pool) else { return }
        let id = Self.uuid()
        let event = JSONValue.object([
            .init("EventId", .string(id)), .init("EventType", .string("SignIn")), .init("CreationDate", .double(clock.now)),
            .init("EventResponse", .string(passed ? "Pass" : "Fail")),
            .init(
                "EventRisk",
                .object([
                    .init("RiskDecision", .string("NoRisk")), .init("RiskLevel", .string("Low")),
                    .init("CompromisedCredentialsDetected", .bool(false)),
                ])
            ),
            .init(
                "ChallengeResponses",
                .array([.object([.init("ChallengeName", .string(challenge)), .init("ChallengeResponse", .string(passed ? "Success" : "Failure"))])])
            ),
            .init("EventContextData", .object([.init("IpAddress", .string("127.0.0.1"))])),
            .init("FeedbackToken", .string(Base64URL.encode(SecureRandom.bytes(24)))),
        ])
        let prefix = "\(pool.id)/\(username)/"
        _ = try? database { db in
            try StoredDocument(
                kind: DocumentKind.authEvent.rawValue,
                key: prefix + id,
                poolId: pool.id,
                document: event.serialized,
                created: clock.now,
                modified: clock.now
            ).insert(db)
            try CognitoStore.trimDocuments(
                kind: DocumentKind.authEvent.rawValue,
                poolID: pool.id,
                keyPrefix: prefix,
                keeping: Self.keptAuthEvents,
                db
            )
        }
    }

    /// AdminListUserAuthEvents: the user's sign-in events, newest first. Needs threat protection
    /// (`UserPoolAddOns.AdvancedSecurityMode` `AUDIT` or `ENFORCED`), as on AWS.
    package func adminListUserAuthEvents(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        try requireThreatProtection(pool)
        let user = try database({ db in try requireUser(pool, request["Username"]?.stringValue ?? "", db) }, write: false)
        let events = try authEvents(pool: pool, username: user.username).map { event in
            JSONValue.object((event.members ?? []).filter { $0.key != "FeedbackToken" })
        }
        return Self.listing("AuthEvents", try page(events.reversed(), request: request))
    }

    /// AdminUpdateAuthEventFeedback.
    package func adminUpdateAuthEventFeedback(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        try giveFeedback(request, provider: "Admin", token: nil)
        return EmptyResponse()
    }

    /// UpdateAuthEventFeedback: with the event's feedback token, as the user's notification carries it.
    package func updateAuthEventFeedback(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        try giveFeedback(request, provider: "User", token: request["FeedbackToken"]?.stringValue ?? "")
        return EmptyResponse()
    }

    private func giveFeedback(_ request: JSONDocument, provider: String, token: String?) throws(CognitoError) {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        try requireThreatProtection(pool)
        let user = try database({ db in try requireUser(pool, request["Username"]?.stringValue ?? "", db) }, write: false)
        let id = request["EventId"]?.stringValue ?? ""
        let key = "\(pool.id)/\(user.username)/\(id)"
        guard let event = try document(.authEvent, key) else { throw .resourceNotFound("Auth event \(id) does not exist.") }
        if let token, event["FeedbackToken"]?.stringValue != token { throw .notAuthorized("The feedback token is not valid.") }
        let feedback = JSONValue.object([
            .init("FeedbackValue", request["FeedbackValue"] ?? .string("Valid")), .init("Provider", .string(provider)),
            .init("FeedbackDate", .double(clock.now)),
        ])
        try save(
            .authEvent,
            key,
            poolID: pool.id,
            .object((event.members ?? []).filter { $0.key != "EventFeedback" } + [.init("EventFeedback", feedback)])
        )
    }

    private func authEvents(pool: LivePool, username: String) throws(CognitoError) -> [JSONValue] {
        let prefix = "\(pool.id)/\(username)/"
        return try documents(.authEvent, poolID: pool.id, keyPrefix: prefix)
    }

    private static func hasThreatProtection(_ pool: LivePool) -> Bool {
        let mode = pool.definition["UserPoolAddOns"]?["AdvancedSecurityMode"]?.stringValue
        return mode == "AUDIT" || mode == "ENFORCED"
    }

    private func requireThreatProtection(_ pool: LivePool) throws(CognitoError) {
        guard Self.hasThreatProtection(pool) else {
            throw .userPoolAddOnNotEnabled(
                "Threat protection is not enabled in user pool \(pool.id): set UserPoolAddOns.AdvancedSecurityMode to AUDIT or ENFORCED."
            )
        }
    }

    // MARK: - Auth factors

    /// GetUserAuthFactors: the user's MFA settings and the first factors they have set up.
    package func getUserAuthFactors(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (_, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        var factors: [String] = []
        if user.passwordVerifier != nil { factors += ["PASSWORD"] }
        if attribute("email_verified", of: user) == "true", user.email != nil { factors.append("EMAIL_OTP") }
        if attribute("phone_number_verified", of: user) == "true", user.phoneNumber != nil { factors.append("SMS_OTP") }
        var settings: [String] = []
        if user.mfaSMS == true { settings.append("SMS_MFA") }
        if user.mfaSoftware == true, user.totpVerified == true { settings.append("SOFTWARE_TOKEN_MFA") }
        if user.mfaEmail == true { settings.append("EMAIL_OTP") }
        var members: [(String, JSONValue)] = [("Username", .string(user.username))]
        if let preferred = user.preferredMfa { members.append(("PreferredMfaSetting", .string(preferred.rawValue))) }
        if !settings.isEmpty { members.append(("UserMFASettingList", .array(settings.map(JSONValue.string)))) }
        members.append(("ConfiguredUserAuthFactors", .array(factors.map(JSONValue.string))))
        return JSONDocument(members)
    }

    // MARK: - Federated identities

    /// AdminLinkProviderForUser: a federated identity (`SourceUser`) signs in as an existing user.
    package func adminLinkProviderForUser(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        guard let destination = request["DestinationUser"], let source = request["SourceUser"],
            let provider = source["ProviderName"]?.stringValue, let value = source["ProviderAttributeValue"]?.stringValue
        else { throw .missing("SourceUser") }
        let username = destination["ProviderAttributeValue"]?.stringValue ?? ""
        _ = try database({ db in try requireUser(pool, username, db) }, write: false)
        let key = "\(pool.id)/\(provider)/\(value)"
        if let existing = try document(.providerLink, key), existing["DestinationUser"]?["ProviderAttributeValue"]?.stringValue != username {
            throw .aliasExists("The federated identity is already linked to another user.")
        }
        try save(.providerLink, key, poolID: pool.id, .object([.init("DestinationUser", destination), .init("SourceUser", source)]))
        return EmptyResponse()
    }

    /// AdminDisableProviderForUser: the federated identity's links are removed.
    package func adminDisableProviderForUser(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        guard let user = request["User"], let provider = user["ProviderName"]?.stringValue, let value = user["ProviderAttributeValue"]?.stringValue
        else { throw .missing("User") }
        try deleteDocument(.providerLink, "\(pool.id)/\(provider)/\(value)")
        return EmptyResponse()
    }
}
