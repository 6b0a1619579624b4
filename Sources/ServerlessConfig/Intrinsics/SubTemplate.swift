/// The `${…}` placeholders of an `Fn::Sub` template.
///
/// `${Name}` refers to a resource or parameter, `${Name.Attribute}` to an attribute, and `${!Literal}`
/// is an escaped literal `${Literal}`.
public enum SubTemplate {
    /// One placeholder.
    public struct Reference: Sendable, Hashable {
        /// The logical ID (or pseudo parameter) before any `.`.
        public var logicalID: String
        /// The attribute after the first `.`, if any.
        public var attribute: String?
    }

    /// The placeholders of `template`, in order, without the escaped ones.
    public static func references(in template: String) -> [Reference] {
        var result: [Reference] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "${") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "}") else { break }
            let name = rest[..<close]
            rest = rest[rest.index(after: close)...]
            if name.hasPrefix("!") || name.isEmpty { continue }
            if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                result.append(Reference(logicalID: String(name[..<dot]), attribute: String(name[name.index(after: dot)...])))
            } else {
                result.append(Reference(logicalID: String(name), attribute: nil))
            }
        }
        return result
    }
}
