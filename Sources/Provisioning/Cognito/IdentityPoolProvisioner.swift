import EmulatorCore
import EmulatorCrypto
import IdentityEmulator
import ServerlessConfig

/// `AWS::Cognito::IdentityPool`: the pool in the API's `IdentityPool` shape, with an ID stable for the
/// service, stage and logical ID (`Ref` answers it; `Fn::GetAtt … Name` its name).
struct IdentityPoolProvisioner: ResourceProvisioner {
    let resourceType = "AWS::Cognito::IdentityPool"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        let id = Self.stableID(resource.logicalID, stack: context.stack.stackName, region: context.stack.region)
        let name = (try? context.resolver.resolve(resource.properties))?["IdentityPoolName"]?.stringValue ?? resource.logicalID
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: id, attributes: ["Name": name, "Id": id]))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource), let id = context.stack.resources[resource.logicalID]?.physicalID else { return }
        let json = CognitoProperties.json(properties)
        var members: [JSONValue.Member] = [
            .init("IdentityPoolId", .string(id)),
            .init("IdentityPoolName", .string(json["IdentityPoolName"]?.stringValue ?? resource.logicalID)),
            .init("AllowUnauthenticatedIdentities", .bool(json["AllowUnauthenticatedIdentities"] == .bool(true))),
        ]
        for key in ["AllowClassicFlow", "SupportedLoginProviders", "DeveloperProviderName", "OpenIdConnectProviderARNs", "SamlProviderARNs"] {
            if let value = json[key] { members.append(.init(key, value)) }
        }
        if case .array(let providers)? = json["CognitoIdentityProviders"] {
            members.append(
                .init(
                    "CognitoIdentityProviders",
                    .array(
                        providers.map { provider in
                            .object(
                                [
                                    .init("ProviderName", provider["ProviderName"] ?? .null), .init("ClientId", provider["ClientId"] ?? .null),
                                    .init("ServerSideTokenCheck", provider["ServerSideTokenCheck"] ?? .bool(false)),
                                ]
                            )
                        }
                    )
                )
            )
        }
        if case .array(let tags)? = json["IdentityPoolTags"] {
            members.append(
                .init("IdentityPoolTags", .object(tags.compactMap { tag in tag["Key"]?.stringValue.map { .init($0, tag["Value"] ?? .string("")) } }))
            )
        }
        context.stack.identityPools.append(
            IdentityPoolDefinition(id: id, logicalID: resource.logicalID, pool: .object(members), roles: nil, roleMappings: nil)
        )
    }

    /// `<region>:<uuid>` from the stack and logical ID, so identities survive restarts.
    static func stableID(_ logicalID: String, stack: String, region: String) -> String {
        let hex = Digest.sha256(Array("identitypool|\(stack)|\(logicalID)".utf8)).prefix(16).map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return "\(region):" + groups.joined(separator: "-")
    }
}

/// `AWS::Cognito::IdentityPoolRoleAttachment`: the pool's `Roles` and its `RoleMappings` (CloudFormation
/// keys them by any name and names the provider inside; the API keys them by provider).
struct IdentityPoolRoleAttachmentProvisioner: ResourceProvisioner {
    let resourceType = "AWS::Cognito::IdentityPoolRoleAttachment"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: resource.logicalID))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource) else { return }
        let json = CognitoProperties.json(properties)
        let what = "AWS::Cognito::IdentityPoolRoleAttachment '\(resource.logicalID)'"
        guard let poolID = json["IdentityPoolId"]?.stringValue, let index = context.stack.identityPools.firstIndex(where: { $0.id == poolID }) else {
            context.diagnostics.error("\(what) needs IdentityPoolId: { Ref: <an identity pool of this service> }", at: resource.mark)
            return
        }
        context.stack.identityPools[index].roles = json["Roles"]
        if case .object(let mappings)? = json["RoleMappings"] {
            var byProvider: [JSONValue.Member] = []
            for mapping in mappings {
                guard let provider = mapping.value["IdentityProvider"]?.stringValue else {
                    context.diagnostics.error("\(what): the role mapping '\(mapping.key)' needs IdentityProvider", at: resource.mark)
                    continue
                }
                guard ["Token", "Rules"].contains(mapping.value["Type"]?.stringValue ?? "") else {
                    context.diagnostics.error("\(what): the role mapping '\(mapping.key)' needs Type Token or Rules", at: resource.mark)
                    continue
                }
                var members: [JSONValue.Member] = []
                if case .object(let fields) = mapping.value { members = fields.filter { $0.key != "IdentityProvider" } }
                byProvider.append(.init(provider, .object(members)))
            }
            context.stack.identityPools[index].roleMappings = .object(byProvider)
        }
        var named: [String] = []
        if case .object(let roles)? = json["Roles"] { named += roles.compactMap(\.value.stringValue) }
        if case .object(let mappings)? = context.stack.identityPools[index].roleMappings {
            for mapping in mappings.map(\.value) {
                if case .array(let rules)? = mapping["RulesConfiguration"]?["Rules"] { named += rules.compactMap { $0["RoleARN"]?.stringValue } }
            }
        }
        for arn in named
        where !context.stack.roles.contains(where: { $0.arn == arn })
            && !context.stack.resources.values.contains(where: { $0.attributes["Arn"] == arn })
        {
            context.diagnostics.warning(
                "\(what): the role \(arn) is not one of this service's roles; credentials for it will be refused",
                at: resource.mark
            )
        }
    }
}
