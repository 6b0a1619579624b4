public import YAML

extension CFValue {
    /// The intrinsic functions whose short form is a YAML tag (`!Ref`, `!GetAtt`, …), by tag.
    static let shortForms: [String: String] = [
        "!Ref": "Ref", "!GetAtt": "Fn::GetAtt", "!Sub": "Fn::Sub", "!Join": "Fn::Join", "!Select": "Fn::Select",
        "!Split": "Fn::Split", "!If": "Fn::If", "!Equals": "Fn::Equals", "!Not": "Fn::Not", "!And": "Fn::And",
        "!Or": "Fn::Or", "!Condition": "Condition", "!Base64": "Fn::Base64", "!ImportValue": "Fn::ImportValue",
        "!FindInMap": "Fn::FindInMap", "!GetAZs": "Fn::GetAZs", "!Cidr": "Fn::Cidr", "!Transform": "Fn::Transform",
        "!Length": "Fn::Length", "!ToJsonString": "Fn::ToJsonString",
    ]
    private static let longForms = Set(shortForms.values)

    /// Reads a value from YAML, turning both spellings of every intrinsic into typed expressions and
    /// checking that each `Ref`, `Fn::GetAtt`, `Fn::Sub` placeholder and `Fn::If` condition names
    /// something in `scope`.
    /// - Parameters:
    ///   - node: The YAML node (variables already resolved).
    ///   - scope: What references may point at.
    ///   - diagnostics: Where problems are reported, with the node's position.
    public init(_ node: YAMLNode, scope: ReferenceScope, diagnostics: inout DiagnosticCollector) {
        if let tag = node.tag, let function = Self.shortForms[tag] {
            var argument = node
            argument.tag = nil
            self = Self.intrinsic(function, argument: argument, at: node.mark, scope: scope, diagnostics: &diagnostics)
            return
        }
        switch node.content {
        case .scalar:
            switch node.scalarValue ?? .null {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .int(value)
            case .double(let value): self = .double(value)
            case .string(let value): self = .string(value)
            }
        case .sequence(let items):
            self = .list(items.map { CFValue($0, scope: scope, diagnostics: &diagnostics) })
        case .mapping(let pairs):
            if pairs.count == 1, let key = pairs[0].key.scalarText, Self.longForms.contains(key) {
                self = Self.intrinsic(key, argument: pairs[0].value, at: pairs[0].key.mark, scope: scope, diagnostics: &diagnostics)
            } else {
                self = .map(pairs.map { Entry($0.key.scalarText ?? "", CFValue($0.value, scope: scope, diagnostics: &diagnostics)) })
            }
        }
    }

    private static func intrinsic(
        _ function: String,
        argument: YAMLNode,
        at mark: Mark,
        scope: ReferenceScope,
        diagnostics: inout DiagnosticCollector
    ) -> CFValue {
        func value(_ node: YAMLNode) -> CFValue { CFValue(node, scope: scope, diagnostics: &diagnostics) }
        func fail(_ expected: String) -> CFValue {
            diagnostics.error("\(function) takes \(expected), not \(argument.kindDescription)", at: argument.mark)
            return .null
        }
        let items = argument.items
        switch function {
        case "Ref":
            guard let name = plainString(argument) else { return fail("a logical ID") }
            if !scope.canRef(name) {
                diagnostics.error(
                    "Ref to '\(name)', which is not a resource, parameter or pseudo parameter of this service"
                        + Suggestion.hint(for: name, in: scope.refCandidates),
                    at: argument.mark
                )
            }
            return .ref(name)
        case "Fn::GetAtt":
            let parts: [String]
            if let text = plainString(argument), let dot = text.firstIndex(of: ".") {
                parts = [String(text[..<dot]), String(text[text.index(after: dot)...])]
            } else if let items, items.count == 2, let a = plainString(items[0]), let b = plainString(items[1]) {
                parts = [a, b]
            } else {
                return fail("'LogicalId.Attribute' or a list [LogicalId, Attribute]")
            }
            if !scope.logicalIDs.contains(parts[0]) {
                diagnostics.error(
                    "Fn::GetAtt of '\(parts[0])', which is not a resource of this service"
                        + Suggestion.hint(for: parts[0], in: scope.logicalIDs),
                    at: argument.mark
                )
            } else if let type = scope.types[parts[0]], let known = ReferenceScope.attributes[type], !known.contains(parts[1]) {
                // CloudFormation refuses the template: so does the emulator.
                diagnostics.error(
                    "Fn::GetAtt \(parts[0]).\(parts[1]): \(type) has no attribute '\(parts[1])'" + Suggestion.hint(for: parts[1], in: known),
                    at: argument.mark
                )
            }
            return .getAtt(parts[0], parts[1])
        case "Fn::Sub":
            let template: String
            var variables: [Entry] = []
            if let text = plainString(argument) {
                template = text
            } else if let items, items.count == 2, let text = plainString(items[0]), let pairs = items[1].pairs {
                template = text
                variables = pairs.map { Entry($0.key.scalarText ?? "", value($0.value)) }
            } else {
                return fail("a template string or a list [template, {variables}]")
            }
            let own = Set(variables.map(\.key))
            for reference in SubTemplate.references(in: template) where !own.contains(reference.logicalID) {
                let known = reference.attribute == nil ? scope.canRef(reference.logicalID) : scope.logicalIDs.contains(reference.logicalID)
                if !known {
                    diagnostics.error(
                        "Fn::Sub refers to '${\(reference.logicalID)}', which is not a resource, parameter or variable"
                            + Suggestion.hint(for: reference.logicalID, in: scope.refCandidates.union(own)),
                        at: argument.mark
                    )
                }
            }
            return .sub(template, variables)
        case "Fn::Join":
            guard let items, items.count == 2, let separator = separatorString(items[0]) else {
                return fail("a list [separator, [values]]")
            }
            return .join(separator, value(items[1]))
        case "Fn::Select":
            guard let items, items.count == 2 else { return fail("a list [index, list]") }
            return .select(value(items[0]), value(items[1]))
        case "Fn::Split":
            guard let items, items.count == 2, let separator = separatorString(items[0]) else {
                return fail("a list [separator, string]")
            }
            return .split(separator, value(items[1]))
        case "Fn::If":
            guard let items, items.count == 3, let condition = plainString(items[0]) else {
                return fail("a list [condition, valueIfTrue, valueIfFalse]")
            }
            checkCondition(condition, at: items[0].mark, scope: scope, diagnostics: &diagnostics)
            return .if(condition, value(items[1]), value(items[2]))
        case "Condition":
            guard let condition = plainString(argument) else { return fail("a condition name") }
            checkCondition(condition, at: argument.mark, scope: scope, diagnostics: &diagnostics)
            return .function(function, .string(condition))
        default:
            return .function(function, value(argument))
        }
    }

    private static func checkCondition(_ name: String, at mark: Mark, scope: ReferenceScope, diagnostics: inout DiagnosticCollector) {
        guard !scope.conditions.contains(name) else { return }
        diagnostics.error("unknown condition '\(name)'" + Suggestion.hint(for: name, in: scope.conditions), at: mark)
    }

    /// A separator may be empty (`!Join ['', [...]]`).
    private static func separatorString(_ node: YAMLNode) -> String? {
        guard node.tag == nil, case .scalar(let text, let style) = node.content else { return nil }
        return style == .plain && text.isEmpty ? nil : text
    }

    private static func plainString(_ node: YAMLNode) -> String? {
        guard node.tag == nil || node.tag == "!", case .scalar(let text, _) = node.content, !text.isEmpty else { return nil }
        return text
    }
}
