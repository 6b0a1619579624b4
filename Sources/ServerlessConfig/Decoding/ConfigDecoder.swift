import YAML

/// Turns a variable-resolved serverless.yml tree into a ``ServerlessService``, collecting diagnostics.
struct ConfigDecoder {
    var diagnostics: DiagnosticCollector
    var scope = ReferenceScope()
    var declaredFunctionKeys: [String] = []
    /// Logical IDs of the `AWS::Cognito::UserPool` resources, to recognise `Fn::GetAtt: [Pool, Arn]` authorizers.
    var cognitoPoolIDs: Set<String> = []
    let stage: String
    let region: String

    static let topLevelKeys: Set<String> = [
        "app", "build", "configValidationMode", "console", "dashboard", "deprecationNotificationMode",
        "disabledDeprecations", "layers", "license", "org", "outputs", "package", "params", "projectDir", "stages", "constructs",
        "stepFunctions", "unresolvedVariablesNotificationMode", "useDotenv", "variablesResolutionMode",
    ]

    static let providerKeys: Set<String> = [
        "alb", "apiKeys", "apiName", "architecture", "cfnRole", "cloudFront", "deploymentBucket", "deploymentMethod",
        "deploymentPrefix", "disableRollback", "ecr", "endpointType", "eventBridge", "iamManagedPolicies", "kmsKeyArn",
        "lambdaHashingVersion", "layers", "logRetentionInDays", "logs", "notificationArns", "profile",
        "resourcePolicy", "role", "rolePermissionsBoundary", "runtimeManagement", "s3", "stackName", "stackParameters",
        "stackPolicy", "stackTags", "tags", "tracing", "usagePlan", "versionFunctions", "vpc", "websocketsApiName",
        "websocketsApiRouteSelectionExpression", "websocketsDescription", "logDataProtectionPolicy", "kinesis",
        "ephemeralStorage", "environmentFile",
    ]

    /// Decodes the whole service, or returns nil when a part it cannot do without is missing.
    mutating func decode(_ root: YAMLNode, configPath: String) -> ServerlessService? {
        guard var top = MappingReader(root, context: "the service file", diagnostics: &diagnostics) else { return nil }
        top.accept(Self.topLevelKeys.union(["custom", "functions", "resources"]))
        let name = decodeServiceName(&top)
        scope = buildScope(root)
        declaredFunctionKeys = root["functions"]?.pairs?.compactMap { $0.key.scalarText } ?? []
        guard let providerNode = top.value("provider") else {
            diagnostics.error("the service file is missing the required key 'provider'", at: root.mark)
            return nil
        }
        let provider = decodeProvider(providerNode)
        var functions =
            root["functions"].map {
                decodeFunctions($0, provider: provider, serviceName: name ?? "service", serviceArtifact: root["package"]?["artifact"]?.scalarText)
            } ?? []
        warnAboutEventsNotRun(functions)
        let commands = decodeEmulateFunctions(root["custom"])
        for index in functions.indices { functions[index].command = commands[functions[index].key] }
        let resources = root["resources"].map { decodeResources($0) } ?? Resources()
        let plugins = decodePlugins(top.value("plugins"))
        let frameworkVersion = top.string("frameworkVersion", diagnostics: &diagnostics)
        top.warnAboutUnknownKeys(diagnostics: &diagnostics)
        guard let name, let provider else { return nil }
        var service = ServerlessService(
            name: name,
            frameworkVersion: frameworkVersion,
            provider: provider,
            functions: functions,
            resources: resources,
            custom: root["custom"],
            plugins: plugins,
            configPath: configPath
        )
        service.offline = decodeOfflinePluginSettings(root["custom"]?["serverless-offline"])
        checkRoutesAreUnique(service)
        return service
    }

    /// One warning per event type the emulator does not run, naming the functions that have one.
    private mutating func warnAboutEventsNotRun(_ functions: [Function]) {
        var byType: [String: (functions: [String], mark: Mark)] = [:]
        var order: [String] = []
        for function in functions {
            for case .other(let type, let node) in function.events {
                if byType[type] == nil { order.append(type) }
                var entry = byType[type] ?? ([], node.mark)
                if !entry.functions.contains(function.key) { entry.functions.append(function.key) }
                byType[type] = entry
            }
        }
        for type in order {
            guard let entry = byType[type] else { continue }
            let names = entry.functions.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.warning(
                "'\(type)' events are not run by the emulator (function\(entry.functions.count == 1 ? "" : "s") \(names)); "
                    + "the functions load, and 'emulate invoke' runs them with an event you give",
                at: entry.mark
            )
        }
    }

    private mutating func decodeServiceName(_ top: inout MappingReader) -> String? {
        guard let node = top.value("service") else {
            diagnostics.error("the service file is missing the required key 'service'", at: top.node.mark)
            return nil
        }
        if node.pairs != nil, var reader = MappingReader(node, context: "service", diagnostics: &diagnostics) {
            defer { reader.warnAboutUnknownKeys(diagnostics: &diagnostics) }
            reader.accept(["awsKmsKeyArn"])
            return reader.requiredString("name", diagnostics: &diagnostics)
        }
        guard let text = node.scalarValue?.text, !node.isNull, !text.isEmpty else {
            diagnostics.error("'service' must be a non-empty string, not \(node.kindDescription)", at: node.mark)
            return nil
        }
        return text
    }

