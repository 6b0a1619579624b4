import CognitoEmulator
import EmulatorCore
import EmulatorCrypto

extension IdentityPoolService {
    /// A login checked against its provider.
    struct VerifiedLogin {
        /// The `Logins` key (`cognito-idp.<region>.amazonaws.com/<pool>`).
        var provider: String
        /// Who signed in (the token's `sub`).
        var subject: String
        /// The provider as role mappings name it (`…/<pool>:<client>`).
        var mappingKey: String?
        var claims: JSONValue
        /// An identity-pool OpenID token (the developer flow's) rather than a provider's login.
        var ownToken: Bool = false
    }

    // MARK: Identities

    func getID(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let poolID = try Self.required(request, "IdentityPoolId")
        let pool = try document(poolID)["pool"] ?? .object([])
        let logins = try verify(request["Logins"], pool: pool, poolID: poolID)
        if logins.isEmpty, pool["AllowUnauthenticatedIdentities"] != .bool(true) {
            throw .notAuthorized("Unauthenticated access is not supported for this identity pool.")
        }
        if let own = logins.first(where: \.ownToken) { return .object([.init("IdentityId", .string(own.subject))]) }
        let id = try run {
            try store.resolveIdentity(
                poolID: poolID,
                logins: logins.map { ($0.provider, $0.subject) },
                existing: nil,
                newID: "\(region):\(SecureRandom.uuidString().lowercased())",
                now: clock.now
            )
        }
        return .object([.init("IdentityId", .string(id))])
    }

    /// The identity, its pool, and the logins given for it (which must be its own).
    private func authorizedIdentity(_ request: JSONValue) throws(IdentityError) -> (IdentityStore.Identity, JSONValue, [VerifiedLogin]) {
        let id = try Self.required(request, "IdentityId")
        guard let identity = try run({ try store.identity(id) }) else { throw .identityNotFound(id) }
        let document = try document(identity.poolID)
        let pool = document["pool"] ?? .object([])
        let logins = try verify(request["Logins"], pool: pool, poolID: identity.poolID)
        let mismatch = IdentityError.notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.")
        var owned = false
        var unlinked: [VerifiedLogin] = []
        for login in logins {
            let owner: String? =
                login.ownToken
                ? login.subject : try run { try store.identity(poolID: identity.poolID, provider: login.provider, subject: login.subject) }
            guard owner == nil || owner == id else { throw mismatch }
            owned = owned || owner == id
            if owner == nil, !login.ownToken { unlinked.append(login) }
        }
        // A login nobody has yet may join only an identity that has none (a guest signing in), or come
        // with one of the identity's own: it never takes over another user's identity.
        if !logins.isEmpty, !identity.logins.isEmpty, !owned { throw mismatch }
        if logins.isEmpty {
            guard identity.logins.isEmpty else { throw .notAuthorized("Access to Identity '\(id)' is forbidden.") }
            guard pool["AllowUnauthenticatedIdentities"] == .bool(true) else {
                throw .notAuthorized("Unauthenticated access is not supported for this identity pool.")
            }
        } else if !unlinked.isEmpty {
            // Logins the identity has already are not written again (nor is its LastModifiedDate moved).
            _ = try run {
                try store.resolveIdentity(
                    poolID: identity.poolID,
                    logins: unlinked.map { ($0.provider, $0.subject) },
                    existing: id,
                    newID: id,
                    now: clock.now
                )
            }
        }
        return (identity, document, logins)
    }

