/// A CloudFormation value as written in serverless.yml: a plain value, or an intrinsic function
/// kept as a typed expression to be resolved once resources are provisioned.
///
/// Both spellings of an intrinsic read to the same case: `{ Ref: UserPool }` and `!Ref UserPool`
/// are both ``ref(_:)``; `Fn::GetAtt: [UserPool, Arn]` and `!GetAtt UserPool.Arn` are both ``getAtt(_:_:)``.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
public indirect enum CFValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// null.
    case null
    /// A list.
    case list([CFValue])
    /// A mapping, in source order.
    case map([Entry])
    /// `Ref`: a resource's primary value, a parameter or a pseudo parameter (`AWS::Region`).
    case ref(String)
    /// `Fn::GetAtt`: an attribute of a resource.
    case getAtt(String, String)
    /// `Fn::Sub`: a template with `${Name}` placeholders and optional extra variables.
    case sub(String, [Entry])
    /// `Fn::Join`: a separator and the values (usually a list) to join.
    case join(String, CFValue)
    /// `Fn::Select`: an index and a list.
    case select(CFValue, CFValue)
    /// `Fn::Split`: a separator and the string to split.
    case split(String, CFValue)
    /// `Fn::If`: a condition name and the values for true and false.
    case `if`(String, CFValue, CFValue)
    /// Any other intrinsic (`Fn::Base64`, `Fn::ImportValue`, `Fn::FindInMap`, `Fn::Equals`, `Condition`, …)
    /// with its argument; `name` is the long form (`Fn::Base64`).
    case function(String, CFValue)

    /// One key–value entry of a ``map(_:)``.
    public struct Entry: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: CFValue

        /// Creates an entry.
        public init(_ key: String, _ value: CFValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value under `key` when this is a map.
    public subscript(key: String) -> CFValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The string when this is a plain string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Whether the value contains an intrinsic function anywhere.
    public var containsIntrinsic: Bool {
        switch self {
        case .string, .int, .double, .bool, .null: return false
        case .list(let items): return items.contains { $0.containsIntrinsic }
        case .map(let entries): return entries.contains { $0.value.containsIntrinsic }
        default: return true
        }
    }

    /// The logical IDs this value refers to through `Ref`, `Fn::GetAtt` and `Fn::Sub` (pseudo
    /// parameters such as `AWS::Region` are not logical IDs and are left out).
    public var referencedLogicalIDs: Set<String> {
        allReferencedNames.filter { !$0.hasPrefix("AWS::") }
    }

    private var allReferencedNames: Set<String> {
        switch self {
        case .string, .int, .double, .bool, .null: return []
        case .list(let items): return items.reduce(into: []) { $0.formUnion($1.allReferencedNames) }
        case .map(let entries): return entries.reduce(into: []) { $0.formUnion($1.value.allReferencedNames) }
        case .ref(let name): return [name]
        case .getAtt(let name, _): return [name]
        case .sub(let template, let variables):
            let own = Set(variables.map(\.key))
            return Set(SubTemplate.references(in: template).map(\.logicalID).filter { !own.contains($0) })
                .union(variables.reduce(into: Set<String>()) { $0.formUnion($1.value.allReferencedNames) })
        case .join(_, let values): return values.allReferencedNames
        case .select(let index, let list): return index.allReferencedNames.union(list.allReferencedNames)
        case .split(_, let source): return source.allReferencedNames
        case .if(_, let then, let otherwise): return then.allReferencedNames.union(otherwise.allReferencedNames)
        case .function(_, let argument): return argument.allReferencedNames
        }
    }
}
