public import APIGatewayEmulator
public import CognitoEmulator
public import EmulatorCore
public import IdentityEmulator
public import ServerlessConfig
public import YAML

/// What one serverless.yml becomes: every resource with its live ID and attributes, the user pools,
/// the functions with their environments and roles, and the REST API's endpoints with their
/// authorizers bound. Produced by ``StackProvisioner``; the services are built from it.
public struct ProvisionedStack: Sendable {
    /// `<service>-<stage>`, as the Serverless Framework names the CloudFormation stack.
    public var stackName: String
    /// The region.
    public var region: String
    /// The account ID.
    public var accountID: String
    /// Where the listeners are (the URLs in environments and attributes).
    public var endpoints: ServiceEndpoints
    /// Every resource by logical ID: declared ones, and those the framework generates (functions, pools of `cognitoUserPool` events).
    public var resources: [String: ProvisionedResource] = [:]
    /// The user pools, clients and groups.
    public var cognito: CognitoConfiguration
    /// The functions, in serverless.yml order.
    public var functions: [FunctionDefinition] = []
    /// The IAM roles: `AWS::IAM::Role` resources and the functions' execution role.
    public var roles: [IAMRole] = []
    /// The identity pools, with their roles and role mappings.
    public var identityPools: [IdentityPoolDefinition] = []
    /// The REST API.
    public var gateway: GatewayConfiguration

    /// An empty stack.
    public init(
        stackName: String,
        region: String,
        accountID: String,
        endpoints: ServiceEndpoints,
        cognito: CognitoConfiguration,
        gateway: GatewayConfiguration
    ) {
        self.stackName = stackName
        self.region = region
        self.accountID = accountID
        self.endpoints = endpoints
        self.cognito = cognito
        self.gateway = gateway
    }

    /// The service's user pool with an ID, if it has one.
    public func userPool(_ id: String) -> ProvisionedResource? {
        resources.values.first { $0.type == "AWS::Cognito::UserPool" && $0.physicalID == id }
    }

    /// The function with a key.
    public func function(_ key: String) -> FunctionDefinition? {
        functions.first { $0.key == key }
    }

    /// A value written in serverless.yml (a name, or an intrinsic such as `!GetAtt Queue.Arn`) as text,
    /// its intrinsics resolved against this stack's resources; nil when it is no text or names nothing here.
    public func text(of node: YAMLNode) -> String? {
        var diagnostics = DiagnosticCollector()
        let value = CFValue(node, scope: ReferenceScope(logicalIDs: Set(resources.keys)), diagnostics: &diagnostics)
        guard diagnostics.diagnostics.isEmpty else { return nil }
        var resolver = IntrinsicResolver(region: region, accountID: accountID, stackName: stackName)
        for (logicalID, resource) in resources {
            resolver.refs[logicalID] = resource.physicalID
            resolver.attributes[logicalID] = resource.attributes
        }
        return try? resolver.text(resolver.resolve(value))
    }
}

/// One resource as it exists once provisioned: what `Ref` answers and what `Fn::GetAtt` reads.
public struct ProvisionedResource: Sendable, Hashable {
    /// The CloudFormation type (`AWS::Cognito::UserPool`).
    public var type: String
    /// The physical ID: what `Ref` answers (a pool ID, a function name).
    public var physicalID: String
    /// The attributes `Fn::GetAtt` reads (`Arn`, `ProviderURL`).
    public var attributes: [String: String]

    /// Creates a resource.
    public init(type: String, physicalID: String, attributes: [String: String] = [:]) {
        self.type = type
        self.physicalID = physicalID
        self.attributes = attributes
    }
}

/// A function as provisioned: names, role and policy, and the environment it sees.
public struct FunctionDefinition: Sendable {
    /// The key under `functions`.
    public var key: String
    /// The deployed name (`<service>-<stage>-<key>` unless named).
    public var name: String
    /// The handler string.
    public var handler: String
    /// The runtime, if given.
    public var runtime: String?
    /// The function's ARN.
    public var arn: ARN
    /// The execution role's ARN.
    public var roleARN: ARN
    /// The principal its calls are made as (`assumed-role/<role>/<function>`).
    public var principal: ARN
    /// The role's permissions (allow-all under a custom `provider.iam.role`, which the emulator cannot read).
    public var policy: IAMPolicy
    /// The environment: provider's and function's variables resolved, then Lambda's own.
    public var environment: [String: String]
    /// Timeout in seconds.
    public var timeout: Int
    /// Memory in MB.
    public var memorySize: Int
    /// `description`.
    public var description: String = ""
    /// `reservedConcurrency`, if given.
    public var reservedConcurrency: Int? = nil
    /// `package.artifact`, as written.
    public var artifact: String? = nil
    /// `custom.emulate.functions.<key>.command`, if given.
    public var command: FunctionCommand? = nil
    /// The credentials its environment carries (`AWS_ACCESS_KEY_ID`, …): its own, stable across runs.
    public var credentials: FunctionCredentials
}
