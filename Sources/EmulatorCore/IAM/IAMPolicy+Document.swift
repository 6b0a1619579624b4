extension IAMPolicy {
    /// A policy document as IAM reads it (`{"Version": …, "Statement": [...]}`, one statement or a list;
    /// `Action`, `Resource` and condition values as one string or a list). A statement IAM would refuse
    /// (no Effect, an unknown condition operator) is an error naming it.
    public init(document: JSONValue) throws(IAMPolicyError) {
        guard let statement = document["Statement"] else { throw IAMPolicyError("a policy document needs 'Statement'") }
        let items: [JSONValue]
        if case .array(let list) = statement { items = list } else { items = [statement] }
        var statements: [Statement] = []
        for (index, item) in items.enumerated() {
            do throws(IAMPolicyError) {
                statements.append(try Statement(document: item))
            } catch {
                throw IAMPolicyError("statement \(index + 1): \(error.message)")
            }
        }
        self.init(statements: statements)
    }
}

extension IAMPolicy.Statement {
    /// One statement of a policy document. `Principal` is ignored here (trust policies read it separately).
    public init(document: JSONValue) throws(IAMPolicyError) {
        guard case .object = document else { throw IAMPolicyError("a statement must be an object") }
        let effect = document["Effect"]?.stringValue
        guard effect == "Allow" || effect == "Deny" else { throw IAMPolicyError("'Effect' must be Allow or Deny") }
        let actions = try Self.strings(document["Action"], "Action")
        let notActions = try Self.strings(document["NotAction"], "NotAction")
        guard !actions.isEmpty || !notActions.isEmpty else { throw IAMPolicyError("a statement needs 'Action' or 'NotAction'") }
        guard actions.isEmpty || notActions.isEmpty else { throw IAMPolicyError("a statement cannot have both 'Action' and 'NotAction'") }
        let resources = try Self.strings(document["Resource"], "Resource")
        let notResources = try Self.strings(document["NotResource"], "NotResource")
        guard resources.isEmpty || notResources.isEmpty else { throw IAMPolicyError("a statement cannot have both 'Resource' and 'NotResource'") }
        guard !resources.isEmpty || !notResources.isEmpty || document["Principal"] != nil else {
            throw IAMPolicyError("Policy statement must contain resources.")
        }
        self.init(
            allow: effect == "Allow",
            actions: actions,
            notActions: notActions,
            resources: resources.isEmpty && notResources.isEmpty && document["Principal"] != nil ? ["*"] : resources,
            notResources: notResources,
            conditions: try Self.conditions(document["Condition"])
        )
    }

    /// A `Condition` block: `{"<operator>": {"<key>": value or [values]}}`.
    public static func conditions(_ block: JSONValue?) throws(IAMPolicyError) -> [IAMCondition] {
        guard let block else { return [] }
        guard case .object(let operators) = block else { throw IAMPolicyError("'Condition' must be an object") }
        var conditions: [IAMCondition] = []
        for member in operators {
            guard case .object(let keys) = member.value else {
                throw IAMPolicyError("the condition '\(member.key)' must map keys to values")
            }
            for key in keys {
                conditions.append(try IAMCondition(operator: member.key, key: key.key, values: try strings(key.value, key.key)))
            }
        }
        return conditions
    }

    private static func strings(_ value: JSONValue?, _ name: String) throws(IAMPolicyError) -> [String] {
        switch value {
        case nil: return []
        case .string(let text): return [text]
        case .bool(let flag): return [flag ? "true" : "false"]
        case .int(let number): return [String(number)]
        case .double(let number): return [String(number)]
        case .array(let items):
            var texts: [String] = []
            for item in items {
                guard let text = try strings(item, name).first else { throw IAMPolicyError("'\(name)' must hold strings") }
                texts.append(text)
            }
            return texts
        default: throw IAMPolicyError("'\(name)' must be a string or a list of strings")
        }
    }
}
