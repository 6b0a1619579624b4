import Logging
import NIOConcurrencyHelpers

extension CognitoService {
    /// Sets how the pools' Lambda triggers run (the emulator wires its Lambda invoker here). Until it is
    /// set, a configured trigger fails as Cognito does when it cannot call the function.
    package nonisolated func setTriggerRunner(_ runner: @escaping CognitoTriggerRunner) {
        triggerRunner.withLockedValue { $0 = runner }
    }

    /// A trigger's event attributes: `sub` and `cognito:user_status`, then every attribute, as strings.
    nonisolated func triggerAttributes(of user: StoredUser) -> [String: String] {
        var attributes = ["sub": user.sub, "cognito:user_status": user.status.rawValue]
        for attribute in user.attributes.list { attributes[attribute.Name] = attribute.Value ?? "" }
        return attributes
    }

    /// Calls the pool's `name` trigger (`PreSignUp`, …) when one is configured, and answers its response;
    /// nil when the pool has no such trigger (the request is then never built: sign-ins without
    /// triggers do not decode the user's attributes for them).
    /// - Throws: What Cognito answers when a trigger fails: UserLambdaValidationException
    ///   ("<name> failed with error <message>.") when the function threw or timed out,
    ///   UnexpectedLambdaException when it cannot be called, InvalidLambdaResponseException when its
    ///   answer is not a trigger event.
    nonisolated func runTrigger(
        _ name: String,
        source: String,
        pool: LivePool,
        username: String,
        clientID: String?,
        request: @autoclosure @Sendable () -> CognitoTriggerEvent.Request,
        version: String = "1"
    ) async throws(CognitoError) -> CognitoTriggerEvent.Response? {
        guard let arn = pool.configuration.lambdaConfig[name] else { return nil }
        let event = CognitoTriggerEvent(
            version: version,
            triggerSource: source,
            region: region,
            userPoolId: pool.id,
            userName: username,
            callerContext: .init(awsSdkVersion: "aws-sdk-unknown-unknown", clientId: clientID ?? "CLIENT_ID_NOT_APPLICABLE"),
            request: request(),
            response: .init()
        )
        guard let runner = triggerRunner.withLockedValue({ $0 }) else {
            throw .unexpectedLambda("\(name) invocation failed due to error ResourceNotFoundException.")
        }
        logger.debug("cognito trigger \(source) → \(arn)")
        switch await runner(arn, event) {
        case .success(let answer):
            return answer.response
        case .failure(let failure) where failure.kind == .functionError:
            throw .userLambdaValidation("\(name) failed with error \(failure.message).")
        case .failure(let failure) where failure.kind == .noFunction:
            throw .unexpectedLambda("\(name) invocation failed due to error ResourceNotFoundException.")
        case .failure:
            throw .invalidLambdaResponse("Unrecognizable lambda output")
        }
    }
}

/// What a PreTokenGeneration trigger changes: claims of each token, the groups, the access token's scopes.
struct TokenOverrides {
    var id: CognitoTriggerEvent.TokenGeneration?
    var access: CognitoTriggerEvent.TokenGeneration?
    var groups: [String]?
    /// `groupOverrideDetails`' roles, when the trigger gave groups.
    var roles: GroupRoles?
}

extension CognitoService {
    /// Claims a PreTokenGeneration trigger cannot add, change or remove (Cognito ignores such changes;
    /// `cognito:groups` changes only through `groupOverrideDetails`).
    static let protectedClaims: Set<String> = [
        "acr", "amr", "at_hash", "auth_time", "aud", "azp", "c_hash", "client_id", "cognito:username", "cognito:groups", "cognito:preferred_role",
        "cognito:roles",
        "event_id", "exp",
        "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "scope", "sub", "token_use", "username",
    ]

    /// Runs the PreTokenGeneration trigger, when the pool has one: version 1 changes the ID token and
    /// the groups, versions 2 and 3 (`V2_0`, `V3_0`) both tokens and the access token's scopes (the
    /// version 3 event is version 2's; it adds machine-to-machine grants, which come with OAuth).
    nonisolated func preTokenGeneration(
        user: StoredUser,
        groups: [String],
        roles: GroupRoles,
        scopes: [String],
        client: LiveClient,
        pool: LivePool,
        source: String,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> TokenOverrides? {
        let v2 = pool.configuration.preTokenGenerationVersion != "V1_0"
        guard
            let response = try await runTrigger(
                "PreTokenGeneration",
                source: source,
                pool: pool,
                username: user.username,
                clientID: client.id,
                request: .init(
                    userAttributes: triggerAttributes(of: user),
                    clientMetadata: clientMetadata,
                    groupConfiguration: .init(groupsToOverride: groups, iamRolesToOverride: roles.roles, preferredRole: roles.preferred),
                    scopes: v2 ? scopes : nil
                ),
                version: pool.configuration.preTokenGenerationVersion == "V3_0" ? "3" : v2 ? "2" : "1"
            )
        else { return nil }
        if v2, let details = response.claimsAndScopeOverrideDetails {
            return TokenOverrides(
                id: details.idTokenGeneration,
                access: details.accessTokenGeneration,
                groups: details.groupOverrideDetails?.groupsToOverride,
                roles: details.groupOverrideDetails.map(GroupRoles.init)
            )
        }
        guard let details = response.claimsOverrideDetails else { return TokenOverrides() }
        return TokenOverrides(
            id: .init(claimsToAddOrOverride: details.claimsToAddOrOverride, claimsToSuppress: details.claimsToSuppress),
            groups: details.groupOverrideDetails?.groupsToOverride,
            roles: details.groupOverrideDetails.map(GroupRoles.init)
        )
    }

    /// The claims with a trigger's changes: suppressed claims removed, added ones appended in key order,
    /// overridden ones replaced in place; protected claims untouched.
    static func applying(_ changes: CognitoTriggerEvent.TokenGeneration?, to claims: JSONValue) -> JSONValue {
        guard let changes, case .object(var members) = claims else { return claims }
        let suppressed = Set(changes.claimsToSuppress ?? []).subtracting(protectedClaims)
        members.removeAll { suppressed.contains($0.key) }
        for (key, value) in (changes.claimsToAddOrOverride ?? [:]).sorted(by: { $0.key < $1.key }) where !protectedClaims.contains(key) {
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = value
            } else {
                members.append(.init(key, value))
            }
        }
        return .object(members)
    }
}
