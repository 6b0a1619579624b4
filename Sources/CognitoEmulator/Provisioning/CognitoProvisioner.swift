public import ServerlessConfig
import YAML

/// Turns the `AWS::Cognito::*` resources of a service into a ``CognitoConfiguration``, filling in
/// AWS's defaults, and registers their `Ref`/`Fn::GetAtt` values with the intrinsic resolver.
public struct CognitoProvisioner {
    /// The provisioned configuration and any problems found (errors name the resource's position).
    public struct Result: Sendable {
        /// What to start the Cognito service with.
        public var configuration: CognitoConfiguration
        /// Problems in the resources' properties.
        public var diagnostics: [Diagnostic]
    }

    /// Creates a provisioner.
    public init() {}

    /// Reads every user pool, client and group of `service`.
    /// - Parameters:
    ///   - service: The loaded service.
    ///   - resolver: Evaluates intrinsics; the pools' and clients' values are added to it.
    ///   - issuerBase: `http://host:port` of the Cognito endpoint, for `ProviderURL`.
    public func provision(_ service: ServerlessService, resolver: inout IntrinsicResolver, issuerBase: String) -> Result {
        var configuration = CognitoConfiguration(service: service.name, stage: service.stage, region: resolver.region, accountID: resolver.accountID)
        var diagnostics = DiagnosticCollector()
        let resources = service.resources
        for resource in resources.resources(ofType: "AWS::Cognito::UserPool") {
            let id = configuration.poolID(forLogicalID: resource.logicalID)
            resolver.refs[resource.logicalID] = id
            resolver.attributes[resource.logicalID] = [
                "Arn": "arn:aws:cognito-idp:\(resolver.region):\(resolver.accountID):userpool/\(id)",
                "ProviderName": "\(issuerBase.split(separator: "/").last ?? "")/\(id)",
                "ProviderURL": "\(issuerBase)/\(id)", "UserPoolId": id,
            ]
        }
        for resource in resources.resources(ofType: "AWS::Cognito::UserPool") {
            guard let properties = resolve(resource, resolver, &diagnostics) else { continue }
            configuration.pools.append(PoolProperties(properties, resource: resource, diagnostics: &diagnostics).configuration)
        }
        CognitoUserPoolEvents.apply(service, to: &configuration, resolver: &resolver, issuerBase: issuerBase, diagnostics: &diagnostics)
        let poolIDs = Dictionary(uniqueKeysWithValues: configuration.pools.map { (configuration.poolID(forLogicalID: $0.logicalID), $0.logicalID) })
        for resource in resources.resources(ofType: "AWS::Cognito::UserPoolClient") {
            guard let properties = resolve(resource, resolver, &diagnostics),
                let poolLogicalID = poolReference(properties, resource, poolIDs, &diagnostics),
                let client = ClientProperties(properties, resource: resource, poolLogicalID: poolLogicalID, diagnostics: &diagnostics).configuration
            else { continue }
            configuration.clients.append(client)
            let id = configuration.clientID(forLogicalID: resource.logicalID)
            resolver.refs[resource.logicalID] = id
            resolver.attributes[resource.logicalID] = ["Name": client.name]
        }
        for resource in resources.resources(ofType: "AWS::Cognito::UserPoolGroup") {
            guard let properties = resolve(resource, resolver, &diagnostics),
                let poolLogicalID = poolReference(properties, resource, poolIDs, &diagnostics)
            else { continue }
            let reader = PropertyReader(properties, resource: resource)
            guard let name = reader.string("GroupName") else {
                diagnostics.error("AWS::Cognito::UserPoolGroup '\(resource.logicalID)' needs GroupName", at: resource.mark)
                continue
            }
            configuration.groups.append(UserPoolGroupConfiguration(
                logicalID: resource.logicalID, poolLogicalID: poolLogicalID, name: name, description: reader.string("Description"),
                precedence: reader.int("Precedence"), roleARN: reader.string("RoleArn")))
            resolver.refs[resource.logicalID] = name
        }
        return Result(configuration: configuration, diagnostics: diagnostics.diagnostics)
    }

    private func resolve(_ resource: Resource, _ resolver: IntrinsicResolver, _ diagnostics: inout DiagnosticCollector) -> CFValue? {
        do {
            return try resolver.resolve(resource.properties)
        } catch {
            diagnostics.error("\(resource.type) '\(resource.logicalID)': \(error.message)", at: resource.mark)
            return nil
        }
    }

    private func poolReference(_ properties: CFValue, _ resource: Resource, _ pools: [String: String], _ diagnostics: inout DiagnosticCollector) -> String? {
        guard let id = properties["UserPoolId"]?.stringValue, let logicalID = pools[id] else {
            diagnostics.error("\(resource.type) '\(resource.logicalID)' needs UserPoolId: { Ref: <a user pool of this service> }", at: resource.mark)
            return nil
        }
        return logicalID
    }
}

/// Typed access to resolved resource properties.
struct PropertyReader {
    let properties: CFValue
    let resource: Resource

    init(_ properties: CFValue, resource: Resource) {
        self.properties = properties
        self.resource = resource
    }

    subscript(_ key: String) -> CFValue? { properties[key] }

    func string(_ key: String) -> String? {
        switch properties[key] {
        case .string(let value)?: return value
        case .int(let value)?: return String(value)
        default: return nil
        }
    }

    func int(_ key: String) -> Int? {
        switch properties[key] {
        case .int(let value)?: return value
        case .string(let value)?: return Int(value)
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch properties[key] {
        case .bool(let value)?: return value
        case .string("true")?: return true
        case .string("false")?: return false
        default: return nil
        }
    }

    func strings(_ key: String) -> [String] {
        switch properties[key] {
        case .list(let items)?: return items.compactMap(\.stringValue)
        case .string(let value)?: return [value]
        default: return []
        }
    }
}
