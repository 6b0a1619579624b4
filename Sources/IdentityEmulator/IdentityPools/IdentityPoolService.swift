public import CognitoEmulator
public import EmulatorCore
import EmulatorCrypto

/// Cognito identity pools: pools (their providers, roles, role mappings and principal tags), the
/// identities of each with their linked logins, and the two ways to AWS credentials — enhanced
/// (GetId → GetCredentialsForIdentity) and basic (GetOpenIdToken → STS AssumeRoleWithWebIdentity).
/// User-pool logins are checked against the emulator's user pools; credentials come from the
/// ``CredentialAuthority`` and are attributed to the role the pool maps the login to.
public final class IdentityPoolService: Sendable {
    let store: IdentityStore
    let cognito: CognitoService
    /// The credentials the service hands out, and the roles they may be for.
    public let authority: CredentialAuthority
    let tokens: OpenIDTokens
    let clock: any TimeSource
    let region: String

    /// A service over `store`, checking user-pool logins with `cognito`.
    public init(store: IdentityStore, cognito: CognitoService, authority: CredentialAuthority, clock: any TimeSource, region: String) throws {
        self.store = store
        self.cognito = cognito
        self.authority = authority
        self.clock = clock
        self.region = region
        let key = OpenIDSigningKey {
            try RSAKey(privateKeyDER: store.secret("openid-token-key") { try RSAKey.generate().privateKeyDER })
        }
        tokens = OpenIDTokens(key: key, keyID: "\(region)-1")
    }

    /// The account everything lives in.
    public var accountID: String { authority.accountID }

    /// Creates the pools serverless.yml declares, or brings them to its definition, keeping their identities.
    public func install(_ definitions: [IdentityPoolDefinition]) throws {
        for definition in definitions {
            var document = try store.pool(definition.id) ?? .object([])
            document = Self.setting(document, "pool", definition.pool)
            document = Self.setting(document, "roles", definition.roles)
            document = Self.setting(document, "roleMappings", definition.roleMappings)
            try store.savePool(definition.id, document, now: clock.now)
        }
    }

    /// The ARN IAM authorizes operations on (`arn:aws:cognito-identity:<region>:<account>:identitypool/<id>`).
    func arn(_ poolID: String) -> String { "arn:aws:cognito-identity:\(region):\(accountID):identitypool/\(poolID)" }

    /// The resource IAM authorizes a request on: the pool it names, or the pool of the identity it
    /// names, or the ARN it names; `*` when it names none that exists.
    func resource(of request: JSONValue) -> String {
        if let poolID = request["IdentityPoolId"]?.stringValue { return arn(poolID) }
        if let arn = request["ResourceArn"]?.stringValue { return arn }
        var identityID = request["IdentityId"]?.stringValue
        if identityID == nil, case .array(let ids)? = request["IdentityIdsToDelete"] { identityID = ids.first?.stringValue }
        if let identityID, let identity = try? store.identity(identityID) { return arn(identity.poolID) }
        return "*"
    }

    // MARK: Pools

    func create(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let name = try Self.required(request, "IdentityPoolName")
        guard Self.validName(name) else {
            throw .invalidParameter(
                "1 validation error detected: Value '\(name)' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w ]+"
            )
        }
        guard case .bool? = request["AllowUnauthenticatedIdentities"] else { throw .missing("AllowUnauthenticatedIdentities") }
        let id = "\(region):\(SecureRandom.uuidString().lowercased())"
        let pool = Self.poolShape(id: id, from: request)
        try save(id, Self.setting(.object([]), "pool", pool))
        return pool
    }

    func describe(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        try document(try Self.required(request, "IdentityPoolId"))["pool"] ?? .object([])
    }

    func update(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let id = try Self.required(request, "IdentityPoolId")
        _ = try Self.required(request, "IdentityPoolName")
        guard case .bool? = request["AllowUnauthenticatedIdentities"] else { throw .missing("AllowUnauthenticatedIdentities") }
        var document = try document(id)
        var pool = Self.poolShape(id: id, from: request)
        if request["IdentityPoolTags"] == nil, let tags = document["pool"]?["IdentityPoolTags"] {
            pool = Self.setting(pool, "IdentityPoolTags", tags)
        }
        document = Self.setting(document, "pool", pool)
        try save(id, document)
        return pool
    }

    func delete(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let id = try Self.required(request, "IdentityPoolId")
        guard try run({ try store.deletePool(id) }) else { throw .poolNotFound(id) }
        return .object([])
    }

    func list(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let limit = try Self.maxResults(request, range: 1...60)
        let all = try run { try store.pools() }.compactMap(\.["pool"])
        let (page, next) = Self.page(all, after: request["NextToken"]?.stringValue, limit: limit) { $0["IdentityPoolId"]?.stringValue ?? "" }
        var members: [JSONValue.Member] = [
            .init(
                "IdentityPools",
                .array(
                    page.map {
                        .object([.init("IdentityPoolId", $0["IdentityPoolId"] ?? .null), .init("IdentityPoolName", $0["IdentityPoolName"] ?? .null)])
                    }
                )
            )
        ]
        if let next { members.append(.init("NextToken", .string(next))) }
        return .object(members)
    }

