import EmulatorCore
import YAML

extension ConfigDecoder {
    /// A `schedule` event: `rate(…)`/`cron(…)` as a string, or the object form (`rate` — one or a list —,
    /// `enabled`, `name`, `description`, `input`, `inputPath`, `inputTransformer`).
    mutating func decodeScheduleEvent(_ node: YAMLNode, functionKey: String) -> ScheduleEvent? {
        let context = "a schedule event of function '\(functionKey)'"
        if node.scalarText != nil {
            return expressions([node], context: context).map {
                ScheduleEvent(expressions: $0, enabled: true, name: nil, input: .event, mark: node.mark)
            }
        }
        guard var reader = MappingReader(node, context: context, diagnostics: &diagnostics) else { return nil }
        reader.accept(["rate", "enabled", "name", "description", "input", "inputPath", "inputTransformer", "method", "roleArn", "timezone"])
        defer { reader.warnAboutUnknownKeys(diagnostics: &diagnostics) }
        guard let rate = reader.value("rate") else {
            diagnostics.error("\(context) is missing the required key 'rate'", at: node.mark)
            return nil
        }
        guard let expressions = expressions(rate.items ?? [rate], context: context) else { return nil }
        let enabled = reader.bool("enabled", diagnostics: &diagnostics) ?? true
        let name = reader.string("name", diagnostics: &diagnostics)
        if name != nil, expressions.count > 1 {
            diagnostics.error("You cannot specify a name when defining more than one rate expression (\(context))", at: node.mark)
        }
        _ = reader.string("description", diagnostics: &diagnostics)
        var input = ScheduleEvent.Input.event
        let given = [reader.value("input"), reader.value("inputPath"), reader.value("inputTransformer")].compactMap { $0 }
        if given.count > 1 {
            diagnostics.error("\(context) may have only one of input, inputPath and inputTransformer", at: given[1].mark)
        }
        if let value = node["input"] {
            if let text = value.scalarText, value.pairs == nil, value.items == nil {
                guard let parsed = JSONValue.parse(Array(text.utf8)) else {
                    diagnostics.error("the input of \(context) must be JSON text or a mapping", at: value.mark)
                    return nil
                }
                input = .constant(parsed)
            } else {
                input = .constant(value.jsonValue)
            }
        } else if let path = node["inputPath"]?.scalarText {
            input = .path(path)
        } else if let transformer = node["inputTransformer"] {
            guard let template = transformer["inputTemplate"]?.scalarText else {
                diagnostics.error("the inputTransformer of \(context) needs an inputTemplate", at: transformer.mark)
                return nil
            }
            let paths = (transformer["inputPathsMap"]?.pairs ?? []).compactMap { pair in
                pair.key.scalarText.flatMap { key in pair.value.scalarText.map { (name: key, path: $0) } }
            }
            input = .transformer(paths: paths, template: template)
        }
        return ScheduleEvent(expressions: expressions, enabled: enabled, name: name, input: input, mark: node.mark)
    }

    private mutating func expressions(_ nodes: [YAMLNode], context: String) -> [ScheduleExpression]? {
        var result: [ScheduleExpression] = []
        for node in nodes {
            guard let text = node.scalarText else {
                diagnostics.error("each rate of \(context) must be a string: rate(…) or cron(…)", at: node.mark)
                return nil
            }
            switch ScheduleExpression.parse(text) {
            case .success(let expression): result.append(expression)
            case .failure(let error):
                diagnostics.error("\(context): \(error.description)", at: node.mark)
                return nil
            }
        }
        return result
    }
}

extension YAMLNode {
    /// The node as JSON: mappings as objects (in order), sequences as arrays, scalars by the core schema.
    var jsonValue: JSONValue {
        if let pairs {
            return .object(pairs.compactMap { pair in pair.key.scalarText.map { JSONValue.Member($0, pair.value.jsonValue) } })
        }
        if let items { return .array(items.map(\.jsonValue)) }
        switch scalarValue {
        case .bool(let flag)?: return .bool(flag)
        case .int(let number)?: return .int(number)
        case .double(let number)?: return .double(number)
        case .string(let text)?: return .string(text)
        case .null?, nil: return .null
        }
    }
}
