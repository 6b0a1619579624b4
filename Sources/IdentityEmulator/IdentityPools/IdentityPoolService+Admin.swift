import EmulatorCore

extension IdentityPoolService {
    /// `IdentityDescription`: the ID, the linked providers, the dates.
    func description(_ identity: IdentityStore.Identity) -> JSONValue {
        var members: [JSONValue.Member] = [.init("IdentityId", .string(identity.id))]
        var providers: [String] = []
        for login in identity.logins where !providers.contains(login.provider) { providers.append(login.provider) }
        if !providers.isEmpty { members.append(.init("Logins", .array(providers.map(JSONValue.string)))) }
        members += [.init("CreationDate", .double(identity.created)), .init("LastModifiedDate", .double(identity.modified))]
        return .object(members)
    }

    func describeIdentity(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let id = try Self.required(request, "IdentityId")
        guard let identity = try run({ try store.identity(id) }) else { throw .identityNotFound(id) }
        return description(identity)
    }

    func listIdentities(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let poolID = try Self.required(request, "IdentityPoolId")
        let limit = try Self.maxResults(request, range: 1...60)
        _ = try document(poolID)
        let all = try run { try store.identities(poolID: poolID) }
        let (page, next) = Self.page(all, after: request["NextToken"]?.stringValue, limit: limit) { $0.id }
        var members: [JSONValue.Member] = [.init("IdentityPoolId", .string(poolID)), .init("Identities", .array(page.map(description)))]
        if let next { members.append(.init("NextToken", .string(next))) }
        return .object(members)
    }

    func deleteIdentities(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        guard case .array(let ids)? = request["IdentityIdsToDelete"], (1...60).contains(ids.count) else { throw .missing("IdentityIdsToDelete") }
        var unprocessed: [JSONValue] = []
        for id in ids.compactMap(\.stringValue) where try !run({ try store.deleteIdentity(id) }) {
            unprocessed.append(.object([.init("IdentityId", .string(id)), .init("ErrorCode", .string("InternalServerError"))]))
        }
        return .object([.init("UnprocessedIdentityIds", .array(unprocessed))])
    }

    /// The pool's developer provider, or AWS's error when it has none or another is named.
    private func developerProvider(_ poolID: String, named: String?) throws(IdentityError) -> String {
        guard let developer = try document(poolID)["pool"]?["DeveloperProviderName"]?.stringValue else {
            throw .notAuthorized("The developer provider name is not configured for this identity pool.")
        }
        if let named, named != developer { throw .notAuthorized("Invalid developer provider name: \(named).") }
        return developer
    }

    func lookupDeveloperIdentity(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let poolID = try Self.required(request, "IdentityPoolId")
        let developer = try developerProvider(poolID, named: nil)
        var identityID = request["IdentityId"]?.stringValue
        if let user = request["DeveloperUserIdentifier"]?.stringValue {
            guard let owner = try run({ try store.identity(poolID: poolID, provider: developer, subject: user) }) else {
                throw .notFound("Developer user identifier '\(user)' not found.")
            }
            guard identityID == nil || identityID == owner else { throw .notFound("Identity '\(identityID ?? "")' not found.") }
            identityID = owner
        }
        guard let identityID else { throw .invalidParameter("IdentityId or DeveloperUserIdentifier must be given.") }
        guard let identity = try run({ try store.identity(identityID) }), identity.poolID == poolID else { throw .identityNotFound(identityID) }
        let users = try run { try store.subjects(identityID: identityID, provider: developer) }
        return .object([.init("IdentityId", .string(identityID)), .init("DeveloperUserIdentifierList", .array(users.map(JSONValue.string)))])
    }

    func mergeDeveloperIdentities(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let poolID = try Self.required(request, "IdentityPoolId")
        let developer = try developerProvider(poolID, named: try Self.required(request, "DeveloperProviderName"))
        let source = try Self.required(request, "SourceUserIdentifier")
        let destination = try Self.required(request, "DestinationUserIdentifier")
        guard let from = try run({ try store.identity(poolID: poolID, provider: developer, subject: source) }) else {
            throw .notFound("Developer user identifier '\(source)' not found.")
        }
        guard let into = try run({ try store.identity(poolID: poolID, provider: developer, subject: destination) }) else {
            throw .notFound("Developer user identifier '\(destination)' not found.")
        }
        if from != into { try run { try store.merge(from, into: into) } }
        return .object([.init("IdentityId", .string(into))])
    }

    func unlinkDeveloperIdentity(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let poolID = try Self.required(request, "IdentityPoolId")
        let identityID = try Self.required(request, "IdentityId")
        let developer = try developerProvider(poolID, named: try Self.required(request, "DeveloperProviderName"))
        let user = try Self.required(request, "DeveloperUserIdentifier")
        guard try run({ try store.identity(poolID: poolID, provider: developer, subject: user) }) == identityID else {
            throw .notFound("Developer user identifier '\(user)' is not linked to identity '\(identityID)'.")
        }
        try run { try store.unlink(identityID: identityID, provider: developer, subject: user) }
        return .object([])
    }

    func unlinkIdentity(_ request: JSONValue) throws(IdentityError) -> JSONValue {
        let id = try Self.required(request, "IdentityId")
        guard case .array(let remove)? = request["LoginsToRemove"] else { throw .missing("LoginsToRemove") }
        guard let identity = try run({ try store.identity(id) }) else { throw .identityNotFound(id) }
        let pool = try document(identity.poolID)["pool"] ?? .object([])
        let logins = try verify(request["Logins"], pool: pool, poolID: identity.poolID)
        let owners = try run { try logins.map { try store.identity(poolID: identity.poolID, provider: $0.provider, subject: $0.subject) } }
        guard !logins.isEmpty, owners.allSatisfy({ $0 == id }) else {
            throw .notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.")
        }
        for provider in remove.compactMap(\.stringValue) { try run { try store.unlink(identityID: id, provider: provider, subject: nil) } }
        return .object([])
    }
}
