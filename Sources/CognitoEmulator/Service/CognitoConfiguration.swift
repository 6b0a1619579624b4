/// Everything the Cognito service is built from: the pools, clients and groups of serverless.yml,
/// and where the emulated account lives.
public struct CognitoConfiguration: Sendable {
    /// The service name (part of the stable IDs).
    public var service: String
    /// The stage (part of the stable IDs).
    public var stage: String
    /// The region.
    public var region: String
    /// The account ID.
    public var accountID: String
    /// The pools.
    public var pools: [UserPoolConfiguration]
    /// The app clients.
    public var clients: [UserPoolClientConfiguration]
    /// The groups.
    public var groups: [UserPoolGroupConfiguration]
    /// Resource servers, domains, identity providers and branding styles of the pools.
    public var poolResources: [PoolResourceConfiguration] = []

    /// Creates a configuration.
    public init(
        service: String,
        stage: String,
        region: String,
        accountID: String,
        pools: [UserPoolConfiguration] = [],
        clients: [UserPoolClientConfiguration] = [],
        groups: [UserPoolGroupConfiguration] = []
    ) {
        self.service = service
        self.stage = stage
        self.region = region
        self.accountID = accountID
        self.pools = pools
        self.clients = clients
        self.groups = groups
    }

    /// The pool ID a pool's logical ID gets.
    public func poolID(forLogicalID logicalID: String) -> String {
        StableID.poolID(region: region, service: service, stage: stage, logicalID: logicalID)
    }

    /// The client ID a client's logical ID gets.
    public func clientID(forLogicalID logicalID: String) -> String {
        StableID.clientID(service: service, stage: stage, logicalID: logicalID)
    }
}

/// A pool's resource server, domain, identity provider or branding style as serverless.yml declares
/// it, in the members of the API's Create operation for it.
public struct PoolResourceConfiguration: Sendable {
    /// Which kind of resource.
    public enum Kind: Sendable {
        /// `AWS::Cognito::UserPoolResourceServer`.
        case resourceServer
        /// `AWS::Cognito::UserPoolDomain`.
        case domain
        /// `AWS::Cognito::UserPoolIdentityProvider`.
        case identityProvider
        /// `AWS::Cognito::ManagedLoginBranding`.
        case branding
    }

    /// The kind.
    public var kind: Kind
    /// The logical ID of its pool.
    public var poolLogicalID: String
    /// Its members, as CreateResourceServer or CreateUserPoolDomain take them.
    public var definition: JSONValue

    /// Creates a resource.
    public init(kind: Kind, poolLogicalID: String, definition: JSONValue) {
        self.kind = kind
        self.poolLogicalID = poolLogicalID
        self.definition = definition
    }
}