    func credentials(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let (identity, document, logins) = try authorizedIdentity(request)
        var mappingKeys: [String] = []
        if case .object(let members)? = document["roleMappings"] { mappingKeys = members.map(\.key) }
        let roleARN = try RoleResolution.role(
            roles: document["roles"],
            mappings: document["roleMappings"],
            logins: logins.map { login in
                .init(provider: login.provider, mappingKey: Self.mappingKey(for: login, among: mappingKeys), claims: login.claims)
            },
            customRoleARN: request["CustomRoleArn"]?.stringValue
        ).get()
        let amr = self.amr(logins)
        let context: [String: [String]] = [
            "cognito-identity.amazonaws.com:sub": [identity.id], "cognito-identity.amazonaws.com:aud": [identity.poolID],
            "cognito-identity.amazonaws.com:amr": amr,
        ]
        guard let role = authority.roles[roleARN],
            role.trust.allows("sts:AssumeRoleWithWebIdentity", by: .federated(OpenIDTokens.provider), context: IAMContext(context))
        else { throw .invalidConfiguration() }
        var sessionContext = context
        for (key, value) in principalTags(document, logins) { sessionContext["aws:PrincipalTag/\(key)"] = [value] }
        let provider = logins.first { !$0.ownToken }.map { "\($0.provider),\($0.provider):CognitoSignIn:\($0.subject)" }
        let issued = authority.issue(
            role: role,
            sessionName: "CognitoIdentityCredentials",
            duration: 3600,
            context: sessionContext,
            identity: .init(
                identityID: identity.id,
                identityPoolID: identity.poolID,
                authenticationType: logins.isEmpty ? "unauthenticated" : "authenticated",
                authenticationProvider: provider
            )
        )
        return .object([
            .init("IdentityId", .string(identity.id)),
            .init(
                "Credentials",
                .object([
                    .init("AccessKeyId", .string(issued.accessKeyID)), .init("SecretKey", .string(issued.secretAccessKey)),
                    .init("SessionToken", .string(issued.sessionToken ?? "")), .init("Expiration", .double(issued.expiration ?? clock.now)),
                ])
            ),
        ])
    }

    func openIDToken(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let (identity, _, logins) = try authorizedIdentity(request)
        return .object([
            .init("IdentityId", .string(identity.id)),
            .init("Token", .string(try sign(identity.id, poolID: identity.poolID, amr: amr(logins), duration: 600))),
        ])
    }

    func developerOpenIDToken(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let poolID = try Self.required(request, "IdentityPoolId")
        let pool = try document(poolID)["pool"] ?? .object([])
        guard let developer = pool["DeveloperProviderName"]?.stringValue else {
            throw .notAuthorized("The developer provider name is not configured for this identity pool.")
        }
        guard case .object(let given)? = request["Logins"], let login = given.first, given.count == 1, let subject = login.value.stringValue else {
            throw .missing("Logins")
        }
        guard login.key == developer else {
            throw .notAuthorized("Invalid login provider: \(login.key); the pool's developer provider is \(developer).")
        }
        let requested = request["TokenDuration"]?.numberValue ?? 900
        guard requested >= 1, requested <= 86_400 else { throw .invalidParameter("TokenDuration must be between 1 and 86400 seconds.") }
        let duration = Int(requested)
        let existing = request["IdentityId"]?.stringValue
        if let existing {
            guard let identity = try run({ try store.identity(existing) }), identity.poolID == poolID else { throw .identityNotFound(existing) }
            if let owner = try run({ try store.identity(poolID: poolID, provider: developer, subject: subject) }), owner != existing {
                throw .developerUserAlreadyRegistered("Developer user identifier '\(subject)' is already linked to another identity.")
            }
        }
        let id = try run {
            try store.resolveIdentity(
                poolID: poolID,
                logins: [(developer, subject)],
                existing: existing,
                newID: "\(region):\(SecureRandom.uuidString().lowercased())",
                now: clock.now
            )
        }
        let amr = ["authenticated", developer, "\(developer):\(poolID):\(subject)"]
        return .object([.init("IdentityId", .string(id)), .init("Token", .string(try sign(id, poolID: poolID, amr: amr, duration: duration)))])
    }

    private func sign(_ identityID: String, poolID: String, amr: [String], duration: Int) throws(IdentityError) -> String {
        do {
            return try tokens.sign(identityID: identityID, poolID: poolID, amr: amr, now: clock.now, duration: duration)
        } catch {
            throw .internalError("signing an OpenID token failed: \(error)")
        }
    }

    /// The `amr` of an identity's session: `unauthenticated`, or `authenticated` with each provider.
    func amr(_ logins: [VerifiedLogin]) -> [String] {
        if let own = logins.first(where: \.ownToken), case .array(let items)? = own.claims["amr"] { return items.compactMap(\.stringValue) }
        guard !logins.isEmpty else { return ["unauthenticated"] }
        return ["authenticated"] + logins.flatMap { [$0.provider, "\($0.provider):CognitoSignIn:\($0.subject)"] }
    }

