import YAML

extension ConfigDecoder {
    static let resourceAttributeKeys: Set<String> = ["CreationPolicy", "DeletionPolicy", "Metadata", "UpdatePolicy", "UpdateReplacePolicy"]
    static let templateKeys: Set<String> = ["AWSTemplateFormatVersion", "Description", "Mappings", "Metadata", "Rules", "Transform", "extensions"]

    /// `resources`: one template fragment, or a list of them (often `${file(…)}` includes), merged.
    mutating func decodeResources(_ node: YAMLNode) -> Resources {
        var result = Resources()
        if node.isNull { return result }
        for section in node.items ?? [node] {
            guard var reader = MappingReader(section, context: "resources", diagnostics: &diagnostics) else { continue }
            reader.accept(Self.templateKeys)
            if let parameters = reader.value("Parameters")?.pairs {
                result.parameters += parameters.compactMap { $0.key.scalarText }
            }
            for pair in reader.value("Conditions")?.pairs ?? [] {
                guard let name = pair.key.scalarText else { continue }
                result.conditions[name] = CFValue(pair.value, scope: scope, diagnostics: &diagnostics)
            }
            if let resources = reader.value("Resources"),
                let resourcesReader = MappingReader(resources, context: "resources.Resources", diagnostics: &diagnostics)
            {
                result.resources += (resourcesReader.node.pairs ?? []).compactMap { decodeResource($0) }
            }
            if let outputs = reader.value("Outputs"),
                let outputsReader = MappingReader(outputs, context: "resources.Outputs", diagnostics: &diagnostics)
            {
                result.outputs += (outputsReader.node.pairs ?? []).compactMap { decodeOutput($0) }
            }
            reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        }
        return result
    }

    private mutating func decodeResource(_ pair: YAMLNode.Pair) -> Resource? {
        guard let logicalID = pair.key.scalarText else { return nil }
        let context = "resource '\(logicalID)'"
        if !logicalID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            diagnostics.error("logical ID '\(logicalID)' must be alphanumeric (A-Z, a-z, 0-9)", at: pair.key.mark)
        }
        guard var reader = MappingReader(pair.value, context: context, diagnostics: &diagnostics) else { return nil }
        reader.accept(Self.resourceAttributeKeys)
        guard let type = reader.requiredString("Type", diagnostics: &diagnostics) else { return nil }
        let parts = type.split(separator: "::", omittingEmptySubsequences: false)
        if !((parts.count == 3 && parts.allSatisfy { !$0.isEmpty }) || (parts.count == 2 && parts[0] == "Custom" && !parts[1].isEmpty)) {
            diagnostics.error(
                "'\(type)' is not a CloudFormation resource type (expected Service::Group::Type, e.g. AWS::Cognito::UserPool)",
                at: pair.value["Type"]!.mark
            )
        }
        let properties =
            reader.value("Properties").map { node -> CFValue in
                if node.pairs == nil, !node.isNull {
                    diagnostics.error("'Properties' of \(context) must be a mapping, not \(node.kindDescription)", at: node.mark)
                }
                return CFValue(node, scope: scope, diagnostics: &diagnostics)
            } ?? .map([])
        let condition = reader.string("Condition", diagnostics: &diagnostics)
        if let condition, !scope.conditions.contains(condition) {
            diagnostics.error(
                "\(context) names unknown condition '\(condition)'" + Suggestion.hint(for: condition, in: scope.conditions),
                at: pair.value["Condition"]!.mark
            )
        }
        let dependsOn = reader.strings("DependsOn", diagnostics: &diagnostics) ?? []
        for dependency in dependsOn where !scope.logicalIDs.contains(dependency) {
            diagnostics.error(
                "\(context) depends on '\(dependency)', which is not a resource of this service"
                    + Suggestion.hint(for: dependency, in: scope.logicalIDs),
                at: pair.value["DependsOn"]!.mark
            )
        }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return Resource(
            logicalID: logicalID,
            type: type,
            properties: properties == .null ? .map([]) : properties,
            condition: condition,
            dependsOn: dependsOn,
            node: pair.value,
            mark: pair.key.mark
        )
    }

    private mutating func decodeOutput(_ pair: YAMLNode.Pair) -> Output? {
        guard let logicalID = pair.key.scalarText,
            var reader = MappingReader(pair.value, context: "output '\(pair.key.scalarText ?? "")'", diagnostics: &diagnostics)
        else { return nil }
        reader.accept(["Condition"])
        guard let valueNode = reader.value("Value") else {
            diagnostics.error("output '\(logicalID)' is missing the required key 'Value'", at: pair.key.mark)
            return nil
        }
        let value = CFValue(valueNode, scope: scope, diagnostics: &diagnostics)
        let exportName = reader.value("Export").flatMap { export -> CFValue? in
            guard let name = export["Name"] else {
                diagnostics.error("'Export' of output '\(logicalID)' needs 'Name'", at: export.mark)
                return nil
            }
            return CFValue(name, scope: scope, diagnostics: &diagnostics)
        }
        let output = Output(
            logicalID: logicalID,
            value: value,
            description: reader.string("Description", diagnostics: &diagnostics),
            exportName: exportName,
            mark: pair.key.mark
        )
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return output
    }
}
