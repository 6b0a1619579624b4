import YAML

extension ConfigDecoder {
    /// `provider.iam.role.statements`, or the older `provider.iamRoleStatements`, or a named role.
    mutating func decodeIAM(_ provider: inout MappingReader) -> (statements: [IAMStatement], customRole: CFValue?) {
        var statements: [IAMStatement] = []
        var customRole: CFValue?
        if let legacy = provider.value("iamRoleStatements") {
            statements += decodeStatements(legacy, context: "provider.iamRoleStatements")
        }
        if let iam = provider.value("iam"), var reader = MappingReader(iam, context: "provider.iam", diagnostics: &diagnostics) {
            reader.accept(["deploymentRole"])
            if let role = reader.value("role") {
                if role.pairs != nil, var roleReader = MappingReader(role, context: "provider.iam.role", diagnostics: &diagnostics) {
                    roleReader.accept(["name", "path", "managedPolicies", "permissionsBoundary", "permissionBoundary", "tags"])
                    if let list = roleReader.value("statements") {
                        statements += decodeStatements(list, context: "provider.iam.role.statements")
                    }
                    roleReader.warnAboutUnknownKeys(diagnostics: &diagnostics)
                } else {
                    customRole = CFValue(role, scope: scope, diagnostics: &diagnostics)
                }
            }
            reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        }
        return (statements, customRole)
    }

    private mutating func decodeStatements(_ node: YAMLNode, context: String) -> [IAMStatement] {
        guard let items = node.items else {
            diagnostics.error("\(context) must be a list of statements, not \(node.kindDescription)", at: node.mark)
            return []
        }
        return items.compactMap { decodeStatement($0, context: context) }
    }

    private mutating func decodeStatement(_ node: YAMLNode, context: String) -> IAMStatement? {
        guard var reader = MappingReader(node, context: "a statement of \(context)", diagnostics: &diagnostics) else { return nil }
        reader.accept(["Sid", "Principal", "NotPrincipal"])
        let effectText = reader.requiredString("Effect", diagnostics: &diagnostics)
        let effect = effectText.flatMap(IAMStatement.Effect.init(rawValue:))
        if let effectText, effect == nil {
            diagnostics.error("'Effect' must be Allow or Deny, not '\(effectText)'", at: node["Effect"]!.mark)
        }
        let actions = reader.strings("Action", diagnostics: &diagnostics) ?? []
        let notActions = reader.strings("NotAction", diagnostics: &diagnostics) ?? []
        if actions.isEmpty, notActions.isEmpty {
            diagnostics.error("a statement of \(context) needs 'Action' or 'NotAction'", at: node.mark)
        }
        func list(_ key: String) -> [CFValue] {
            guard let value = reader.value(key) else { return [] }
            if let items = value.items, value.tag == nil { return items.map { CFValue($0, scope: scope, diagnostics: &diagnostics) } }
            return [CFValue(value, scope: scope, diagnostics: &diagnostics)]
        }
        let resources = list("Resource")
        let notResources = list("NotResource")
        if resources.isEmpty, notResources.isEmpty {
            diagnostics.error("a statement of \(context) needs 'Resource' or 'NotResource'", at: node.mark)
        }
        let condition = reader.value("Condition").map { CFValue($0, scope: scope, diagnostics: &diagnostics) }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        guard let effect else { return nil }
        return IAMStatement(
            effect: effect,
            actions: actions,
            notActions: notActions,
            resources: resources,
            notResources: notResources,
            condition: condition,
            mark: node.mark
        )
    }

    mutating func decodeAPIGateway(_ node: YAMLNode?) -> APIGatewaySettings {
        var settings = APIGatewaySettings()
        guard let node, var reader = MappingReader(node, context: "provider.apiGateway", diagnostics: &diagnostics) else { return settings }
        reader.accept([
            "apiKeys", "apiKeySourceType", "description", "disableDefaultEndpoint", "metrics", "request",
            "resourcePolicy", "restApiResources", "restApiRootResourceId", "shouldStartNameWithService", "stage",
            "timeoutInMillis", "usagePlan", "websocketApiId",
        ])
        settings.binaryMediaTypes = reader.strings("binaryMediaTypes", diagnostics: &diagnostics) ?? []
        settings.minimumCompressionSize = reader.int("minimumCompressionSize", diagnostics: &diagnostics)
        settings.restApiID = reader.value("restApiId").map { CFValue($0, scope: scope, diagnostics: &diagnostics) }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return settings
    }

    mutating func decodeHTTPAPISettings(_ node: YAMLNode) -> HTTPAPISettings? {
        guard var reader = MappingReader(node, context: "provider.httpApi", diagnostics: &diagnostics) else { return nil }
        reader.accept(["id", "name", "disableDefaultEndpoint", "metrics", "useProviderTags", "shouldStartNameWithService"])
        var settings = HTTPAPISettings()
        settings.payloadVersion = reader.string("payload", diagnostics: &diagnostics) ?? "2.0"
        if let cors = reader.value("cors") { settings.cors = decodeCORS(cors, method: "*", context: "provider.httpApi.cors") }
        if let authorizers = reader.value("authorizers"),
            let authorizersReader = MappingReader(authorizers, context: "provider.httpApi.authorizers", diagnostics: &diagnostics)
        {
            settings.authorizers = (authorizersReader.node.pairs ?? []).compactMap { decodeHTTPAPIAuthorizer($0) }
        }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return settings
    }

    private mutating func decodeHTTPAPIAuthorizer(_ pair: YAMLNode.Pair) -> HTTPAPIAuthorizer? {
        let name = pair.key.scalarText ?? ""
        let context = "the httpApi authorizer '\(name)'"
        guard var reader = MappingReader(pair.value, context: context, diagnostics: &diagnostics) else { return nil }
        reader.accept(["name", "managedExternally"])
        let type = reader.string("type", diagnostics: &diagnostics) ?? "jwt"
        let identitySource = reader.strings("identitySource", diagnostics: &diagnostics)
        let kind: HTTPAPIAuthorizer.Kind
        switch type.lowercased() {
        case "jwt":
            guard let issuer = reader.value("issuerUrl") else {
                diagnostics.error("\(context) of type jwt is missing the required key 'issuerUrl'", at: pair.value.mark)
                return nil
            }
            let audienceNode = reader.value("audience")
            let audience =
                audienceNode.map { node in
                    (node.tag == nil ? node.items : nil)?.map { CFValue($0, scope: scope, diagnostics: &diagnostics) }
                        ?? [CFValue(node, scope: scope, diagnostics: &diagnostics)]
                } ?? []
            kind = .jwt(issuerURL: CFValue(issuer, scope: scope, diagnostics: &diagnostics), audience: audience)
        case "request":
            guard let function = reader.requiredString("functionName", diagnostics: &diagnostics) else { return nil }
            checkFunctionExists(function, at: pair.value["functionName"]!.mark)
            kind = .request(
                functionName: function,
                resultTTLInSeconds: reader.int("resultTtlInSeconds", diagnostics: &diagnostics) ?? 300,
                enableSimpleResponses: reader.bool("enableSimpleResponses", diagnostics: &diagnostics) ?? false,
                payloadVersion: reader.string("payloadVersion", diagnostics: &diagnostics) ?? "2.0"
            )
            _ = reader.value("functionArn")
        default:
            diagnostics.error("\(context) has type '\(type)'; expected jwt or request", at: pair.value["type"]!.mark)
            return nil
        }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return HTTPAPIAuthorizer(
            name: name,
            kind: kind,
            identitySource: identitySource ?? ["$request.header.Authorization"],
            mark: pair.key.mark
        )
    }
}