    /// The session tags a pool's principal-tag map gives (`UseDefaults`: `username` ← `sub`, `client` ← `aud`).
    func principalTags(_ document: JSONValue, _ logins: [VerifiedLogin]) -> [String: String] {
        var tags: [String: String] = [:]
        for login in logins where !login.ownToken {
            guard let entry = document["principalTags"]?[login.provider] else { continue }
            var map: [(String, String)] = []
            if entry["UseDefaults"] == .bool(true) { map = [("username", "sub"), ("client", "aud")] }
            if case .object(let members)? = entry["PrincipalTags"] {
                map += members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }
            }
            for (tag, claim) in map { if let value = login.claims[claim]?.stringValue { tags[tag] = value } }
        }
        return tags
    }

    // MARK: Logins

    /// Checks each login of a request against its provider: user-pool ID tokens against the emulator's
    /// pools (the pool must be one of the identity pool's providers, the token's client one of its
    /// clients), and the pool's own OpenID tokens.
    func verify(_ logins: JSONValue?, pool: JSONValue, poolID: String) throws(IdentityError) -> [VerifiedLogin] {
        guard let logins else { return [] }
        guard case .object(let members) = logins else { throw .invalidParameter("Logins must map provider names to tokens.") }
        guard members.count <= 10 else { throw .invalidParameter("Too many logins: at most 10 may be given.") }
        var providers: [(name: String, client: String?)] = []
        if case .array(let items)? = pool["CognitoIdentityProviders"] {
            providers = items.compactMap { item in item["ProviderName"]?.stringValue.map { ($0, item["ClientId"]?.stringValue) } }
        }
        var verified: [VerifiedLogin] = []
        for member in members {
            guard let token = member.value.stringValue else { throw .invalidParameter("The login token of \(member.key) must be a string.") }
            if member.key == OpenIDTokens.provider {
                switch tokens.check(token, now: clock.now) {
                case .valid(let claims):
                    guard claims["aud"]?.stringValue == poolID, let subject = claims["sub"]?.stringValue else {
                        throw .notAuthorized("Invalid login token. Incorrect token audience.")
                    }
                    verified.append(VerifiedLogin(provider: member.key, subject: subject, mappingKey: nil, claims: claims, ownToken: true))
                    continue
                case .expired: throw .notAuthorized("Invalid login token. Token expired.")
                case .invalid: throw .notAuthorized("Invalid login token. Not a valid OpenId Connect identity token.")
                }
            }
            let matching = providers.filter { Self.sameProvider($0.name, member.key) }
            guard !matching.isEmpty else { throw .notAuthorized("Token is not from a supported provider of this identity pool.") }
            let userPoolID = String(member.key.split(separator: "/").last ?? "")
            switch cognito.checkAuthorizerToken(token, poolID: userPoolID) {
            case .valid(let claims, let use, _):
                guard use == "id", let audience = claims["aud"]?.stringValue, let subject = claims["sub"]?.stringValue else {
                    throw .notAuthorized("Invalid login token. Not a valid OpenId Connect identity token.")
                }
                guard matching.contains(where: { $0.client == nil || $0.client == audience }) else {
                    throw .notAuthorized("Invalid login token. Incorrect token audience.")
                }
                // One name per user pool, whichever form the client used, so one user has one identity.
                let provider = "cognito-idp.\(region).amazonaws.com/\(userPoolID)"
                verified.append(VerifiedLogin(provider: provider, subject: subject, mappingKey: "\(provider):\(audience)", claims: claims))
            case .expired:
                throw .notAuthorized("Invalid login token. Token expired.")
            case .invalid:
                throw .notAuthorized("Invalid login token. Not a valid OpenId Connect identity token.")
            }
        }
        return verified
    }

    /// The role mapping a login falls under: keyed `<provider>:<client>` in any form of the provider's name.
    static func mappingKey(for login: VerifiedLogin, among keys: [String]) -> String? {
        guard let wanted = login.mappingKey, let client = wanted.split(separator: ":").last.map(String.init) else { return nil }
        return keys.first { key in
            guard let colon = key.lastIndex(of: ":") else { return false }
            return String(key[key.index(after: colon)...]) == client && sameProvider(String(key[..<colon]), login.provider)
        } ?? keys.first { sameProvider($0, login.provider) }
    }

    /// `cognito-idp.us-east-1.amazonaws.com/us-east-1_X` names the same user pool as the emulator's URL form.
    static func sameProvider(_ a: String, _ b: String) -> Bool {
        func normal(_ text: String) -> String {
            var text = Substring(text)
            for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
            return String(text.split(separator: "/").last ?? "")
        }
        return a == b || normal(a) == normal(b)
    }
}
