import CognitoEmulator
public import EmulatorCore
import EmulatorCrypto

/// AWS STS in its query protocol (`Action=…&Version=2011-06-15`, XML answers): GetCallerIdentity,
/// AssumeRole (the role's trust policy and the caller's `sts:AssumeRole` permission checked), and
/// AssumeRoleWithWebIdentity (identity pools' OpenID tokens and the emulator's user-pool ID tokens,
/// the trust policy's conditions on `aud`, `sub`, `amr`). Sessions and their expiry run on the emulator's clock.
public struct STSService: Sendable {
    static let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    let identityPools: IdentityPoolService
    var authority: CredentialAuthority { identityPools.authority }

    /// STS over the credentials and tokens of `identityPools`.
    public init(identityPools: IdentityPoolService) {
        self.identityPools = identityPools
    }

    /// Runs one request with its form (or query) parameters; `caller` is who signed it.
    public func handle(_ parameters: [String: String], caller: IAMCaller?) -> (status: Int, body: [UInt8]) {
        let action = parameters["Action"] ?? ""
        do throws(STSError) {
            let result: [(String, XML.Element?)]
            switch action {
            case "GetCallerIdentity": result = try callerIdentity(try signed(caller))
            case "AssumeRole": result = try assumeRole(parameters, caller: try signed(caller))
            case "AssumeRoleWithWebIdentity": result = try assumeRoleWithWebIdentity(parameters)
            case "GetAccessKeyInfo":
                guard parameters["AccessKeyId"] != nil else { throw .missingParameter("AccessKeyId") }
                _ = try signed(caller)
                result = [("Account", .text(authority.accountID))]
            case "": throw .init("MissingAction", "Missing Action")
            default: throw .invalidAction(action)
            }
            let body = """
                <\(action)Response xmlns="\(Self.namespace)">
                  <\(action)Result>
                \(XML.elements(result, indent: "    "))  </\(action)Result>
                  <ResponseMetadata>
                    <RequestId>\(XML.requestID())</RequestId>
                  </ResponseMetadata>
                </\(action)Response>

                """
            return (200, Array(body.utf8))
        } catch {
            return (error.status, error.body)
        }
    }

    private func signed(_ caller: IAMCaller?) throws(STSError) -> IAMCaller {
        guard let caller else { throw .missingAuthentication }
        return caller
    }

    private func callerIdentity(_ caller: IAMCaller) throws(STSError) -> [(String, XML.Element?)] {
        [("UserId", .text(caller.userID)), ("Account", .text(caller.accountID)), ("Arn", .text(caller.arn))]
    }

    private func assumeRole(_ parameters: [String: String], caller: IAMCaller) throws(STSError) -> [(String, XML.Element?)] {
        let (roleARN, session) = try roleAndSession(parameters)
        let denied = STSError.accessDenied("User: \(caller.arn) is not authorized to perform: sts:AssumeRole on resource: \(roleARN)")
        guard let role = authority.roles[roleARN] else { throw denied }
        let principal = TrustPolicy.Principal.aws(arn: caller.arn, account: caller.accountID)
        var requestKeys: [String: [String]] = ["sts:RoleSessionName": [session]]
        if let externalID = parameters["ExternalId"] { requestKeys["sts:ExternalId"] = [externalID] }
        var context: [String: [String]] = [:]
        var index = 1
        while let key = parameters["Tags.member.\(index).Key"], index <= 50 {
            let value = parameters["Tags.member.\(index).Value"] ?? ""
            context["aws:PrincipalTag/\(key)"] = [value]
            requestKeys["aws:RequestTag/\(key)"] = [value]
            index += 1
        }
        let trustContext = caller.context.merging(IAMContext(requestKeys))
        guard role.trust.allows("sts:AssumeRole", by: principal, context: trustContext) else { throw denied }
        if !context.isEmpty, !role.trust.allows("sts:TagSession", by: principal, context: trustContext) {
            throw .accessDenied("User: \(caller.arn) is not authorized to perform: sts:TagSession on resource: \(roleARN)")
        }
        // The caller's own policies always count for an explicit deny; within an account, a trust policy
        // naming the caller itself (not its account) allows without them.
        let namesCaller = role.trust.statements.contains { statement in
            statement.allow && (statement.principals["AWS"] ?? []).contains(caller.arn)
                && statement.actions.contains { ["sts:AssumeRole", "sts:*", "*"].contains($0) }
        }
        switch caller.policy.evaluate(IAMRequest(action: "sts:AssumeRole", resource: roleARN, context: caller.context)) {
        case .allowed: break
        case .explicitlyDenied: throw denied
        case .implicitlyDenied: if !namesCaller { throw denied }
        }
        let duration = try duration(parameters, role: role)
        let policy = try sessionPolicy(parameters)
        let issued = authority.issue(role: role, sessionName: session, duration: duration, context: context, sessionPolicy: policy)
        return [
            ("Credentials", credentials(issued)), ("AssumedRoleUser", assumedUser(role, session)),
            ("SourceIdentity", parameters["SourceIdentity"].map(XML.Element.text)), ("PackedPolicySize", packedSize(policy)),
        ]
    }

