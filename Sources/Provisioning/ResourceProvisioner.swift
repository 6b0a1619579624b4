public import ServerlessConfig

/// Provisions one CloudFormation resource type (`AWS::Cognito::UserPool`, …). A new type is one new
/// conforming struct, added to ``StackProvisioner/provisioners``.
///
/// Provisioning runs in two passes over the resources, so any resource may refer to any other:
/// ``register(_:in:)`` gives each resource its physical ID and attributes, then ``provision(_:in:)``
/// reads each resource's resolved properties into the stack, in the order of the provisioners.
public protocol ResourceProvisioner: Sendable {
    /// The CloudFormation type this provisioner handles.
    var resourceType: String { get }
    /// First pass: record what `Ref` and `Fn::GetAtt` answer for the resource (``ProvisioningContext/register(_:_:)``).
    func register(_ resource: Resource, in context: inout ProvisioningContext)
    /// Second pass: read the resource's properties into ``ProvisioningContext/stack``.
    func provision(_ resource: Resource, in context: inout ProvisioningContext)
    /// After every resource of the type is provisioned: what the framework adds for the type.
    func finish(in context: inout ProvisioningContext)
}

extension ResourceProvisioner {
    /// Nothing to add by default.
    public func finish(in context: inout ProvisioningContext) {}
}

/// What provisioners read and write: the service, the listeners' endpoints, the stack being built,
/// the intrinsic values known so far and the problems found.
public struct ProvisioningContext: Sendable {
    /// The loaded service.
    public let service: ServerlessService
    /// The stack being built.
    public var stack: ProvisionedStack
    /// Problems, positioned at the resource or event that has them.
    public var diagnostics = DiagnosticCollector()
    /// Evaluates intrinsics against the resources registered so far.
    public private(set) var resolver: IntrinsicResolver

    init(service: ServerlessService, stack: ProvisionedStack, resolver: IntrinsicResolver) {
        self.service = service
        self.stack = stack
        self.resolver = resolver
    }

    /// Records a resource: `Ref` answers its physical ID, `Fn::GetAtt` its attributes.
    public mutating func register(_ logicalID: String, _ resource: ProvisionedResource) {
        stack.resources[logicalID] = resource
        resolver.refs[logicalID] = resource.physicalID
        resolver.attributes[logicalID] = resource.attributes
    }

    /// The resource's properties with every intrinsic evaluated, or nil with an error at the resource.
    public mutating func properties(of resource: Resource) -> CFValue? {
        do {
            return try resolver.resolve(resource.properties)
        } catch {
            diagnostics.error("\(resource.type) '\(resource.logicalID)': \(error.message)", at: resource.mark)
            return nil
        }
    }
}
