import YAML

/// Reads the keys of one YAML mapping into typed values, reporting type errors with positions and
/// warning about keys nobody asked for.
struct MappingReader {
    /// The mapping node.
    let node: YAMLNode
    /// How messages name the mapping ("provider", "function 'signupUser'").
    let context: String
    private var asked: [String] = []
    private var accepted: [Set<String>] = []

    /// A reader, or nil (with an error) when `node` is not a mapping.
    init?(_ node: YAMLNode, context: String, diagnostics: inout DiagnosticCollector) {
        guard node.pairs != nil else {
            diagnostics.error("\(context) must be a mapping, not \(node.kindDescription)", at: node.mark)
            return nil
        }
        self.node = node
        self.context = context
    }

    /// The value under `key`, if present.
    mutating func value(_ key: String) -> YAMLNode? {
        asked.append(key)
        return node[key]
    }

    /// Marks keys as known without reading them (settings the emulator accepts but does not use).
    mutating func accept(_ keys: Set<String>) {
        accepted.append(keys)
    }

    /// A scalar as text; numbers and booleans are taken as their text, null as absent.
    mutating func string(_ key: String, diagnostics: inout DiagnosticCollector) -> String? {
        guard let value = value(key), !value.isNull else { return nil }
        guard let scalar = value.scalarValue else {
            diagnostics.error("'\(key)' in \(context) must be a string, not \(value.kindDescription)", at: value.mark)
            return nil
        }
        return scalar.text
    }

    /// A string that must be present.
    mutating func requiredString(_ key: String, diagnostics: inout DiagnosticCollector) -> String? {
        guard node[key] != nil else {
            _ = value(key)
            diagnostics.error("\(context) is missing the required key '\(key)'", at: node.mark)
            return nil
        }
        return string(key, diagnostics: &diagnostics)
    }

    /// An integer.
    mutating func int(_ key: String, diagnostics: inout DiagnosticCollector) -> Int? {
        guard let value = value(key), !value.isNull else { return nil }
        switch value.scalarValue {
        case .int(let int): return int
        case .string(let text): if let int = Int(text) { return int }
        case .double(let double): if double == double.rounded(), abs(double) < 1e15 { return Int(double) }
        default: break
        }
        diagnostics.error("'\(key)' in \(context) must be an integer, not \(value.kindDescription)", at: value.mark)
        return nil
    }

    /// A boolean (`true`/`false`, or the strings "true"/"false").
    mutating func bool(_ key: String, diagnostics: inout DiagnosticCollector) -> Bool? {
        guard let value = value(key), !value.isNull else { return nil }
        switch value.scalarValue {
        case .bool(let bool): return bool
        case .string("true"): return true
        case .string("false"): return false
        default:
            diagnostics.error("'\(key)' in \(context) must be true or false, not \(value.kindDescription)", at: value.mark)
            return nil
        }
    }

    /// A string or a list of strings.
    mutating func strings(_ key: String, diagnostics: inout DiagnosticCollector) -> [String]? {
        guard let value = value(key), !value.isNull else { return nil }
        return Self.strings(value, name: "'\(key)' in \(context)", diagnostics: &diagnostics)
    }

    /// A string or a list of strings from any node.
    static func strings(_ value: YAMLNode, name: String, diagnostics: inout DiagnosticCollector) -> [String] {
        if let scalar = value.scalarValue { return [scalar.text] }
        guard let items = value.items else {
            diagnostics.error("\(name) must be a string or a list of strings, not \(value.kindDescription)", at: value.mark)
            return []
        }
        return items.compactMap { item in
            guard let scalar = item.scalarValue, item.tag == nil else {
                diagnostics.error("\(name) must list strings, not \(item.kindDescription)", at: item.mark)
                return nil
            }
            return scalar.text
        }
    }

    /// An error for an unknown key that is a misspelling of `key` (which was not given): one whose
    /// absence changes what the service means (`consequence`), such as an authorizer left out.
    mutating func refuseMisspelling(of key: String, consequence: String, diagnostics: inout DiagnosticCollector) {
        guard node[key] == nil else { return }
        for pair in node.pairs ?? [] {
            guard let given = pair.key.scalarText, !asked.contains(given), !accepted.contains(where: { $0.contains(given) }),
                Suggestion.closest(to: given, in: [key]) != nil
            else { continue }
            diagnostics.error("unknown key '\(given)' in \(context) (did you mean '\(key)'?): without it \(consequence)", at: pair.key.mark)
            asked.append(given)
        }
    }

    /// Warns about every key that was neither read nor accepted, suggesting the nearest known key.
    func warnAboutUnknownKeys(diagnostics: inout DiagnosticCollector) {
        for pair in node.pairs ?? [] {
            guard let key = pair.key.scalarText, !asked.contains(key), !accepted.contains(where: { $0.contains(key) }) else { continue }
            let known = accepted.reduce(into: Set(asked)) { $0.formUnion($1) }
            diagnostics.schemaWarning("unknown key '\(key)' in \(context)" + Suggestion.hint(for: key, in: known), at: pair.key.mark)
        }
    }
}
