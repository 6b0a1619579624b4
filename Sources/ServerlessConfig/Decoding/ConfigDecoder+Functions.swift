import YAML

extension ConfigDecoder {
    static let functionKeys: Set<String> = [
        "architecture", "condition", "dependsOn", "destinations", "disableLogs", "ephemeralStorage", "fileSystemConfig",
        "iamRoleStatements", "iamRoleStatementsName", "image", "kmsKeyArn", "layers", "logRetentionInDays", "logs",
        "maximumEventAge", "maximumRetryAttempts", "onError", "package", "provisionedConcurrency", "reservedConcurrency",
        "role", "runtimeManagement", "snapStart", "tags", "tracing", "url", "versionFunction", "vpc",
    ]

    mutating func decodeFunctions(_ node: YAMLNode, provider: Provider?, serviceName: String, serviceArtifact: String?) -> [Function] {
        guard !node.isNull, let reader = MappingReader(node, context: "functions", diagnostics: &diagnostics) else { return [] }
        return (reader.node.pairs ?? []).compactMap {
            decodeFunction($0, provider: provider, serviceName: serviceName, serviceArtifact: serviceArtifact)
        }
    }

    private mutating func decodeFunction(_ pair: YAMLNode.Pair, provider: Provider?, serviceName: String, serviceArtifact: String?) -> Function? {
        guard let key = pair.key.scalarText else { return nil }
        let context = "function '\(key)'"
        guard var reader = MappingReader(pair.value, context: context, diagnostics: &diagnostics) else { return nil }
        reader.accept(Self.functionKeys)
        let handler = reader.string("handler", diagnostics: &diagnostics)
        if handler == nil, pair.value["image"] == nil {
            diagnostics.error("\(context) is missing the required key 'handler'", at: pair.key.mark)
        }
        var timeout = lenientInt("timeout", unit: "s", &reader, context: context) ?? provider?.timeout ?? 6
        if timeout < 1 || timeout > 900 {
            diagnostics.error(
                "'timeout' of \(context) must be between 1 and 900 seconds, not \(timeout)",
                at: pair.value["timeout"]?.mark ?? pair.key.mark
            )
            timeout = 6
        }
        var memorySize = lenientInt("memorySize", unit: "MB", &reader, context: context) ?? provider?.memorySize ?? 1024
        if memorySize < 128 || memorySize > 10240 {
            diagnostics.error(
                "'memorySize' of \(context) must be between 128 and 10240 MB, not \(memorySize)",
                at: pair.value["memorySize"]?.mark ?? pair.key.mark
            )
            memorySize = 1024
        }
        let reservedConcurrency = reader.int("reservedConcurrency", diagnostics: &diagnostics)
        if let reservedConcurrency, reservedConcurrency < 0 {
            diagnostics.error(
                "'reservedConcurrency' of \(context) must not be negative",
                at: pair.value["reservedConcurrency"]?.mark ?? pair.key.mark
            )
        }
        let artifact = pair.value["package"]?["artifact"]?.scalarText ?? serviceArtifact
        var function = Function(
            key: key,
            handler: handler ?? "",
            name: reader.string("name", diagnostics: &diagnostics) ?? "\(serviceName)-\(stage)-\(key)",
            description: decodeDescription(reader.value("description"), context: context),
            runtime: reader.string("runtime", diagnostics: &diagnostics) ?? provider?.runtime,
            timeout: timeout,
            memorySize: memorySize,
            environment: decodeEnvironment(reader.value("environment"), context: "the environment of \(context)"),
            events: reader.value("events").map { decodeEvents($0, functionKey: key) } ?? [],
            mark: pair.key.mark
        )
        function.reservedConcurrency = reservedConcurrency
        function.artifact = artifact
        function.role = reader.value("role").map { CFValue($0, scope: scope, diagnostics: &diagnostics) }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return function
    }

    /// An integer setting the framework's schema checks: a number or numeric string; text that is a number
    /// with its unit (`1536MB`) is that number with a schema warning (the framework warns, by default, and
    /// loads it); anything else a schema warning, and nil (the default applies).
    private mutating func lenientInt(_ key: String, unit: String, _ reader: inout MappingReader, context: String) -> Int? {
        guard let node = reader.value(key), !node.isNull else { return nil }
        switch node.scalarValue {
        case .int(let value): return value
        case .double(let value) where value == value.rounded() && abs(value) < 1e9: return Int(value)
        case .string(let text):
            if let value = Int(text) { return value }
            let digits = text.prefix { $0.isNumber }
            let rest = text.dropFirst(digits.count).drop { $0 == " " }
            if let value = Int(digits), rest.lowercased() == unit.lowercased() {
                diagnostics.schemaWarning(
                    "'\(key)' in \(context) must be an integer, not '\(text)'; the emulator reads it as \(value)",
                    at: node.mark
                )
                return value
            }
        default: break
        }
        diagnostics.schemaWarning("'\(key)' in \(context) must be an integer, not \(node.kindDescription); the default applies", at: node.mark)
        return nil
    }

