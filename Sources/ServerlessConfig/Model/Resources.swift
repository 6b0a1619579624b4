public import YAML

/// `resources`: the CloudFormation template fragment the service adds.
public struct Resources: Sendable {
    /// `Resources`, in file order.
    public var resources: [Resource]
    /// `Outputs`, in file order.
    public var outputs: [Output]
    /// `Conditions`, by name.
    public var conditions: [String: CFValue]
    /// `Parameters` names.
    public var parameters: [String]

    /// Creates the section.
    public init(resources: [Resource] = [], outputs: [Output] = [], conditions: [String: CFValue] = [:], parameters: [String] = []) {
        self.resources = resources
        self.outputs = outputs
        self.conditions = conditions
        self.parameters = parameters
    }

    /// The resource with a logical ID.
    public subscript(logicalID: String) -> Resource? {
        resources.first { $0.logicalID == logicalID }
    }

    /// The resources of one CloudFormation type, in file order.
    public func resources(ofType type: String) -> [Resource] {
        resources.filter { $0.type == type }
    }
}

/// One CloudFormation resource. Every type is kept: the emulator provisions the ones it knows
/// (Cognito pools, clients, groups) and keeps the rest as written.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
public struct Resource: Sendable {
    /// The logical ID (its key).
    public var logicalID: String
    /// `Type` (`AWS::Cognito::UserPool`).
    public var type: String
    /// `Properties`, with intrinsics typed; `.map([])` when absent.
    public var properties: CFValue
    /// `Condition`, if any.
    public var condition: String?
    /// `DependsOn`.
    public var dependsOn: [String]
    /// The resource as written, for positions of its properties.
    public var node: YAMLNode
    /// Where it is declared (its key).
    public var mark: Mark

    /// Whether the type is one of Cognito user pools' (`AWS::Cognito::…`).
    public var isCognito: Bool { type.hasPrefix("AWS::Cognito::") }
}

/// One entry of `Outputs`.
public struct Output: Sendable {
    /// The logical ID.
    public var logicalID: String
    /// `Value`.
    public var value: CFValue
    /// `Description`.
    public var description: String?
    /// `Export.Name`, if given.
    public var exportName: CFValue?
    /// Where it is declared.
    public var mark: Mark
}
