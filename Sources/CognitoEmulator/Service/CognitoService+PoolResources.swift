import EmulatorCore

/// Domains, resource servers and identity providers: stored and returned as AWS returns them (their
/// use by OAuth 2.0 and federation comes with the hosted endpoints).
extension CognitoService {
    // MARK: - Domains

    /// CreateUserPoolDomain: a prefix domain (`<prefix>.auth.<region>.amazoncognito.com`), or a custom
    /// one with `CustomDomainConfig`. One per pool; unique across pools.
    package func createUserPoolDomain(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let domain = request["Domain"]?.stringValue ?? ""
        guard try document(.domain, domain) == nil else { throw .invalidParameter("Domain already associated with another user pool.") }
        guard try documents(.domain, poolID: pool.id).isEmpty else { throw .invalidParameter("User pool already has a domain configured.") }
        let description = domainDescription(domain, pool: pool, request: request)
        try save(.domain, domain, poolID: pool.id, description)
        return domainAnswer(description)
    }

    /// Stores the configuration's resource servers, domains, identity providers and branding styles (at
    /// start; a domain another pool holds is left to it, a stored provider is updated, a client's stored style kept).
    package func installConfiguredPoolResources() throws(CognitoError) {
        for resource in configuration.poolResources {
            let pool = try pool(configuration.poolID(forLogicalID: resource.poolLogicalID))
            let request = JSONDocument(resource.definition)
            switch resource.kind {
            case .resourceServer:
                _ = try saveResourceServer(request, pool: pool)
            case .domain:
                let domain = request["Domain"]?.stringValue ?? ""
                if let held = try document(.domain, domain), held["UserPoolId"]?.stringValue != pool.id { continue }
                try save(.domain, domain, poolID: pool.id, domainDescription(domain, pool: pool, request: request))
            case .identityProvider:
                let named = JSONDocument(resource.definition.merged(adding: .object([.init("UserPoolId", .string(pool.id))])))
                if try document(.identityProvider, "\(pool.id)/\(request["ProviderName"]?.stringValue ?? "")") == nil {
                    _ = try createIdentityProvider(named)
                } else {
                    _ = try updateIdentityProvider(named)
                }
            case .branding:
                let clientID = request["ClientId"]?.stringValue
                if try brandings(pool: pool).contains(where: { $0.clientID == clientID }) { continue }
                _ = try createManagedLoginBranding(JSONDocument(resource.definition.merged(adding: .object([.init("UserPoolId", .string(pool.id))]))))
            }
        }
    }

    /// UpdateUserPoolDomain.
    package func updateUserPoolDomain(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let domain = request["Domain"]?.stringValue ?? ""
        guard let stored = try document(.domain, domain), stored["UserPoolId"]?.stringValue == pool.id else {
            throw .invalidParameter("No such domain or user pool exists.")
        }
        let description = domainDescription(domain, pool: pool, request: request).merged(adding: stored)
        try save(.domain, domain, poolID: pool.id, description)
        return domainAnswer(description)
    }

    /// DescribeUserPoolDomain: an empty description for a domain no pool has, as AWS answers.
    package func describeUserPoolDomain(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        JSONDocument([("DomainDescription", try document(.domain, request["Domain"]?.stringValue ?? "") ?? .object([]))])
    }

    /// DeleteUserPoolDomain.
    package func deleteUserPoolDomain(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let domain = request["Domain"]?.stringValue ?? ""
        guard let stored = try document(.domain, domain), stored["UserPoolId"]?.stringValue == pool.id else {
            throw .invalidParameter("No such domain or user pool exists.")
        }
        try deleteDocument(.domain, domain)
        return EmptyResponse()
    }

    /// The pool's domain, for DescribeUserPool (`Domain`, or `CustomDomain` for a custom one).
    func domainMembers(poolID: String) throws(CognitoError) -> JSONValue {
        guard let stored = try documents(.domain, poolID: poolID).first, let domain = stored["Domain"] else { return .object([]) }
        return .object([.init(stored["CustomDomainConfig"] == nil ? "Domain" : "CustomDomain", domain)])
    }