    private func assumeRoleWithWebIdentity(_ parameters: [String: String]) throws(STSError) -> [(String, XML.Element?)] {
        let (roleARN, session) = try roleAndSession(parameters)
        guard let token = parameters["WebIdentityToken"], !token.isEmpty else { throw .missingParameter("WebIdentityToken") }
        guard (4...20_000).contains(token.count) else { throw .validation("WebIdentityToken must be between 4 and 20000 characters") }
        let identity = try webIdentity(token)
        let denied = STSError.accessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity")
        guard let role = authority.roles[roleARN] else { throw denied }
        let context = IAMContext(identity.context)
        let trusted =
            role.trust.allows("sts:AssumeRoleWithWebIdentity", by: .federated(identity.provider), context: context)
            || role.trust.allows(
                "sts:AssumeRoleWithWebIdentity",
                by: .federated("arn:aws:iam::\(authority.accountID):oidc-provider/\(identity.provider)"),
                context: context
            )
        guard trusted else { throw denied }
        let duration = try duration(parameters, role: role)
        let policy = try sessionPolicy(parameters)
        let issued = authority.issue(
            role: role,
            sessionName: session,
            duration: duration,
            context: identity.context,
            identity: identity.cognito,
            sessionPolicy: policy
        )
        return [
            ("Credentials", credentials(issued)), ("SubjectFromWebIdentityToken", .text(identity.subject)),
            ("AssumedRoleUser", assumedUser(role, session)), ("PackedPolicySize", packedSize(policy)), ("Provider", .text(identity.provider)),
            ("Audience", .text(identity.audience)),
        ]
    }

    struct WebIdentity {
        var provider: String
        var subject: String
        var audience: String
        var context: [String: [String]]
        var cognito: IAMCaller.CognitoIdentity?
    }

    /// The token's issuer, subject and audience, when it is an identity pool's OpenID token or one of the
    /// emulator's user-pool ID tokens; STS's error otherwise.
    private func webIdentity(_ token: String) throws(STSError) -> WebIdentity {
        let notJWT = STSError.invalidIdentityToken("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)")
        let now = identityPools.clock.now
        func expired(_ claims: JSONValue) -> STSError {
            .expiredToken(
                "Token expired: current date/time \(Int(now)) must be before the expiration date/time \(Int(min(max(claims["exp"]?.numberValue ?? 0, 0), 1e12)))"
            )
        }
        switch identityPools.tokens.check(token, now: now) {
        case .valid(let claims):
            guard let subject = claims["sub"]?.stringValue, let audience = claims["aud"]?.stringValue else { throw notJWT }
            var amr: [String] = []
            if case .array(let items)? = claims["amr"] { amr = items.compactMap(\.stringValue) }
            let provider = OpenIDTokens.provider
            return WebIdentity(
                provider: provider,
                subject: subject,
                audience: audience,
                context: ["\(provider):sub": [subject], "\(provider):aud": [audience], "\(provider):amr": amr],
                cognito: .init(
                    identityID: subject,
                    identityPoolID: audience,
                    authenticationType: amr.contains("authenticated") ? "authenticated" : "unauthenticated",
                    authenticationProvider: amr.count > 1 ? amr.dropFirst().joined(separator: ",") : nil
                )
            )
        case .expired(let claims): throw expired(claims)
        case .invalid: break
        }
        guard let issuer = Self.unverifiedIssuer(token), let poolID = issuer.split(separator: "/").last.map(String.init) else { throw notJWT }
        switch identityPools.cognito.checkAuthorizerToken(token, poolID: poolID) {
        case .valid(let claims, let use, _):
            guard use == "id", let subject = claims["sub"]?.stringValue, let audience = claims["aud"]?.stringValue else { throw notJWT }
            let provider = "cognito-idp.\(identityPools.region).amazonaws.com/\(poolID)"
            return WebIdentity(
                provider: provider,
                subject: subject,
                audience: audience,
                context: ["\(provider):sub": [subject], "\(provider):aud": [audience]],
                cognito: nil
            )
        case .expired: throw .expiredToken("Token expired: the ID token's expiration date/time has passed at \(Int(now))")
        case .invalid: throw .invalidIdentityToken("Couldn't verify the token's signature with the keys of its issuer \(issuer)")
        }
    }

