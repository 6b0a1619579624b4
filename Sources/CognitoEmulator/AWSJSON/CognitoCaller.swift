public import EmulatorCore

/// Who calls the Cognito API and what IAM lets them do: a function's role (in process, or through the
/// endpoint with the credentials the emulator issued it), or anyone with full access (keys the emulator
/// did not issue, as before SigV4 checks).
public struct CognitoCaller: Sendable {
    /// The caller as IAM names it in a denial (`arn:aws:sts::…:assumed-role/<role>/<function>`).
    public var principal: String
    /// Its permissions.
    public var policy: IAMPolicy
    /// The region and account the pool ARNs are in.
    public var region: String
    /// The account.
    public var accountID: String

    /// Creates a caller.
    public init(principal: String, policy: IAMPolicy, region: String, accountID: String) {
        self.principal = principal
        self.policy = policy
        self.region = region
        self.accountID = accountID
    }

    /// Checks `action` on the pool's ARN (or `*`), failing with AWS's AccessDeniedException text.
    package func authorize(_ action: String, poolID: String?) throws(CognitoError) {
        let resource = poolID.map { ARN.userPool($0, region: region, account: accountID).description } ?? "*"
        switch policy.evaluate(action: action, resource: resource) {
        case .allowed: return
        case .explicitlyDenied:
            throw .accessDenied(
                "User: \(principal) is not authorized to perform: \(action) on resource: \(resource) with an explicit deny in an identity-based policy"
            )
        case .implicitlyDenied:
            throw .accessDenied(
                "User: \(principal) is not authorized to perform: \(action) on resource: \(resource) because no identity-based policy allows the \(action) action"
            )
        }
    }
}
