import CognitoEmulator
import EmulatorCore
import ServerlessConfig

/// `AWS::Cognito::UserPoolResourceServer`, `AWS::Cognito::UserPoolDomain`,
/// `AWS::Cognito::UserPoolIdentityProvider` and `AWS::Cognito::ManagedLoginBranding`: stored with their
/// pool at start, as the API's Create operations would store them. `Ref` answers the resource server's
/// `Identifier`, the domain's name, the provider's `ProviderName` and the style's client ID.
struct PoolResourceProvisioner: ResourceProvisioner {
    let resourceType: String

    private var kind: PoolResourceConfiguration.Kind {
        switch resourceType {
        case "AWS::Cognito::UserPoolDomain": .domain
        case "AWS::Cognito::UserPoolIdentityProvider": .identityProvider
        case "AWS::Cognito::ManagedLoginBranding": .branding
        default: .resourceServer
        }
    }

    private var nameKey: String {
        switch kind {
        case .domain: "Domain"
        case .identityProvider: "ProviderName"
        case .branding: "ClientId"
        case .resourceServer: "Identifier"
        }
    }

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
        let required = ["Name"].filter { _ in kind == .resourceServer } + ["ProviderType"].filter { _ in kind == .identityProvider }
        for key in required where json[key]?.stringValue == nil {
            context.diagnostics.error("\(resourceType) '\(resource.logicalID)' needs \(key)", at: resource.mark)
            return
        }
        guard case .object(let members) = json else { return }
        context.stack.cognito.poolResources.append(
            PoolResourceConfiguration(kind: kind, poolLogicalID: pool.logicalID, definition: .object(members.filter { $0.key != "UserPoolId" }))
        )
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: name))
    }
}
