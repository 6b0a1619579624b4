import CognitoEmulator
import LambdaEmulator

/// `store/preTokenGeneration.handler` (PreTokenGeneration, version 2): `plan` is `premium` for members of
/// the premium group, `free` otherwise; `storeId` is the user's `custom:store`. Both tokens carry them.
enum Claims {
    static func preTokenGeneration(_ event: CognitoTriggerEvent, _ context: LambdaContext) async throws -> CognitoTriggerEvent {
        var event = event
        let groups = event.request.groupConfiguration?.groupsToOverride ?? []
        let added: [String: JSONValue] = [
            "plan": .string(groups.contains("premium") ? "premium" : "free"),
            "storeId": .string(event.request.userAttributes["custom:store"] ?? "none"),
        ]
        event.response.claimsAndScopeOverrideDetails = .init(
            idTokenGeneration: .init(claimsToAddOrOverride: added),
            accessTokenGeneration: .init(claimsToAddOrOverride: added)
        )
        return event
    }
}