    private func domainDescription(_ domain: String, pool: LivePool, request: JSONDocument) -> JSONValue {
        let custom = request["CustomDomainConfig"]
        return .object(
            [
                .init("UserPoolId", .string(pool.id)), .init("AWSAccountId", .string(accountID)), .init("Domain", .string(domain)),
                .init("S3Bucket", .string("aws-cognito-prod-\(region)-assets")),
                .init(
                    "CloudFrontDistribution",
                    .string(custom == nil ? "\(domain).auth.\(region).amazoncognito.com" : "d111111abcdef8.cloudfront.net")
                ),
                .init("Version", .string("1")), .init("Status", .string("ACTIVE")),
                .init("ManagedLoginVersion", request["ManagedLoginVersion"] ?? .int(1)),
            ] + (custom.map { [JSONValue.Member("CustomDomainConfig", $0)] } ?? [])
        )
    }

    private func domainAnswer(_ description: JSONValue) -> JSONDocument {
        var members: [(String, JSONValue)] = [("ManagedLoginVersion", description["ManagedLoginVersion"] ?? .int(1))]
        if description["CustomDomainConfig"] != nil, let distribution = description["CloudFrontDistribution"] {
            members.append(("CloudFrontDomain", distribution))
        }
        return JSONDocument(members)
    }

    // MARK: - Resource servers

    /// CreateResourceServer.
    package func createResourceServer(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let identifier = request["Identifier"]?.stringValue ?? ""
        guard try document(.resourceServer, "\(pool.id)/\(identifier)") == nil else {
            throw .invalidParameter("\(identifier) already exists in user pool \(pool.id).")
        }
        return JSONDocument([("ResourceServer", try saveResourceServer(request, pool: pool))])
    }

    /// UpdateResourceServer: the name and scopes given replace the old ones.
    package func updateResourceServer(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        _ = try resourceServer(request, pool: pool)
        return JSONDocument([("ResourceServer", try saveResourceServer(request, pool: pool))])
    }

    /// DescribeResourceServer.
    package func describeResourceServer(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        JSONDocument([("ResourceServer", try resourceServer(request, pool: try pool(request["UserPoolId"]?.stringValue)))])
    }

    /// DeleteResourceServer.
    package func deleteResourceServer(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        _ = try resourceServer(request, pool: pool)
        try deleteDocument(.resourceServer, "\(pool.id)/\(request["Identifier"]?.stringValue ?? "")")
        return EmptyResponse()
    }

    /// ListResourceServers.
    package func listResourceServers(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        return Self.listing("ResourceServers", try page(try documents(.resourceServer, poolID: pool.id), request: request, defaultLimit: 50))
    }

    /// The custom scopes of a pool's resource servers (`<identifier>/<scope>`), for OAuth 2.0 clients.
    func customScopes(poolID: String) throws(CognitoError) -> [String] {
        try documents(.resourceServer, poolID: poolID).flatMap { server -> [String] in
            guard let identifier = server["Identifier"]?.stringValue, case .array(let scopes)? = server["Scopes"] else { return [] }
            return scopes.compactMap { $0["ScopeName"]?.stringValue.map { "\(identifier)/\($0)" } }
        }
    }

    private func resourceServer(_ request: JSONDocument, pool: LivePool) throws(CognitoError) -> JSONValue {
        let identifier = request["Identifier"]?.stringValue ?? ""
        guard let stored = try document(.resourceServer, "\(pool.id)/\(identifier)") else {
            throw .resourceNotFound("Resource server \(identifier) does not exist.")
        }
        return stored
    }

    private func saveResourceServer(_ request: JSONDocument, pool: LivePool) throws(CognitoError) -> JSONValue {
        let server = JSONValue.object([.init("UserPoolId", .string(pool.id))] + Self.members(request, ["Identifier", "Name", "Scopes"]))
        try save(.resourceServer, "\(pool.id)/\(request["Identifier"]?.stringValue ?? "")", poolID: pool.id, server)
        return server
    }

