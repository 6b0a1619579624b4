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
            output += prefix + (node.tag.map { " " + written($0) } ?? "") + "\n"
            write(node, indent: indent + 2, into: &output)
        case .sequence(let items) where !items.isEmpty:
            output += prefix + (node.tag.map { " " + written($0) } ?? "") + "\n"
            write(node, indent: indent + 2, into: &output)
        default:
            output += prefix + " " + inline(node) + "\n"
        }
    }

    /// A scalar or an empty collection, with its tag (YAML's core tags in their `!!` short form).
    private static func inline(_ node: YAMLNode) -> String {
        let tag = node.tag.map { written($0) + " " } ?? ""
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

    /// A tag as it is written: `tag:yaml.org,2002:str` as `!!str`, a local tag as it is, any other in `!<…>`.
    private static func written(_ tag: String) -> String {
        if tag.hasPrefix("tag:yaml.org,2002:") { return "!!" + tag.dropFirst("tag:yaml.org,2002:".count) }
        return tag.hasPrefix("!") ? tag : "!<\(tag)>"
    }

    /// Text that a plain scalar would read as something else (a number, a boolean, null, a merge key),
    /// or that libyaml would not read back as written.
    private static func isAmbiguous(_ text: String) -> Bool {
        text == "<<" || ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
            || ScalarValue.resolve(text, style: .plain, tag: nil) != .string(text)
    }

    /// Characters a plain scalar cannot hold: controls, C1 controls, line and paragraph separators, BOMs.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF].contains(scalar.value)
    }

    static func scalar(_ text: String, style: YAMLNode.ScalarStyle) -> String {
        if text.isEmpty, style == .plain { return "null" }
        let safe =
            !text.isEmpty && text.first != " " && text.last != " " && !text.contains(": ") && !text.contains(" #")
            && !text.hasSuffix(":")
            && !text.unicodeScalars.contains(where: isUnsafe) && !"-?:,[]{}#&*!|>'\"%@`".contains(text.first ?? " ")
            && !text.hasPrefix("...") && !text.hasPrefix("---")
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
                if isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    quoted += scalar.value <= 0xFF ? "\\x" + hex.leftPadded : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
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
