public import EmulatorCore

/// An identity pool as serverless.yml declares it (`AWS::Cognito::IdentityPool` and its
/// `AWS::Cognito::IdentityPoolRoleAttachment`), in the API's shapes.
public struct IdentityPoolDefinition: Sendable {
    /// `<region>:<uuid>`, stable for the service, stage and logical ID.
    public var id: String
    /// The logical ID in serverless.yml.
    public var logicalID: String
    /// The `IdentityPool` shape (DescribeIdentityPool's answer).
    public var pool: JSONValue
    /// `Roles` (`authenticated`, `unauthenticated`), when attached.
    public var roles: JSONValue?
    /// `RoleMappings`, by provider.
    public var roleMappings: JSONValue?

    /// Creates a definition.
    public init(id: String, logicalID: String, pool: JSONValue, roles: JSONValue?, roleMappings: JSONValue?) {
        self.id = id
        self.logicalID = logicalID
        self.pool = pool
        self.roles = roles
        self.roleMappings = roleMappings
    }
}

extension IdentityPoolService {
    /// The `IdentityPool` shape from a create or update request's members.
    static func poolShape(id: String, from request: JSONValue) -> JSONValue {
        var members: [JSONValue.Member] = [.init("IdentityPoolId", .string(id))]
        for key in [
            "IdentityPoolName", "AllowUnauthenticatedIdentities", "AllowClassicFlow", "SupportedLoginProviders", "DeveloperProviderName",
            "OpenIdConnectProviderARNs", "CognitoIdentityProviders", "SamlProviderARNs", "IdentityPoolTags",
        ] {
            if let value = request[key] { members.append(.init(key, value)) }
        }
        return .object(members)
    }

    /// `object` with `key` set to `value` (removed when nil), keeping the other members' order.
    static func setting(_ object: JSONValue, _ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var members) = object else { return object }
        if let index = members.firstIndex(where: { $0.key == key }) {
            if let value { members[index].value = value } else { members.remove(at: index) }
        } else if let value {
            members.append(.init(key, value))
        }
        return .object(members)
    }

    static func required(_ request: JSONValue, _ member: String) throws(IdentityError) -> String {
        guard let value = request[member]?.stringValue, !value.isEmpty else { throw .missing(member) }
        return value
    }

    static func maxResults(_ request: JSONValue, range: ClosedRange<Int>) throws(IdentityError) -> Int {
        guard let number = request["MaxResults"]?.numberValue else { throw .missing("MaxResults") }
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            let shown = number.isFinite && abs(number) < 1e15 ? String(Int(number)) : String(number)
            throw .invalidParameter(
                "1 validation error detected: Value '\(shown)' at 'maxResults' failed to satisfy constraint: Member must have value \(number < Double(range.lowerBound) ? "greater than or equal to \(range.lowerBound)" : "less than or equal to \(range.upperBound)")"
            )
        }
        return Int(number)
    }

    /// A page of `items` after the one `token` names, and the next token.
    static func page<T>(_ items: [T], after token: String?, limit: Int, key: (T) -> String) -> ([T], String?) {
        var start = 0
        if let token, let index = items.firstIndex(where: { key($0) == token }) { start = index + 1 }
        let page = Array(items[start..<min(items.count, start + limit)])
        let next = start + limit < items.count ? page.last.map(key) : nil
        return (page, next)
    }

    static func validName(_ name: String) -> Bool {
        (1...128).contains(name.count)
            && name.unicodeScalars.allSatisfy { $0 == " " || $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Every role ARN a `Roles` map and `RoleMappings` name.
    static func roleARNs(roles: JSONValue?, mappings: JSONValue?) -> [String] {
        var arns: [String] = []
        if case .object(let members)? = roles { arns += members.compactMap(\.value.stringValue) }
        if case .object(let members)? = mappings {
            for mapping in members.map(\.value) {
                if case .array(let rules)? = mapping["RulesConfiguration"]?["Rules"] { arns += rules.compactMap { $0["RoleARN"]?.stringValue } }
            }
        }
        return arns
    }
}