    /// A function's `description`: text; a number becomes text, as the framework's validator coerces it; an
    /// intrinsic function (which CloudFormation would evaluate) is left out with a warning.
    private mutating func decodeDescription(_ node: YAMLNode?, context: String) -> String? {
        guard let node, !node.isNull else { return nil }
        if let text = node.scalarText { return text }
        diagnostics.warning("'description' of \(context) is \(node.kindDescription), not text; the emulator leaves it out", at: node.mark)
        return nil
    }

    /// `custom.emulate.functions`: per function, the `command` that runs it out of process (a list of
    /// strings, or one string for `/bin/sh`).
    mutating func decodeEmulateFunctions(_ custom: YAMLNode?) -> [String: FunctionCommand] {
        guard let node = custom?["emulate"]?["functions"], !node.isNull,
            let reader = MappingReader(node, context: "custom.emulate.functions", diagnostics: &diagnostics)
        else { return [:] }
        var commands: [String: FunctionCommand] = [:]
        for pair in reader.node.pairs ?? [] {
            guard let key = pair.key.scalarText else { continue }
            checkFunctionExists(key, at: pair.key.mark)
            guard var settings = MappingReader(pair.value, context: "custom.emulate.functions.\(key)", diagnostics: &diagnostics) else { continue }
            settings.accept(["command"])
            if let command = settings.value("command") {
                if let text = command.scalarText, command.items == nil {
                    if text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                        diagnostics.error("custom.emulate.functions.\(key).command is empty", at: command.mark)
                    } else {
                        commands[key] = .shell(text)
                    }
                } else if command.items != nil {
                    let list = MappingReader.strings(command, name: "custom.emulate.functions.\(key).command", diagnostics: &diagnostics)
                    if list.isEmpty {
                        diagnostics.error("custom.emulate.functions.\(key).command is empty", at: command.mark)
                    } else {
                        commands[key] = .arguments(list)
                    }
                } else {
                    diagnostics.error(
                        "custom.emulate.functions.\(key).command must be a list of strings or a string, not \(command.kindDescription)",
                        at: command.mark
                    )
                }
            }
            settings.warnAboutUnknownKeys(diagnostics: &diagnostics)
        }
        return commands
    }

    private mutating func decodeEvents(_ node: YAMLNode, functionKey: String) -> [FunctionEvent] {
        if node.isNull { return [] }
        guard let items = node.items else {
            diagnostics.error("'events' of function '\(functionKey)' must be a list, not \(node.kindDescription)", at: node.mark)
            return []
        }
        return items.compactMap { item in
            if let text = item.scalarText {
                // The framework's schema has no bare-string event: it warns and the compilers skip it.
                diagnostics.warning("an event of function '\(functionKey)' written as '\(text)' alone has no settings; it is ignored", at: item.mark)
                return nil
            }
            guard let pairs = item.pairs, pairs.count == 1, let type = pairs[0].key.scalarText else {
                diagnostics.error("each event of function '\(functionKey)' must be a mapping with one key (its type, e.g. 'http')", at: item.mark)
                return nil
            }
            switch type {
            case "http": return decodeHTTPEvent(pairs[0].value, functionKey: functionKey).map(FunctionEvent.http)
            case "httpApi": return decodeHTTPAPIEvent(pairs[0].value, functionKey: functionKey).map(FunctionEvent.httpApi)
            case "cognitoUserPool": return decodeCognitoUserPoolEvent(pairs[0].value, functionKey: functionKey).map(FunctionEvent.cognitoUserPool)
            case "schedule": return decodeScheduleEvent(pairs[0].value, functionKey: functionKey).map(FunctionEvent.schedule)
            default: return .other(type: type, node: pairs[0].value)
            }
        }
    }

    private mutating func decodeCognitoUserPoolEvent(_ node: YAMLNode, functionKey: String) -> CognitoUserPoolEvent? {
        guard let pool = node["pool"]?.scalarText, let trigger = node["trigger"]?.scalarText else {
            diagnostics.error("a cognitoUserPool event of function '\(functionKey)' needs pool and trigger", at: node.mark)
            return nil
        }
        guard CognitoUserPoolEvent.triggers.contains(trigger) else {
            diagnostics.error(
                "cognitoUserPool trigger '\(trigger)' of function '\(functionKey)' is not one of: \(CognitoUserPoolEvent.triggers.sorted().joined(separator: ", "))",
                at: node.mark
            )
            return nil
        }
        return CognitoUserPoolEvent(pool: pool, trigger: trigger, existing: node["existing"]?.scalarValue == .bool(true), mark: node.mark)
    }

    /// Reports a function key that names no function, with a suggestion.
    mutating func checkFunctionExists(_ key: String, at mark: Mark) {
        guard !declaredFunctionKeys.contains(key) else { return }
        diagnostics.error("'\(key)' is not a function of this service" + Suggestion.hint(for: key, in: declaredFunctionKeys), at: mark)
    }
}
