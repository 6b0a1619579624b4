public import EmulatorCore

/// A request or response carried as JSON members under AWS's names: what the control plane takes and
/// gives, so every member a pool or client was created with is stored and returned as given.
public struct JSONDocument: Codable, Sendable, Hashable {
    /// The members.
    public var value: JSONValue

    /// A document of `value` (an object).
    public init(_ value: JSONValue) {
        self.value = value
    }

    /// A document of `members`.
    public init(_ members: [(String, JSONValue)]) {
        value = .object(members.map { JSONValue.Member($0.0, $0.1) })
    }

    /// A member.
    public subscript(_ name: String) -> JSONValue? { value[name] }

    /// Decodes any JSON object.
    public init(from decoder: any Decoder) throws {
        value = try JSONValue(from: decoder)
    }

    /// Encodes the members.
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

/// CreateUserPool's request.
public typealias CreateUserPoolRequest = JSONDocument
/// UpdateUserPool's request.
public typealias UpdateUserPoolRequest = JSONDocument
/// CreateUserPoolClient's request.
public typealias CreateUserPoolClientRequest = JSONDocument
/// UpdateUserPoolClient's request.
public typealias UpdateUserPoolClientRequest = JSONDocument
