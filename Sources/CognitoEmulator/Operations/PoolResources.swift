/// Domains, resource servers, identity providers, terms and managed login branding (all authorized by IAM).
public struct PoolResources: CognitoOperationFamily {
    /// CreateUserPoolDomain.
    public let createUserPoolDomain = CognitoOperation("CreateUserPoolDomain", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createUserPoolDomain(r)
    }
    /// UpdateUserPoolDomain.
    public let updateUserPoolDomain = CognitoOperation("UpdateUserPoolDomain", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateUserPoolDomain(r)
    }
    /// DescribeUserPoolDomain.
    public let describeUserPoolDomain = CognitoOperation("DescribeUserPoolDomain", iamOn: \JSONDocument.noPool) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeUserPoolDomain(r)
    }
    /// DeleteUserPoolDomain.
    public let deleteUserPoolDomain = CognitoOperation("DeleteUserPoolDomain", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPoolDomain(r)
    }
    /// CreateResourceServer.
    public let createResourceServer = CognitoOperation("CreateResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createResourceServer(r)
    }
    /// UpdateResourceServer.
    public let updateResourceServer = CognitoOperation("UpdateResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateResourceServer(r)
    }
    /// DescribeResourceServer.
    public let describeResourceServer = CognitoOperation("DescribeResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeResourceServer(r)
    }
    /// DeleteResourceServer.
    public let deleteResourceServer = CognitoOperation("DeleteResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteResourceServer(r)
    }
    /// ListResourceServers.
    public let listResourceServers = CognitoOperation("ListResourceServers", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listResourceServers(r)
    }
    /// CreateIdentityProvider.
    public let createIdentityProvider = CognitoOperation("CreateIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createIdentityProvider(r)
    }
    /// UpdateIdentityProvider.
    public let updateIdentityProvider = CognitoOperation("UpdateIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateIdentityProvider(r)
    }
    /// DescribeIdentityProvider.
    public let describeIdentityProvider = CognitoOperation("DescribeIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeIdentityProvider(r)
    }
    /// GetIdentityProviderByIdentifier.
    public let getIdentityProviderByIdentifier = CognitoOperation("GetIdentityProviderByIdentifier", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getIdentityProviderByIdentifier(r)
    }
    /// DeleteIdentityProvider.
    public let deleteIdentityProvider = CognitoOperation("DeleteIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteIdentityProvider(r)
    }
    /// ListIdentityProviders.
    public let listIdentityProviders = CognitoOperation("ListIdentityProviders", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listIdentityProviders(r)
    }
    /// CreateTerms.
    public let createTerms = CognitoOperation("CreateTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createTerms(r)
    }
    /// UpdateTerms.
    public let updateTerms = CognitoOperation("UpdateTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateTerms(r)
    }
    /// DescribeTerms.
    public let describeTerms = CognitoOperation("DescribeTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeTerms(r)
    }
    /// DeleteTerms.
    public let deleteTerms = CognitoOperation("DeleteTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteTerms(r)
    }
    /// ListTerms.
    public let listTerms = CognitoOperation("ListTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listTerms(r)
    }
    /// CreateManagedLoginBranding.
    public let createManagedLoginBranding = CognitoOperation("CreateManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createManagedLoginBranding(r)
    }
    /// UpdateManagedLoginBranding.
    public let updateManagedLoginBranding = CognitoOperation("UpdateManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateManagedLoginBranding(r)
    }
    /// DescribeManagedLoginBranding.
    public let describeManagedLoginBranding = CognitoOperation("DescribeManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeManagedLoginBranding(r)
    }
    /// DescribeManagedLoginBrandingByClient.
    public let describeManagedLoginBrandingByClient = CognitoOperation("DescribeManagedLoginBrandingByClient", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeManagedLoginBrandingByClient(r)
    }
    /// DeleteManagedLoginBranding.
    public let deleteManagedLoginBranding = CognitoOperation("DeleteManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteManagedLoginBranding(r)
    }
}

extension CognitoCalling {
    /// CreateUserPoolDomain.
    public func createUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createUserPoolDomain, request)
    }

    /// UpdateUserPoolDomain.
    public func updateUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateUserPoolDomain, request)
    }

    /// DescribeUserPoolDomain.
    public func describeUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeUserPoolDomain, request)
    }

    /// DeleteUserPoolDomain.
    public func deleteUserPoolDomain(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteUserPoolDomain, request)
    }

    /// CreateResourceServer.
    public func createResourceServer(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createResourceServer, request)
    }

    /// UpdateResourceServer.
    public func updateResourceServer(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateResourceServer, request)
    }

    /// DescribeResourceServer.
    public func describeResourceServer(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeResourceServer, request)
    }

    /// DeleteResourceServer.
    public func deleteResourceServer(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteResourceServer, request)
    }

    /// ListResourceServers.
    public func listResourceServers(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.listResourceServers, request)
    }

    /// CreateIdentityProvider.
    public func createIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createIdentityProvider, request)
    }

    /// UpdateIdentityProvider.
    public func updateIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateIdentityProvider, request)
    }

    /// DescribeIdentityProvider.
    public func describeIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeIdentityProvider, request)
    }

    /// GetIdentityProviderByIdentifier.
    public func getIdentityProviderByIdentifier(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.getIdentityProviderByIdentifier, request)
    }

    /// DeleteIdentityProvider.
    public func deleteIdentityProvider(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteIdentityProvider, request)
    }

    /// ListIdentityProviders.
    public func listIdentityProviders(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.listIdentityProviders, request)
    }

    /// CreateTerms.
    public func createTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createTerms, request)
    }

    /// UpdateTerms.
    public func updateTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateTerms, request)
    }

    /// DescribeTerms.
    public func describeTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeTerms, request)
    }

    /// DeleteTerms.
    public func deleteTerms(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteTerms, request)
    }

    /// ListTerms.
    public func listTerms(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.listTerms, request)
    }

    /// CreateManagedLoginBranding.
    public func createManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.createManagedLoginBranding, request)
    }

    /// UpdateManagedLoginBranding.
    public func updateManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.updateManagedLoginBranding, request)
    }

    /// DescribeManagedLoginBranding.
    public func describeManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeManagedLoginBranding, request)
    }

    /// DescribeManagedLoginBrandingByClient.
    public func describeManagedLoginBrandingByClient(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolResources.describeManagedLoginBrandingByClient, request)
    }

    /// DeleteManagedLoginBranding.
    public func deleteManagedLoginBranding(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolResources.deleteManagedLoginBranding, request)
    }
}