    private static func unverifiedIssuer(_ token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Base64URL.decode(parts[1]), let claims = JSONValue.parse(payload) else { return nil }
        return claims["iss"]?.stringValue
    }

    /// The `Policy` parameter: a session policy IAM reads (`MalformedPolicyDocument` otherwise), at most 2,048 characters.
    private func sessionPolicy(_ parameters: [String: String]) throws(STSError) -> String? {
        guard let text = parameters["Policy"] else { return nil }
        guard text.count <= 2048 else {
            throw .validation(
                "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048"
            )
        }
        guard let document = JSONValue.parse(Array(text.utf8)) else {
            throw .init("MalformedPolicyDocument", "The policy is not in the valid JSON format.")
        }
        do {
            _ = try IAMPolicy(document: document)
        } catch {
            throw .init("MalformedPolicyDocument", error.message)
        }
        return text
    }

    /// `PackedPolicySize`: the session policy's share of the limit, in percent.
    private func packedSize(_ policy: String?) -> XML.Element? {
        policy.map { .text(String(max(1, $0.count * 100 / 2048))) }
    }

    private func roleAndSession(_ parameters: [String: String]) throws(STSError) -> (String, String) {
        guard let roleARN = parameters["RoleArn"], !roleARN.isEmpty else { throw .missingParameter("RoleArn") }
        guard let session = parameters["RoleSessionName"], !session.isEmpty else { throw .missingParameter("RoleSessionName") }
        guard (2...64).contains(session.count) else {
            throw .validation(
                "1 validation error detected: Value '\(session)' at 'roleSessionName' failed to satisfy constraint: Member must have length \(session.count < 2 ? "greater than or equal to 2" : "less than or equal to 64")"
            )
        }
        // `\w` is ASCII here, as in AWS's pattern.
        guard
            session.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_+=,.@-".unicodeScalars.contains($0))
            })
        else {
            throw .validation(
                "1 validation error detected: Value '\(session)' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"
            )
        }
        guard ARN(parsing: roleARN) != nil, roleARN.count >= 20 else { throw .validation("\(roleARN) is invalid") }
        return (roleARN, session)
    }

    private func duration(_ parameters: [String: String], role: IAMRole) throws(STSError) -> Int {
        guard let text = parameters["DurationSeconds"] else { return min(3600, role.maxSessionDuration) }
        guard let seconds = Int(text), seconds >= 900 else {
            throw .validation(
                "1 validation error detected: Value '\(text)' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
            )
        }
        guard seconds <= 43_200 else {
            throw .validation(
                "1 validation error detected: Value '\(text)' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"
            )
        }
        guard seconds <= role.maxSessionDuration else {
            throw .validation(
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
            )
        }
        return seconds
    }

    private func credentials(_ issued: CredentialAuthority.Credentials) -> XML.Element {
        .children([
            ("AccessKeyId", .text(issued.accessKeyID)), ("SecretAccessKey", .text(issued.secretAccessKey)),
            ("SessionToken", issued.sessionToken.map(XML.Element.text)), ("Expiration", .text(Self.iso8601(issued.expiration ?? 0))),
        ])
    }

    private func assumedUser(_ role: IAMRole, _ session: String) -> XML.Element {
        .children([("AssumedRoleId", .text("\(role.roleID):\(session)")), ("Arn", .text(role.sessionARN(session, account: authority.accountID)))])
    }

    /// `2026-12-01T10:00:00Z`.
    static func iso8601(_ seconds: Double) -> String {
        let (date, second) = CivilDate.split(secondsSince1970: Int(seconds))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }
}
