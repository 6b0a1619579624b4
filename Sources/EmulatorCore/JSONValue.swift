/// A JSON value whose objects keep their key order (JWT claims are written in Cognito's order).
public indirect enum JSONValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A non-integer number.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// null.
    case null
    /// An array.
    case array([JSONValue])
    /// An object, in key order.
    case object([Member])

    /// One key–value pair of an object.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue
        /// Creates a member.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value under `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as a Double, when this is a number.
    public var numberValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// Compact JSON text.
    public var serialized: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// What a parse does with a key an object repeats.
    public enum DuplicateKeys: Sendable {
        /// The text is not accepted.
        case reject
        /// Every occurrence is kept, in order.
        case keepAll
        /// The last value is kept, at the first one's place (what AWS's JSON services do).
        case lastWins
    }

    /// Parses JSON text (RFC 8259); nil when it is not JSON, nests deeper than 64 levels, or
    /// repeats a key in an object under `.reject`. Objects keep their text order.
    public static func parse(_ bytes: [UInt8], duplicateKeys: DuplicateKeys = .reject) -> JSONValue? {
        var parser = JSONParser(bytes: bytes, duplicateKeys: duplicateKeys)
        guard let value = parser.parseValue(depth: 0) else { return nil }
        parser.skipWhitespace()
        return parser.index == bytes.count ? value : nil
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object, its keys in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { Member($0.0, $0.1) }) }
}
