import CognitoEmulator
import EmulatorCore
import ServerlessConfig

/// `AWS::Cognito::UserPool`: the pool's stable ID, its ARN and provider URL, its settings with AWS's
/// defaults; then the pools the Serverless Framework creates for `cognitoUserPool` events, and the
/// events' functions as the pools' triggers.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html
struct UserPoolProvisioner: ResourceProvisioner {
    let resourceType = "AWS::Cognito::UserPool"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        Self.registerPool(logicalID: resource.logicalID, in: &context)
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource) else { return }
        guard let pool = CognitoProperties.pool(properties, resource: resource, diagnostics: &context.diagnostics) else { return }
        context.stack.cognito.pools.append(pool)
    }

    /// The `cognitoUserPool` events: each function becomes its pool's trigger; a pool that is not declared
    /// is created with AWS's defaults under the logical ID Serverless derives, as Serverless creates it.
    func finish(in context: inout ProvisioningContext) {
        for function in context.service.functions {
            for case .cognitoUserPool(let event) in function.events {
                let derived = event.poolLogicalID
                var index = context.stack.cognito.pools.firstIndex { $0.name == event.pool || $0.logicalID == derived }
                if index == nil {
                    if event.existing {
                        context.diagnostics.warning(
                            "cognitoUserPool event of function '\(function.key)': no pool named '\(event.pool)' is declared; the emulator creates it with AWS's defaults",
                            at: event.mark
                        )
                    }
                    context.stack.cognito.pools.append(UserPoolConfiguration(defaultsNamed: event.pool, logicalID: derived))
                    Self.registerPool(logicalID: derived, in: &context)
                    index = context.stack.cognito.pools.count - 1
                }
                let arn = ARN.lambdaFunction(function.name, region: context.stack.region, account: context.stack.accountID)
                context.stack.cognito.pools[index!].lambdaConfig[event.trigger] = arn.description
            }
        }
    }

    /// What `Ref` and `Fn::GetAtt` answer for a pool: its ID, `Arn`, `ProviderName` and `ProviderURL` (the local issuer).
    static func registerPool(logicalID: String, in context: inout ProvisioningContext) {
        let id = context.stack.cognito.poolID(forLogicalID: logicalID)
        let endpoints = context.stack.endpoints
        context.register(
            logicalID,
            ProvisionedResource(
                type: "AWS::Cognito::UserPool",
                physicalID: id,
                attributes: [
                    "Arn": ARN.userPool(id, region: context.stack.region, account: context.stack.accountID).description,
                    "ProviderName": "\(endpoints.host):\(endpoints.cognitoPort)/\(id)",
                    "ProviderURL": "\(endpoints.cognitoBase)/\(id)", "UserPoolId": id,
                ]
            )
        )
    }
}

/// `AWS::Cognito::UserPoolClient`: the client's stable ID and its settings with AWS's defaults.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpoolclient.html
struct UserPoolClientProvisioner: ResourceProvisioner {
    let resourceType = "AWS::Cognito::UserPoolClient"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        let id = context.stack.cognito.clientID(forLogicalID: resource.logicalID)
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: id, attributes: ["ClientId": id]))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource),
            let poolLogicalID = poolReference(properties, resource, &context),
            let client = CognitoProperties.client(properties, resource: resource, poolLogicalID: poolLogicalID, diagnostics: &context.diagnostics)
        else { return }
        context.stack.cognito.clients.append(client)
        let id = context.stack.cognito.clientID(forLogicalID: resource.logicalID)
        context.register(
            resource.logicalID,
            ProvisionedResource(type: resourceType, physicalID: id, attributes: ["ClientId": id, "Name": client.name])
        )
    }
}

/// `AWS::Cognito::UserPoolGroup`: `Ref` answers the group's name.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpoolgroup.html
struct UserPoolGroupProvisioner: ResourceProvisioner {
    let resourceType = "AWS::Cognito::UserPoolGroup"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let name = (try? context.resolver.resolve(resource.properties))?["GroupName"]?.stringValue else { return }
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: name))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource), let poolLogicalID = poolReference(properties, resource, &context) else { return }
        let reader = PropertyReader(properties, resource: resource)
        guard let name = reader.string("GroupName") else {
            context.diagnostics.error("AWS::Cognito::UserPoolGroup '\(resource.logicalID)' needs GroupName", at: resource.mark)
            return
        }
        context.stack.cognito.groups.append(
            UserPoolGroupConfiguration(
                logicalID: resource.logicalID,
                poolLogicalID: poolLogicalID,
                name: name,
                description: reader.string("Description"),
                precedence: reader.int("Precedence"),
                roleARN: reader.string("RoleArn")
            )
        )
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: name))
    }
}

/// The logical ID of the pool a client or group names with `UserPoolId: !Ref <pool>`, or nil with an error.
private func poolReference(_ properties: CFValue, _ resource: Resource, _ context: inout ProvisioningContext) -> String? {
    let pools = context.stack.cognito.pools
    guard let id = properties["UserPoolId"]?.stringValue,
        let pool = pools.first(where: { context.stack.cognito.poolID(forLogicalID: $0.logicalID) == id })
    else {
        context.diagnostics.error(
            "\(resource.type) '\(resource.logicalID)' needs UserPoolId: { Ref: <a user pool of this service> }",
            at: resource.mark
        )
        return nil
    }
    return pool.logicalID
}