    /// Every name a reference may point at: declared resources, parameters and conditions, and the
    /// logical IDs the Serverless Framework generates for the service's own functions and APIs.
    private mutating func buildScope(_ root: YAMLNode) -> ReferenceScope {
        var scope = ReferenceScope(logicalIDs: [
            "ApiGatewayRestApi", "HttpApi", "HttpApiStage", "ServerlessDeploymentBucket", "IamRoleLambdaExecution",
        ])
        let sections = root["resources"].map { $0.items ?? [$0] } ?? []
        for section in sections {
            for pair in section["Resources"]?.pairs ?? [] where pair.value["Type"]?.scalarText == "AWS::Cognito::UserPool" {
                if let id = pair.key.scalarText { cognitoPoolIDs.insert(id) }
            }
            scope.logicalIDs.formUnion(section["Resources"]?.pairs?.compactMap { $0.key.scalarText } ?? [])
            for pair in section["Resources"]?.pairs ?? [] {
                if let id = pair.key.scalarText, let type = pair.value["Type"]?.scalarText { scope.types[id] = type }
            }
            scope.parameters.formUnion(section["Parameters"]?.pairs?.compactMap { $0.key.scalarText } ?? [])
            scope.conditions.formUnion(section["Conditions"]?.pairs?.compactMap { $0.key.scalarText } ?? [])
        }
        for pair in root["functions"]?.pairs ?? [] {
            guard let key = pair.key.scalarText else { continue }
            let normalized = Function.normalizedName(key)
            scope.logicalIDs.formUnion([
                normalized + "LambdaFunction", normalized + "LogGroup", normalized + "LambdaPermissionApiGateway",
                normalized + "ApiGatewayAuthorizer",
            ])
            scope.types[normalized + "LambdaFunction"] = "AWS::Lambda::Function"
            scope.types[normalized + "LogGroup"] = "AWS::Logs::LogGroup"
            for event in pair.value["events"]?.items ?? [] {
                if let bucket = event["s3"].flatMap(FrameworkNames.s3Bucket) {
                    let id = FrameworkNames.bucketLogicalID(bucket)
                    scope.logicalIDs.insert(id)
                    scope.types[id] = "AWS::S3::Bucket"
                }
                if let topic = event["sns"].flatMap(FrameworkNames.snsTopic) {
                    let id = FrameworkNames.topicLogicalID(topic)
                    scope.logicalIDs.insert(id)
                    scope.types[id] = "AWS::SNS::Topic"
                }
                if let http = event["http"], let (method, path) = Self.restRoute(http) {
                    let resourceIDs = FrameworkNames.restResourceLogicalIDs(path: path)
                    for id in resourceIDs where scope.types[id] == nil { scope.types[id] = "AWS::ApiGateway::Resource" }
                    let methodID = FrameworkNames.restMethodLogicalID(path: path, method: method)
                    if scope.types[methodID] == nil { scope.types[methodID] = "AWS::ApiGateway::Method" }
                    scope.logicalIDs.formUnion(resourceIDs)
                    scope.logicalIDs.insert(methodID)
                }
            }
        }
        return scope
    }

    /// An `http` event's method and path, as written (`GET users/{id}` or `{ method, path }`).
    static func restRoute(_ event: YAMLNode) -> (method: String, path: String)? {
        if let text = event.scalarText {
            let parts = text.split(separator: " ", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
        guard let method = event["method"]?.scalarText, let path = event["path"]?.scalarText else { return nil }
        return (method, path)
    }

    private mutating func decodeProvider(_ node: YAMLNode) -> Provider? {
        guard var reader = MappingReader(node, context: "provider", diagnostics: &diagnostics) else { return nil }
        reader.accept(Self.providerKeys)
        let name = reader.requiredString("name", diagnostics: &diagnostics)
        if let name, name != "aws", let value = node["name"] {
            diagnostics.error("provider '\(name)' is not supported; the emulator runs 'aws' services", at: value.mark)
        }
        let statements = decodeIAM(&reader)
        var provider = Provider(
            name: name ?? "aws",
            runtime: reader.string("runtime", diagnostics: &diagnostics),
            stage: stage,
            region: region,
            environment: decodeEnvironment(reader.value("environment"), context: "provider.environment"),
            iamStatements: statements.statements,
            customRole: statements.customRole,
            timeout: reader.int("timeout", diagnostics: &diagnostics),
            memorySize: reader.int("memorySize", diagnostics: &diagnostics),
            apiGateway: decodeAPIGateway(reader.value("apiGateway")),
            httpApi: reader.value("httpApi").flatMap { decodeHTTPAPISettings($0) },
            mark: node.mark
        )
        _ = reader.value("stage")
        _ = reader.value("region")
        if let timeout = provider.timeout, timeout < 1 {
            diagnostics.error("'timeout' in provider must be at least 1 second", at: node["timeout"]!.mark)
            provider.timeout = nil
        }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return provider
    }

    /// `environment`: a mapping of names to strings, numbers, booleans or intrinsics.
    mutating func decodeEnvironment(_ node: YAMLNode?, context: String) -> [EnvironmentVariable] {
        guard let node, !node.isNull, let reader = MappingReader(node, context: context, diagnostics: &diagnostics) else { return [] }
        return (reader.node.pairs ?? []).compactMap { pair in
            guard let name = pair.key.scalarText else { return nil }
            let value = CFValue(pair.value, scope: scope, diagnostics: &diagnostics)
            switch value {
            case .list, .map:
                diagnostics.error(
                    "environment variable '\(name)' must be a string, number, boolean or intrinsic function, not \(pair.value.kindDescription)",
                    at: pair.value.mark
                )
                return nil
            default:
                return EnvironmentVariable(name: name, value: value, mark: pair.key.mark)
            }
        }
    }
}
