import CognitoShapes
import EmulatorCore

/// The IAM roles a user's groups give: the ID token's `cognito:roles` and `cognito:preferred_role`
/// (the role of the group with the lowest precedence; none when groups with different roles tie for it;
/// without precedences, the one role when there is one), which identity pools' token-based role mapping reads.
struct GroupRoles: Sendable {
    var roles: [String]
    var preferred: String?

    init(_ groups: [(role: String, precedence: Int?)]) {
        var seen = Set<String>()
        roles = groups.map(\.role).filter { seen.insert($0).inserted }
        let ranked = groups.compactMap { group in group.precedence.map { (group.role, $0) } }
        if let lowest = ranked.map(\.1).min() {
            let best = Set(ranked.filter { $0.1 == lowest }.map(\.0))
            preferred = best.count == 1 ? best.first : nil
        } else {
            preferred = roles.count == 1 ? roles[0] : nil
        }
    }

    /// What a PreTokenGeneration trigger's `groupOverrideDetails` set.
    init(_ override: CognitoTriggerEvent.GroupConfiguration) {
        roles = override.iamRolesToOverride
        preferred = override.preferredRole
    }

    /// The ID token's claims, absent when no group has a role.
    var claims: [JSONValue.Member] {
        guard !roles.isEmpty else { return [] }
        return (preferred.map { [JSONValue.Member("cognito:preferred_role", .string($0))] } ?? [])
            + [JSONValue.Member("cognito:roles", .array(roles.map(JSONValue.string)))]
    }
}