    // MARK: - Identity providers

    /// CreateIdentityProvider.
    package func createIdentityProvider(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let name = request["ProviderName"]?.stringValue ?? ""
        guard try document(.identityProvider, "\(pool.id)/\(name)") == nil else {
            throw .duplicateProvider("A provider with the name \(name) already exists in this user pool.")
        }
        try checkIdentifiersFree(request, pool: pool, except: nil)
        let now = JSONValue.double(clock.now)
        let provider = JSONValue.object(
            [.init("UserPoolId", .string(pool.id))]
                + Self.members(request, ["ProviderName", "ProviderType", "ProviderDetails", "AttributeMapping", "IdpIdentifiers"])
                + [.init("LastModifiedDate", now), .init("CreationDate", now)]
        )
        try save(.identityProvider, "\(pool.id)/\(name)", poolID: pool.id, provider)
        return JSONDocument([("IdentityProvider", provider)])
    }

    /// UpdateIdentityProvider: the members given replace the stored ones.
    package func updateIdentityProvider(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let stored = try identityProvider(request, pool: pool)
        let name = stored["ProviderName"]?.stringValue ?? ""
        try checkIdentifiersFree(request, pool: pool, except: name)
        let provider = updated(stored, by: request, updatable: ["ProviderDetails", "AttributeMapping", "IdpIdentifiers"])
        try save(.identityProvider, "\(pool.id)/\(name)", poolID: pool.id, provider)
        return JSONDocument([("IdentityProvider", provider)])
    }

    /// DescribeIdentityProvider.
    package func describeIdentityProvider(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        JSONDocument([("IdentityProvider", try identityProvider(request, pool: try pool(request["UserPoolId"]?.stringValue)))])
    }

    /// GetIdentityProviderByIdentifier.
    package func getIdentityProviderByIdentifier(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let identifier = request["IdpIdentifier"]?.stringValue ?? ""
        guard let provider = try documents(.identityProvider, poolID: pool.id).first(where: { Self.identifiers(of: $0).contains(identifier) }) else {
            throw .resourceNotFound("Identity provider with identifier \(identifier) does not exist.")
        }
        return JSONDocument([("IdentityProvider", provider)])
    }

    /// DeleteIdentityProvider.
    package func deleteIdentityProvider(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        _ = try identityProvider(request, pool: pool)
        try deleteDocument(.identityProvider, "\(pool.id)/\(request["ProviderName"]?.stringValue ?? "")")
        return EmptyResponse()
    }

    /// ListIdentityProviders: each provider's name, type and dates.
    package func listIdentityProviders(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let summaries = try documents(.identityProvider, poolID: pool.id).map {
            Self.summary(of: $0, ["ProviderName", "ProviderType", "LastModifiedDate", "CreationDate"])
        }
        return Self.listing("Providers", try page(summaries, request: request))
    }

    private func identityProvider(_ request: JSONDocument, pool: LivePool) throws(CognitoError) -> JSONValue {
        let name = request["ProviderName"]?.stringValue ?? ""
        guard let stored = try document(.identityProvider, "\(pool.id)/\(name)") else {
            throw .resourceNotFound("Identity provider \(name) does not exist.")
        }
        return stored
    }

    private func checkIdentifiersFree(_ request: JSONDocument, pool: LivePool, except name: String?) throws(CognitoError) {
        let wanted = Self.identifiers(of: request.value)
        guard !wanted.isEmpty else { return }
        for provider in try documents(.identityProvider, poolID: pool.id) where provider["ProviderName"]?.stringValue != name {
            if let taken = Self.identifiers(of: provider).first(where: wanted.contains) {
                throw .duplicateProvider("The identifier \(taken) is already used by another provider of this user pool.")
            }
        }
    }

    private static func identifiers(of provider: JSONValue) -> [String] {
        guard case .array(let items)? = provider["IdpIdentifiers"] else { return [] }
        return items.compactMap(\.stringValue)
    }
}