    func roles(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let id = try Self.required(request, "IdentityPoolId")
        let document = try document(id)
        var members: [JSONValue.Member] = [.init("IdentityPoolId", .string(id))]
        if let roles = document["roles"] { members.append(.init("Roles", roles)) }
        if let mappings = document["roleMappings"] { members.append(.init("RoleMappings", mappings)) }
        return .object(members)
    }

    func setRoles(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let id = try Self.required(request, "IdentityPoolId")
        guard let roles = request["Roles"] else { throw .missing("Roles") }
        var document = try document(id)
        for role in Self.roleARNs(roles: roles, mappings: request["RoleMappings"]) where ARN(parsing: role) == nil {
            throw .invalidParameter("1 validation error detected: Value '\(role)' failed to satisfy constraint: Member must be an IAM role ARN")
        }
        if case .object(let mappings)? = request["RoleMappings"] {
            for mapping in mappings.map(\.value) {
                guard ["Token", "Rules"].contains(mapping["Type"]?.stringValue ?? "") else {
                    throw .invalidParameter("Invalid RoleMapping Type. Valid values are Token and Rules.")
                }
                guard mapping["AmbiguousRoleResolution"] != nil else {
                    throw .invalidParameter("AmbiguousRoleResolution must be specified for Token and Rules types.")
                }
            }
        }
        document = Self.setting(document, "roles", roles)
        document = Self.setting(document, "roleMappings", request["RoleMappings"])
        try save(id, document)
        return .object([])
    }

    func principalTags(_ request: JSONValue, set: Bool) throws(IdentityError) -> JSONValue {
        let id = try Self.required(request, "IdentityPoolId")
        let provider = try Self.required(request, "IdentityProviderName")
        var document = try document(id)
        var maps = document["principalTags"] ?? .object([])
        if set {
            var entry: [JSONValue.Member] = []
            if let useDefaults = request["UseDefaults"] { entry.append(.init("UseDefaults", useDefaults)) }
            if let tags = request["PrincipalTags"] { entry.append(.init("PrincipalTags", tags)) }
            maps = Self.setting(maps, provider, .object(entry))
            document = Self.setting(document, "principalTags", maps)
            try save(id, document)
        }
        let entry = maps[provider]
        return .object([
            .init("IdentityPoolId", .string(id)), .init("IdentityProviderName", .string(provider)),
            .init("UseDefaults", entry?["UseDefaults"] ?? .bool(entry == nil)), .init("PrincipalTags", entry?["PrincipalTags"] ?? .object([])),
        ])
    }

    // MARK: Tags

    func tag(_ request: JSONValue, remove: Bool) throws(IdentityError) -> JSONValue {
        let id = try poolID(ofARN: try Self.required(request, "ResourceArn"))
        var document = try document(id)
        guard case .object(var tags) = document["pool"]?["IdentityPoolTags"] ?? .object([]) else { return .object([]) }
        if remove {
            guard case .array(let keys)? = request["TagKeys"] else { throw .missing("TagKeys") }
            let removed = Set(keys.compactMap(\.stringValue))
            tags.removeAll { removed.contains($0.key) }
        } else {
            guard case .object(let added)? = request["Tags"] else { throw .missing("Tags") }
            for tag in added {
                tags.removeAll { $0.key == tag.key }
                tags.append(tag)
            }
        }
        document = Self.setting(document, "pool", Self.setting(document["pool"] ?? .object([]), "IdentityPoolTags", .object(tags)))
        try save(id, document)
        return .object([])
    }

    func tags(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let id = try poolID(ofARN: try Self.required(request, "ResourceArn"))
        return .object([.init("Tags", try document(id)["pool"]?["IdentityPoolTags"] ?? .object([]))])
    }

    private func poolID(ofARN text: String) throws(IdentityError) -> String {
        guard let arn = ARN(parsing: text), arn.service == "cognito-identity", arn.resource.hasPrefix("identitypool/") else {
            throw .invalidParameter("Invalid ARN: \(text)")
        }
        return String(arn.resource.dropFirst("identitypool/".count))
    }

    // MARK: State

    func document(_ id: String) throws(IdentityError) -> JSONValue {
        guard let document = try run({ try store.pool(id) }) else { throw .poolNotFound(id) }
        return document
    }

    func save(_ id: String, _ document: JSONValue) throws(IdentityError) {
        try run { try store.savePool(id, document, now: clock.now) }
    }

    func run<T>(_ body: () throws -> T) throws(IdentityError) -> T {
        do { return try body() } catch { throw .internalError("the identity state could not be read or written: \(error)") }
    }
}
