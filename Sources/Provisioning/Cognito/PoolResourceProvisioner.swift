import CognitoEmulator
import EmulatorCore
import ServerlessConfig

/// `AWS::Cognito::UserPoolResourceServer` and `AWS::Cognito::UserPoolDomain`: stored with their pool at
/// start, as CreateResourceServer and CreateUserPoolDomain would store them. `Ref` answers the resource
/// server's `Identifier` and the domain's name.
struct PoolResourceProvisioner: ResourceProvisioner {
    let resourceType: String

    private var kind: PoolResourceConfiguration.Kind { resourceType == "AWS::Cognito::UserPoolDomain" ? .domain : .resourceServer }
    private var nameKey: String { kind == .domain ? "Domain" : "Identifier" }

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let name = (try? context.resolver.resolve(resource.properties))?[nameKey]?.stringValue else { return }
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: name))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource) else { return }
        let json = CognitoProperties.json(properties)
        guard let name = json[nameKey]?.stringValue, !name.isEmpty else {
            context.diagnostics.error("\(resourceType) '\(resource.logicalID)' needs \(nameKey)", at: resource.mark)
            return
        }
        let cognito = context.stack.cognito
        guard let poolID = json["UserPoolId"]?.stringValue,
            let pool = cognito.pools.first(where: { cognito.poolID(forLogicalID: $0.logicalID) == poolID })
        else {
            context.diagnostics.error(
                "\(resourceType) '\(resource.logicalID)' needs UserPoolId: { Ref: <a user pool of this service> }",
                at: resource.mark
            )
            return
        }
        if kind == .resourceServer, json["Name"]?.stringValue == nil {
            context.diagnostics.error("\(resourceType) '\(resource.logicalID)' needs Name", at: resource.mark)
            return
        }
        guard case .object(let members) = json else { return }
        context.stack.cognito.poolResources.append(
            PoolResourceConfiguration(kind: kind, poolLogicalID: pool.logicalID, definition: .object(members.filter { $0.key != "UserPoolId" }))
        )
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: name))
    }
}
