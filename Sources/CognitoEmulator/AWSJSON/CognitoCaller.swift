public import EmulatorCore

/// Who calls the Cognito API and what IAM lets them do: a function's role (in process, or through the
/// endpoint with the credentials the emulator issued it), an identity pool's or STS's role, the
/// developer's user, or anyone with full access (keys the emulator did not issue).
public struct CognitoCaller: Sendable {
    /// The caller, as IAM knows it.
    public var caller: IAMCaller
    /// The region the pool ARNs are in.
    public var region: String

    /// The caller's ARN, as IAM names it in a denial.
    public var principal: String { caller.arn }

    /// Creates a caller.
    public init(_ caller: IAMCaller, region: String) {
        self.caller = caller
        self.region = region
    }

    /// Checks `action` on the pool's ARN (or `*`), failing with AWS's AccessDeniedException text.
    package func authorize(_ action: String, poolID: String?) throws(CognitoError) {
        let resource = poolID.map { ARN.userPool($0, region: region, account: caller.accountID).description } ?? "*"
        if case .failure(let denial) = caller.authorize(action, on: resource) { throw .accessDenied(denial.message) }
    }
}
