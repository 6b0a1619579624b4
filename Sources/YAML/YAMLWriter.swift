/// Writes a node as YAML text in block style: mappings as `key: value`, sequences as `- item`, two
/// spaces a level; a scalar plain when it reads back as the same text (and, when it was written plain,
/// as the same kind of value), else double-quoted; tags (`!Ref`) kept.
public enum YAMLWriter {
    /// The node as a YAML document.
    public static func text(of node: YAMLNode) -> String {
        var output = ""
        write(node, indent: 0, into: &output)
        return output
    }

    /// The node's lines at `indent`, from the start of a line.
    private static func write(_ node: YAMLNode, indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node.content {
        case .mapping(let pairs) where !pairs.isEmpty:
            for pair in pairs { value(pair.value, after: pad + key(pair.key) + ":", indent: indent, into: &output) }
        case .sequence(let items) where !items.isEmpty:
            for item in items { value(item, after: pad + "-", indent: indent, into: &output) }
        default:
            output += pad + inline(node) + "\n"
        }
    }

    /// `node` after `prefix` (`key:` or `-`): on the same line when it is a scalar or empty, else below.
    private static func value(_ node: YAMLNode, after prefix: String, indent: Int, into output: inout String) {
        switch node.content {
        case .mapping(let pairs) where !pairs.isEmpty && prefix.hasSuffix("-") && node.tag == nil:
            // `- key: value`: the mapping's first line after the dash.
            var nested = ""
            write(node, indent: indent + 2, into: &nested)
            output += prefix + " " + nested.dropFirst(indent + 2)
        case .mapping(let pairs) where !pairs.isEmpty:
            output += prefix + (node.tag.map { " " + $0 } ?? "") + "\n"
            write(node, indent: indent + 2, into: &output)
        case .sequence(let items) where !items.isEmpty:
            output += prefix + (node.tag.map { " " + $0 } ?? "") + "\n"
            write(node, indent: indent + 2, into: &output)
        default:
            output += prefix + " " + inline(node) + "\n"
        }
    }

    /// A scalar or an empty collection, with its tag.
    private static func inline(_ node: YAMLNode) -> String {
        let tag = node.tag.map { $0 + " " } ?? ""
        switch node.content {
        case .scalar(let text, let style): return tag + scalar(text, style: style)
        case .sequence: return tag + "[]"
        case .mapping: return tag + "{}"
        }
    }

    private static func key(_ node: YAMLNode) -> String {
        guard case .scalar(let text, let style) = node.content else { return "\"?\"" }
        return scalar(text, style: style)
    }

    /// Words and numbers that a plain scalar would read as something other than the text.
    private static func isAmbiguous(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lowered) { return true }
        return Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o")
    }

    static func scalar(_ text: String, style: YAMLNode.ScalarStyle) -> String {
        let safe =
            !text.isEmpty && text.first != " " && text.last != " " && !text.contains(": ") && !text.contains(" #")
            && !text.hasSuffix(":")
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" } && !"-?:,[]{}#&*!|>'\"%@`".contains(text.first ?? " ")
        // A plain scalar stays plain (it meant what it reads as); quoted text stays text.
        if safe && (style == .plain || !isAmbiguous(text)) { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += "\\x" + String(scalar.value, radix: 16).leftPadded
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}

extension String {
    fileprivate var leftPadded: String { count >= 2 ? self : "0" + self }
}
