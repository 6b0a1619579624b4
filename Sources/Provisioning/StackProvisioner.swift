import APIGatewayEmulator
import CognitoEmulator
import EmulatorCore
public import ServerlessConfig

/// The provisioning stage: turns a loaded service and the listeners' endpoints into one
/// ``ProvisionedStack``, as CloudFormation would create the stack — every resource registered
/// first (so any may refer to any other), then each provisioned by the provisioner of its type.
///
/// ```swift
/// let result = StackProvisioner().provision(service, endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229))
/// let poolID = result.stack.resources["UserPool"]?.physicalID
/// ```
public struct StackProvisioner: Sendable {
    /// The result: the stack, and the problems found (errors mean the stack cannot run).
    public struct Result: Sendable {
        /// The stack.
        public var stack: ProvisionedStack
        /// Errors and warnings, positioned at the resource or event.
        public var diagnostics: [Diagnostic]
        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The provisioners for the resource types the emulator creates, in the order they run.
    public static let standard: [any ResourceProvisioner] = [
        UserPoolProvisioner(), UserPoolClientProvisioner(), UserPoolGroupProvisioner(),
        PoolResourceProvisioner(resourceType: "AWS::Cognito::UserPoolResourceServer"),
        PoolResourceProvisioner(resourceType: "AWS::Cognito::UserPoolDomain"),
        PoolResourceProvisioner(resourceType: "AWS::Cognito::UserPoolIdentityProvider"),
        PoolResourceProvisioner(resourceType: "AWS::Cognito::ManagedLoginBranding"), IAMRoleProvisioner(),
        IAMPolicyProvisioner(resourceType: "AWS::IAM::Policy"), IAMPolicyProvisioner(resourceType: "AWS::IAM::ManagedPolicy"),
        IdentityPoolProvisioner(), IdentityPoolRoleAttachmentProvisioner(), FunctionProvisioner(), GatewayResponseProvisioner(),
    ]

    /// The provisioners, in order; resources of other types are left out of the stack.
    public var provisioners: [any ResourceProvisioner]
    /// The account the resources live in.
    public var accountID: String

    /// A stage with the given provisioners (the standard ones unless said otherwise).
    public init(provisioners: [any ResourceProvisioner] = StackProvisioner.standard, accountID: String = LoadOptions.defaultAccountID) {
        self.provisioners = provisioners
        self.accountID = accountID
    }

    /// Provisions `service` for listeners at `endpoints`.
    public func provision(_ service: ServerlessService, endpoints: ServiceEndpoints) -> Result {
        let stackName = "\(service.name)-\(service.stage)"
        var resolver = IntrinsicResolver(region: service.region, accountID: accountID, stackName: stackName)
        resolver.conditions = service.resources.conditions
        let stack = ProvisionedStack(
            stackName: stackName,
            region: service.region,
            accountID: accountID,
            endpoints: endpoints,
            cognito: CognitoConfiguration(service: service.name, stage: service.stage, region: service.region, accountID: accountID),
            gateway: GatewayConfiguration(
                stage: service.stage,
                apiID: APIGateway.stableID("api|\(service.name)|\(service.stage)", length: 10),
                region: service.region,
                accountID: accountID,
                binaryMediaTypes: service.provider.apiGateway.binaryMediaTypes,
                endpoints: [],
                httpAPIID: APIGateway.stableID("httpapi|\(service.name)|\(service.stage)", length: 10)
            )
        )
        var context = ProvisioningContext(service: service, stack: stack, resolver: resolver)
        let byType = Dictionary(provisioners.map { ($0.resourceType, $0) }, uniquingKeysWith: { first, _ in first })
        FunctionProvisioner.registerServiceFunctions(in: &context)
        GatewayProvisioner.registerAPIs(in: &context)
        StandInResources.register(in: &context, handledTypes: Set(byType.keys))
        for resource in service.resources.resources {
            byType[resource.type]?.register(resource, in: &context)
        }
        for provisioner in provisioners {
            for resource in service.resources.resources(ofType: provisioner.resourceType) {
                provisioner.provision(resource, in: &context)
            }
            provisioner.finish(in: &context)
        }
        FunctionProvisioner.provisionServiceFunctions(in: &context)
        GatewayProvisioner.provision(in: &context)
        return Result(stack: context.stack, diagnostics: context.diagnostics.diagnostics)
    }
}
