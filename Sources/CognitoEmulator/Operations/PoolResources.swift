/// Domains, resource servers, identity providers, terms and managed login branding (all authorized by IAM).
package struct PoolResources: CognitoOperationFamily {
    /// CreateUserPoolDomain.
    package let createUserPoolDomain = CognitoOperation("CreateUserPoolDomain", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createUserPoolDomain(r)
    }
    /// UpdateUserPoolDomain.
    package let updateUserPoolDomain = CognitoOperation("UpdateUserPoolDomain", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateUserPoolDomain(r)
    }
    /// DescribeUserPoolDomain.
    package let describeUserPoolDomain = CognitoOperation("DescribeUserPoolDomain", iamOn: \JSONDocument.noPool) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeUserPoolDomain(r)
    }
    /// DeleteUserPoolDomain.
    package let deleteUserPoolDomain = CognitoOperation("DeleteUserPoolDomain", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPoolDomain(r)
    }
    /// CreateResourceServer.
    package let createResourceServer = CognitoOperation("CreateResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createResourceServer(r)
    }
    /// UpdateResourceServer.
    package let updateResourceServer = CognitoOperation("UpdateResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateResourceServer(r)
    }
    /// DescribeResourceServer.
    package let describeResourceServer = CognitoOperation("DescribeResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeResourceServer(r)
    }
    /// DeleteResourceServer.
    package let deleteResourceServer = CognitoOperation("DeleteResourceServer", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteResourceServer(r)
    }
    /// ListResourceServers.
    package let listResourceServers = CognitoOperation("ListResourceServers", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listResourceServers(r)
    }
    /// CreateIdentityProvider.
    package let createIdentityProvider = CognitoOperation("CreateIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createIdentityProvider(r)
    }
    /// UpdateIdentityProvider.
    package let updateIdentityProvider = CognitoOperation("UpdateIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateIdentityProvider(r)
    }
    /// DescribeIdentityProvider.
    package let describeIdentityProvider = CognitoOperation("DescribeIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeIdentityProvider(r)
    }
    /// GetIdentityProviderByIdentifier.
    package let getIdentityProviderByIdentifier = CognitoOperation("GetIdentityProviderByIdentifier", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getIdentityProviderByIdentifier(r)
    }
    /// DeleteIdentityProvider.
    package let deleteIdentityProvider = CognitoOperation("DeleteIdentityProvider", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteIdentityProvider(r)
    }
    /// ListIdentityProviders.
    package let listIdentityProviders = CognitoOperation("ListIdentityProviders", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listIdentityProviders(r)
    }
    /// CreateTerms.
    package let createTerms = CognitoOperation("CreateTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createTerms(r)
    }
    /// UpdateTerms.
    package let updateTerms = CognitoOperation("UpdateTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateTerms(r)
    }
    /// DescribeTerms.
    package let describeTerms = CognitoOperation("DescribeTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeTerms(r)
    }
    /// DeleteTerms.
    package let deleteTerms = CognitoOperation("DeleteTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteTerms(r)
    }
    /// ListTerms.
    package let listTerms = CognitoOperation("ListTerms", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listTerms(r)
    }
    /// CreateManagedLoginBranding.
    package let createManagedLoginBranding = CognitoOperation("CreateManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createManagedLoginBranding(r)
    }
    /// UpdateManagedLoginBranding.
    package let updateManagedLoginBranding = CognitoOperation("UpdateManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.updateManagedLoginBranding(r)
    }
    /// DescribeManagedLoginBranding.
    package let describeManagedLoginBranding = CognitoOperation("DescribeManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeManagedLoginBranding(r)
    }
    /// DescribeManagedLoginBrandingByClient.
    package let describeManagedLoginBrandingByClient = CognitoOperation("DescribeManagedLoginBrandingByClient", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeManagedLoginBrandingByClient(r)
    }
    /// DeleteManagedLoginBranding.
    package let deleteManagedLoginBranding = CognitoOperation("DeleteManagedLoginBranding", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.deleteManagedLoginBranding(r)
    }
}
