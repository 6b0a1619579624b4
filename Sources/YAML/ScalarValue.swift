/// A scalar resolved under the YAML 1.2 core schema, as the Serverless Framework's loader reads it.
///
/// `true`/`false` in their three spellings are booleans; `yes`, `on`, `no` and `off` stay strings
/// (they were booleans only in YAML 1.1). Quoted and block scalars are always strings.
public enum ScalarValue: Sendable, Hashable {
    /// `null`, `~` or an empty plain scalar.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A decimal, `0o` octal or `0x` hexadecimal integer that fits 64 bits.
    case int(Int)
    /// A floating-point number, including `.inf` and `.nan`.
    case double(Double)
    /// Anything else.
    case string(String)

    private static let yamlTagPrefix = "tag:yaml.org,2002:"

    /// Resolves a scalar's text.
    /// - Parameters:
    ///   - text: The scalar's text.
    ///   - style: How it was written; only plain scalars are resolved to non-strings.
    ///   - tag: An explicit tag; `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` are honoured.
    /// - Returns: The resolved value.
    public static func resolve(_ text: String, style: YAMLNode.ScalarStyle, tag: String?) -> ScalarValue {
        if let tag, tag.hasPrefix(yamlTagPrefix) {
            switch tag.dropFirst(yamlTagPrefix.count) {
            case "str": return .string(text)
            case "null": return .null
            case "bool": return resolvePlain(text).boolOrString(text)
            case "int": return parseInt(text).map(ScalarValue.int) ?? .string(text)
            case "float": return parseFloat(text).map(ScalarValue.double) ?? parseInt(text).map { .double(Double($0)) } ?? .string(text)
            default: break
            }
        }
        guard style == .plain, tag == nil else { return .string(text) }
        return resolvePlain(text)
    }

    private func boolOrString(_ text: String) -> ScalarValue {
        if case .bool = self { return self }
        return .string(text)
    }

    private static func resolvePlain(_ text: String) -> ScalarValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return .string(text) }
        if let int = parseInt(text) { return .int(int) }
        if let double = parseFloat(text) { return .double(double) }
        return .string(text)
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`
    private static func parseInt(_ text: String) -> Int? {
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func parseFloat(_ text: String) -> Double? {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit: (UInt8) -> Bool = { (48...57).contains($0) }
        let intDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(intDigits)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
        }
        guard intDigits + fractionDigits > 0 else { return nil }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let expDigits = bytes.prefix(while: isDigit).count
            guard expDigits > 0 else { return nil }
            bytes = bytes.dropFirst(expDigits)
        }
        guard bytes.isEmpty else { return nil }
        return Double(text)
    }

    /// The value as text, as JavaScript's `String(value)` would print it (used when a value is
    /// substituted into a string).
    public var text: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value):
            if value.isNaN { return "NaN" }
            if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .string(let value): return value
        }
    }
}
