import EmulatorCore

/// Which role an identity's credentials are for, as identity pools choose it: a role mapping of the
/// login's provider (`Token`: `CustomRoleArn` when the token's `cognito:roles` has it, else
/// `cognito:preferred_role`; `Rules`: the first rule whose claim matches), else — or when the mapping
/// is ambiguous and says `AuthenticatedRole` — the pool's authenticated role; unauthenticated identities
/// get the unauthenticated role. Pure: the caller has verified the logins.
enum RoleResolution {
    /// A verified login: the `Logins` key, the provider name role mappings use (`…/<pool>:<client>`), the claims.
    struct Login {
        var provider: String
        var mappingKey: String?
        var claims: JSONValue
    }

    static func role(roles: JSONValue?, mappings: JSONValue?, logins: [Login], customRoleARN: String?) -> Result<String, IdentityError> {
        guard let login = logins.first else {
            guard let role = roles?["unauthenticated"]?.stringValue else { return .failure(.invalidConfiguration()) }
            return .success(role)
        }
        let authenticated = roles?["authenticated"]?.stringValue
        let mapping = login.mappingKey.flatMap { mappings?[$0] }
        guard let mapping else {
            guard let authenticated else { return .failure(.invalidConfiguration()) }
            return .success(authenticated)
        }
        var chosen: String?
        switch mapping["Type"]?.stringValue {
        case "Token":
            var tokenRoles: [String] = []
            if case .array(let items)? = login.claims["cognito:roles"] { tokenRoles = items.compactMap(\.stringValue) }
            if let customRoleARN, tokenRoles.contains(customRoleARN) {
                chosen = customRoleARN
            } else if let preferred = login.claims["cognito:preferred_role"]?.stringValue {
                chosen = preferred
            } else if tokenRoles.count == 1 {
                chosen = tokenRoles[0]
            }
        case "Rules":
            var rules: [JSONValue] = []
            if case .array(let items)? = mapping["RulesConfiguration"]?["Rules"] { rules = items }
            chosen = rules.first { rule in matches(rule, login.claims) }?["RoleARN"]?.stringValue
        default:
            break
        }
        if let chosen { return .success(chosen) }
        if mapping["AmbiguousRoleResolution"]?.stringValue == "AuthenticatedRole", let authenticated { return .success(authenticated) }
        return .failure(.invalidConfiguration("Ambiguous role mapping rules for: \(login.mappingKey ?? login.provider)"))
    }

    /// A `MappingRule` (`Claim`, `MatchType` Equals / Contains / StartsWith / NotEqual, `Value`) against the claims.
    static func matches(_ rule: JSONValue, _ claims: JSONValue) -> Bool {
        guard let claim = rule["Claim"]?.stringValue, let value = rule["Value"]?.stringValue else { return false }
        let actual: [String]
        switch claims[claim] {
        case .string(let text)?: actual = [text]
        case .array(let items)?: actual = items.compactMap(\.stringValue)
        case .bool(let flag)?: actual = [flag ? "true" : "false"]
        case .int(let number)?: actual = [String(number)]
        default: actual = []
        }
        switch rule["MatchType"]?.stringValue {
        case "Equals": return actual.contains(value)
        case "Contains": return actual.contains { $0.contains(value) }
        case "StartsWith": return actual.contains { $0.hasPrefix(value) }
        case "NotEqual": return !actual.isEmpty && !actual.contains(value)
        default: return false
        }
    }
}
