import EmulatorCore
import EmulatorCrypto
import ServerlessConfig

/// `AWS::IAM::Role`: a role with its trust policy (`AssumeRolePolicyDocument`), inline `Policies` and
/// `ManagedPolicyArns` (AWS's `AdministratorAccess` grants everything; other managed policies are not
/// known offline and are left out, with a warning). A policy IAM would refuse stops the start, at its line.
struct IAMRoleProvisioner: ResourceProvisioner {
    let resourceType = "AWS::IAM::Role"

    static let administratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        let properties = try? context.resolver.resolve(resource.properties)
        let name = properties?["RoleName"]?.stringValue ?? Self.generatedName(resource.logicalID, stack: context.stack.stackName)
        let path = properties?["Path"]?.stringValue ?? "/"
        let arn = "arn:aws:iam::\(context.stack.accountID):role\(path)\(name)"
        let role = IAMRole(name: name, arn: arn, trust: TrustPolicy(statements: []), permissions: IAMPolicy(statements: []))
        context.register(
            resource.logicalID,
            ProvisionedResource(type: resourceType, physicalID: name, attributes: ["Arn": arn, "RoleId": role.roleID])
        )
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource), let registered = context.stack.resources[resource.logicalID] else { return }
        let json = CognitoProperties.json(properties)
        let what = "AWS::IAM::Role '\(resource.logicalID)'"
        guard let trustDocument = json["AssumeRolePolicyDocument"] else {
            context.diagnostics.error("\(what) needs AssumeRolePolicyDocument", at: resource.mark)
            return
        }
        var policies: [IAMPolicy] = []
        do throws(IAMPolicyError) {
            let trust = try TrustPolicy(document: trustDocument)
            if case .array(let inline)? = json["Policies"] {
                for policy in inline {
                    guard let document = policy["PolicyDocument"] else { throw IAMPolicyError("each of Policies needs PolicyDocument") }
                    do throws(IAMPolicyError) {
                        policies.append(try IAMPolicy(document: document))
                    } catch {
                        throw IAMPolicyError("policy '\(policy["PolicyName"]?.stringValue ?? "?")': \(error.message)")
                    }
                }
            }
            if case .array(let managed)? = json["ManagedPolicyArns"] {
                for arn in managed.compactMap(\.stringValue) {
                    if arn == Self.administratorAccess {
                        policies.append(.allowAll)
                    } else if context.stack.resources.values.contains(where: { $0.type == "AWS::IAM::ManagedPolicy" && $0.physicalID == arn }) {
                        // The stack's own managed policy: its provisioner attaches it (see IAMPolicyProvisioner).
                    } else {
                        context.diagnostics.warning(
                            "\(what): the managed policy \(arn) is not known offline; its permissions are not applied",
                            at: resource.mark
                        )
                    }
                }
            }
            context.stack.roles.append(
                IAMRole(
                    name: registered.physicalID,
                    arn: registered.attributes["Arn"] ?? "",
                    trust: trust,
                    permissions: IAMPolicy(combining: policies),
                    maxSessionDuration: json["MaxSessionDuration"]?.numberValue.map { Int(min(max($0, 3600), 43_200)) } ?? 3600
                )
            )
        } catch {
            context.diagnostics.error("\(what): \(error.message)", at: resource.mark)
        }
    }

    /// CloudFormation's name for an unnamed role: `<stack>-<logical ID>-<suffix>`, stable here.
    static func generatedName(_ logicalID: String, stack: String) -> String {
        let digest = Digest.sha256(Array("role|\(stack)|\(logicalID)".utf8))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let suffix = String(digest.prefix(12).map { alphabet[Int($0) % alphabet.count] })
        return String("\(stack)-\(logicalID)".prefix(51)) + "-" + suffix
    }
}

/// `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy`: a policy document attached to the roles it names
/// (`Roles`: role names, usually `!Ref`s of the stack's roles).
struct IAMPolicyProvisioner: ResourceProvisioner {
    let resourceType: String

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        let name = (try? context.resolver.resolve(resource.properties))?["PolicyName"]?.stringValue ?? resource.logicalID
        let physicalID =
            resourceType == "AWS::IAM::ManagedPolicy" ? "arn:aws:iam::\(context.stack.accountID):policy/\(name)" : name
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: physicalID))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource) else { return }
        let json = CognitoProperties.json(properties)
        let what = "\(resourceType) '\(resource.logicalID)'"
        guard let document = json["PolicyDocument"] else {
            context.diagnostics.error("\(what) needs PolicyDocument", at: resource.mark)
            return
        }
        let policy: IAMPolicy
        do {
            policy = try IAMPolicy(document: document)
        } catch {
            context.diagnostics.error("\(what): \(error.message)", at: resource.mark)
            return
        }
        var names: [String] = []
        if case .array(let roles)? = json["Roles"] { names = roles.compactMap(\.stringValue) }
        // A managed policy is also attached by the roles that list it in `ManagedPolicyArns`.
        if resourceType == "AWS::IAM::ManagedPolicy", let arn = context.stack.resources[resource.logicalID]?.physicalID {
            for role in context.service.resources.resources(ofType: "AWS::IAM::Role") {
                guard case .list(let items)? = (try? context.resolver.resolve(role.properties))?["ManagedPolicyArns"],
                    items.contains(where: { $0.stringValue == arn }), let name = context.stack.resources[role.logicalID]?.physicalID
                else { continue }
                if !names.contains(name) { names.append(name) }
            }
        }
        for name in names {
            guard let index = context.stack.roles.firstIndex(where: { $0.name == name }) else {
                context.diagnostics.warning(
                    "\(what): the role '\(name)' is not one of this service's roles; the policy is not applied to it",
                    at: resource.mark
                )
                continue
            }
            context.stack.roles[index].permissions = IAMPolicy(combining: [context.stack.roles[index].permissions, policy])
        }
    }
}
