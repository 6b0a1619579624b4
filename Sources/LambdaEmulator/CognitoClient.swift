public import CognitoEmulator
public import EmulatorCore

/// The in-process Cognito client a handler calls (`context.aws.cognito`), with AWS's request and
/// response shapes and a method for every operation the emulator serves (`CognitoClient+Operations.swift`).
/// Operations that AWS authorizes with IAM (the `Admin*`, `List*` and `Describe*` operations) are
/// checked against the function's role, so a permission missing from serverless.yml fails offline
/// exactly as it fails once deployed.
public struct CognitoClient: Sendable {
    /// The service behind the client.
    public let service: CognitoService
    /// The caller's permissions.
    public let policy: IAMPolicy
    /// The caller as IAM names it in a denial (`arn:aws:sts::…:assumed-role/<role>/<function>`).
    public let principal: String
    let region: String
    let accountID: String

    /// A client acting under `policy`.
    public init(service: CognitoService, policy: IAMPolicy = .allowAll, principal: String = "", region: String, accountID: String) {
        self.service = service
        self.policy = policy
        self.principal = principal
        self.region = region
        self.accountID = accountID
    }

    /// Runs `operation` after checking the caller's IAM permission for it (when IAM authorizes it) and
    /// validating the request as the endpoint does.
    package func call<Request, Response>(_ operation: CognitoOperation<Request, Response>, _ request: Request) async throws(CognitoError) -> Response
    {
        if let check = operation.iamCheck(for: request) { try authorize(check.action, poolID: check.poolID) }
        return try await operation.call(request, on: service)
    }

    /// Checks `action` on the pool's ARN (or `*`), failing with AWS's AccessDeniedException text.
    func authorize(_ action: String, poolID: String?) throws(CognitoError) {
        try CognitoCaller(IAMCaller(arn: principal, accountID: accountID, userID: principal, policy: policy), region: region)
            .authorize(action, poolID: poolID)
    }
}
