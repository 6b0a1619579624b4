/// An IAM role: who may assume it (its trust policy) and what its sessions may do (its permissions).
public struct IAMRole: Sendable, Hashable {
    /// The role's name.
    public var name: String
    /// `arn:aws:iam::<account>:role/<path><name>`.
    public var arn: String
    /// IAM's unique ID (`AROA` and 17 characters), stable for the ARN.
    public var roleID: String
    /// Who may assume it.
    public var trust: TrustPolicy
    /// What its sessions may do: inline and attached policies together.
    public var permissions: IAMPolicy
    /// The longest session, in seconds (`MaxSessionDuration`, 3600 by default).
    public var maxSessionDuration: Int

    /// Creates a role.
    public init(name: String, arn: String, trust: TrustPolicy, permissions: IAMPolicy, maxSessionDuration: Int = 3600) {
        self.name = name
        self.arn = arn
        self.trust = trust
        self.permissions = permissions
        self.maxSessionDuration = maxSessionDuration
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var id = "AROA"
        for round in 0..<17 {
            for byte in arn.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ UInt64(round)) &* 0x100_0000_01b3
            id.append(alphabet[Int(hash >> 59)])
        }
        roleID = id
    }

    /// The ARN of a session of this role (`arn:aws:sts::<account>:assumed-role/<name>/<session>`).
    public func sessionARN(_ session: String, account: String) -> String {
        "arn:aws:sts::\(account):assumed-role/\(name)/\(session)"
    }
}

/// A role's trust policy (`AssumeRolePolicyDocument`): statements naming principals that may call
/// `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, with conditions.
public struct TrustPolicy: Sendable, Hashable {
    /// Who asks to assume a role.
    public enum Principal: Sendable, Hashable {
        /// An IAM principal (a user's or a role session's ARN) of an account.
        case aws(arn: String, account: String)
        /// A web identity provider (`cognito-identity.amazonaws.com`, `cognito-idp.<region>.amazonaws.com/<pool>`).
        case federated(String)
        /// An AWS service (`lambda.amazonaws.com`).
        case service(String)
    }

    /// One statement.
    public struct Statement: Sendable, Hashable {
        /// Allow or Deny.
        public var allow: Bool
        /// The `sts:` actions it covers.
        public var actions: [String]
        /// `Principal`: by kind (`AWS`, `Federated`, `Service`), the values; `*` for anyone.
        public var principals: [String: [String]]
        /// `Condition`.
        public var conditions: [IAMCondition]
    }

    /// The statements.
    public var statements: [Statement]

    /// Creates a policy.
    public init(statements: [Statement]) {
        self.statements = statements
    }

    /// A policy trusting one service (a Lambda function's role trusts `lambda.amazonaws.com`).
    public static func service(_ name: String) -> TrustPolicy {
        TrustPolicy(statements: [Statement(allow: true, actions: ["sts:AssumeRole"], principals: ["Service": [name]], conditions: [])])
    }

    /// An `AssumeRolePolicyDocument`.
    public init(document: JSONValue) throws(IAMPolicyError) {
        guard let statement = document["Statement"] else { throw IAMPolicyError("a trust policy needs 'Statement'") }
        let items: [JSONValue]
        if case .array(let list) = statement { items = list } else { items = [statement] }
        var statements: [Statement] = []
        for item in items {
            let effect = item["Effect"]?.stringValue
            guard effect == "Allow" || effect == "Deny" else { throw IAMPolicyError("'Effect' must be Allow or Deny") }
            var actions: [String] = []
            switch item["Action"] {
            case .string(let action)?: actions = [action]
            case .array(let list)?: actions = list.compactMap(\.stringValue)
            default: throw IAMPolicyError("a trust policy statement needs 'Action'")
            }
            var principals: [String: [String]] = [:]
            switch item["Principal"] {
            case .string("*")?: principals["AWS"] = ["*"]
            case .object(let members)?:
                for member in members {
                    switch member.value {
                    case .string(let value): principals[member.key, default: []].append(value)
                    case .array(let values): principals[member.key, default: []] += values.compactMap(\.stringValue)
                    default: throw IAMPolicyError("'Principal.\(member.key)' must be a string or a list")
                    }
                }
            default: throw IAMPolicyError("a trust policy statement needs 'Principal'")
            }
            statements.append(
                Statement(
                    allow: effect == "Allow",
                    actions: actions,
                    principals: principals,
                    conditions: try IAMPolicy.Statement.conditions(item["Condition"])
                )
            )
        }
        self.init(statements: statements)
    }

    /// Whether `principal` may do `action` (`sts:AssumeRoleWithWebIdentity`) with the request's `context`:
    /// some Allow names it and no Deny does.
    public func allows(_ action: String, by principal: Principal, context: IAMContext) -> Bool {
        var allowed = false
        for statement in statements
        where statement.actions.contains(where: { IAMWildcard.matches($0, action, caseSensitive: false) })
            && statement.names(principal) && statement.conditions.allSatisfy({ $0.holds(in: context) })
        {
            if !statement.allow { return false }
            allowed = true
        }
        return allowed
    }
}

extension TrustPolicy.Statement {
    func names(_ principal: TrustPolicy.Principal) -> Bool {
        switch principal {
        case .aws(let arn, let account):
            // A role's session is named in trust policies by the role's ARN.
            var names = [arn]
            let parts = arn.split(separator: ":", maxSplits: 5).last?.split(separator: "/") ?? []
            if arn.hasPrefix("arn:aws:sts::"), parts.count >= 2, parts[0] == "assumed-role" {
                names.append("arn:aws:iam::\(account):role/\(parts[1])")
            }
            return (principals["AWS"] ?? []).contains { value in
                // IAM allows no wildcards in an AWS principal but a lone `*`.
                value == "*" || value == account || value == "arn:aws:iam::\(account):root" || names.contains(value)
            }
        case .federated(let provider): return (principals["Federated"] ?? []).contains(provider)
        case .service(let service): return (principals["Service"] ?? []).contains(service)
        }
    }
}
