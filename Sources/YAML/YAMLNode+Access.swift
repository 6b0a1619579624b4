extension YAMLNode {
    /// The scalar's text, or nil for a collection.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The mapping's entries, or nil when the node is not a mapping.
    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The sequence's items, or nil when the node is not a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value under a scalar key of a mapping, or nil.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// The value this scalar stands for under the YAML 1.2 core schema, or nil for a collection.
    public var scalarValue: ScalarValue? {
        guard case .scalar(let text, let style) = content else { return nil }
        return ScalarValue.resolve(text, style: style, tag: tag)
    }

    /// Whether the node is the null scalar (`~`, `null`, or an empty plain value).
    public var isNull: Bool { scalarValue == .null }

    /// A short name for the node's kind, for error messages: "a string", "a mapping", …
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            switch scalarValue {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .double: return "a number"
            default: return "a string"
            }
        }
    }
}
