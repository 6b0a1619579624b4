/// Who makes an AWS call and what IAM lets them do: a function's role, an identity pool's role for one
/// identity, a role assumed through STS, the developer's user, or (for keys the emulator did not issue)
/// anyone with full access.
public struct IAMCaller: Sendable {
    /// The caller's ARN as IAM names it (`arn:aws:sts::…:assumed-role/<role>/<session>`, `arn:aws:iam::…:user/<name>`).
    public var arn: String
    /// The account.
    public var accountID: String
    /// The access key the request was signed with, when it was.
    public var accessKeyID: String?
    /// IAM's unique ID: `AROA…:<session>` for a role's session, `AIDA…` for a user.
    public var userID: String
    /// The permissions.
    public var policy: IAMPolicy
    /// A session policy (AssumeRole's `Policy`): the session may do only what both allow.
    public var sessionPolicy: IAMPolicy?
    /// The context keys IAM knows of this caller (`aws:username`, `aws:PrincipalTag/…`, the identity pool's keys).
    public var context: IAMContext
    /// The Cognito identity behind identity-pool credentials.
    public var cognitoIdentity: CognitoIdentity?
    /// Whether the emulator checked who this is (false for keys it did not issue).
    public var verified: Bool

    /// The identity-pool identity a caller acts for.
    public struct CognitoIdentity: Sendable, Hashable {
        /// `us-east-1:<uuid>`.
        public var identityID: String
        /// The identity pool.
        public var identityPoolID: String
        /// `authenticated` or `unauthenticated`.
        public var authenticationType: String
        /// The login provider (`cognito-idp.us-east-1.amazonaws.com/us-east-1_…,…:CognitoSignIn:<sub>`), when authenticated.
        public var authenticationProvider: String?

        /// Creates an identity.
        public init(identityID: String, identityPoolID: String, authenticationType: String, authenticationProvider: String?) {
            self.identityID = identityID
            self.identityPoolID = identityPoolID
            self.authenticationType = authenticationType
            self.authenticationProvider = authenticationProvider
        }
    }

    /// Creates a caller.
    public init(
        arn: String,
        accountID: String,
        accessKeyID: String? = nil,
        userID: String,
        policy: IAMPolicy,
        sessionPolicy: IAMPolicy? = nil,
        context: IAMContext = IAMContext(),
        cognitoIdentity: CognitoIdentity? = nil,
        verified: Bool = true
    ) {
        self.sessionPolicy = sessionPolicy
        self.arn = arn
        self.accountID = accountID
        self.accessKeyID = accessKeyID
        self.userID = userID
        self.policy = policy
        self.context = context
        self.cognitoIdentity = cognitoIdentity
        self.verified = verified
    }

    /// A caller whose key the emulator did not issue: full access, unchecked.
    public static func unchecked(accountID: String, accessKeyID: String?) -> IAMCaller {
        IAMCaller(
            arn: "arn:aws:iam::\(accountID):root",
            accountID: accountID,
            accessKeyID: accessKeyID,
            userID: accountID,
            policy: .allowAll,
            verified: false
        )
    }

    /// Checks `action` on `resource` (with `context` added to the caller's keys), or IAM's
    /// AccessDenied text: "User: <arn> is not authorized to perform: <action> on resource: <resource>
    /// because no identity-based policy allows the <action> action" (or "… with an explicit deny in an
    /// identity-based policy"; a session policy's refusals say "session policy").
    public func authorize(_ action: String, on resource: String, context extra: IAMContext = IAMContext()) -> Result<Void, IAMDenial> {
        let request = IAMRequest(action: action, resource: resource, context: extra == IAMContext() ? context : context.merging(extra))
        let identity = policy.evaluate(request)
        let session = sessionPolicy?.evaluate(request) ?? .allowed
        let prefix = "User: \(arn) is not authorized to perform: \(action) on resource: \(resource)"
        if identity == .explicitlyDenied { return .failure(IAMDenial(message: "\(prefix) with an explicit deny in an identity-based policy")) }
        if session == .explicitlyDenied { return .failure(IAMDenial(message: "\(prefix) with an explicit deny in a session policy")) }
        if identity != .allowed {
            return .failure(IAMDenial(message: "\(prefix) because no identity-based policy allows the \(action) action"))
        }
        if session != .allowed { return .failure(IAMDenial(message: "\(prefix) because no session policy allows the \(action) action")) }
        return .success(())
    }
}

/// A call IAM refused, with AWS's message.
public struct IAMDenial: Error, Sendable, Equatable {
    /// AWS's AccessDenied text.
    public var message: String
}
