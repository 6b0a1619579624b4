public import CognitoEmulator

/// The in-process Cognito client a handler calls (`context.aws.cognito`), with AWS's request and
/// response shapes. Operations that AWS authorizes with IAM (the `Admin*`, `List*` and `Describe*`
/// operations) are checked against the function's role, so a permission missing from serverless.yml
/// fails offline exactly as it fails once deployed.
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

    /// Checks `cognito-idp:<operation>` on the pool's ARN, failing with AWS's AccessDeniedException text.
    func authorize(_ operation: String, poolID: String?) throws(CognitoError) {
        let action = "cognito-idp:\(operation)"
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

    // MARK: Operations authorized by IAM

    /// AdminCreateUser.
    public func adminCreateUser(_ request: AdminCreateUserRequest) async throws(CognitoError) -> AdminCreateUserResponse {
        try authorize("AdminCreateUser", poolID: request.UserPoolId)
        return try await service.adminCreateUser(request)
    }

    /// AdminSetUserPassword.
    public func adminSetUserPassword(_ request: AdminSetUserPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("AdminSetUserPassword", poolID: request.UserPoolId)
        return try await service.adminSetUserPassword(request)
    }

    /// AdminInitiateAuth.
    public func adminInitiateAuth(_ request: AdminInitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try authorize("AdminInitiateAuth", poolID: request.UserPoolId)
        return try await service.adminInitiateAuth(request)
    }

    /// AdminRespondToAuthChallenge.
    public func adminRespondToAuthChallenge(_ request: AdminRespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try authorize("AdminRespondToAuthChallenge", poolID: request.UserPoolId)
        return try await service.adminRespondToAuthChallenge(request)
    }

    /// AdminGetUser.
    public func adminGetUser(_ request: AdminUserRequest) async throws(CognitoError) -> AdminGetUserResponse {
        try authorize("AdminGetUser", poolID: request.UserPoolId)
        return try await service.adminGetUser(request)
    }

    /// AdminDeleteUser.
    public func adminDeleteUser(_ request: AdminUserRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("AdminDeleteUser", poolID: request.UserPoolId)
        return try await service.adminDeleteUser(request)
    }

    /// AdminConfirmSignUp.
    public func adminConfirmSignUp(_ request: AdminUserRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("AdminConfirmSignUp", poolID: request.UserPoolId)
        return try await service.adminConfirmSignUp(request)
    }

    /// AdminUpdateUserAttributes.
    public func adminUpdateUserAttributes(_ request: AdminUpdateUserAttributesRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("AdminUpdateUserAttributes", poolID: request.UserPoolId)
        return try await service.adminUpdateUserAttributes(request)
    }

    /// AdminAddUserToGroup.
    public func adminAddUserToGroup(_ request: AdminGroupMembershipRequest) async throws(CognitoError) -> EmptyResponse {
        try authorize("AdminAddUserToGroup", poolID: request.UserPoolId)
        return try await service.adminAddUserToGroup(request)
    }

    /// ListUsers.
    public func listUsers(_ request: ListUsersRequest) async throws(CognitoError) -> ListUsersResponse {
        try authorize("ListUsers", poolID: request.UserPoolId)
        return try await service.listUsers(request)
    }

    // MARK: Operations Cognito authorizes by client or token, not IAM

    /// SignUp.
    public func signUp(_ request: SignUpRequest) async throws(CognitoError) -> SignUpResponse {
        try await service.signUp(request)
    }

    /// ConfirmSignUp.
    public func confirmSignUp(_ request: ConfirmSignUpRequest) async throws(CognitoError) -> EmptyResponse {
        try await service.confirmSignUp(request)
    }

    /// InitiateAuth.
    public func initiateAuth(_ request: InitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await service.initiateAuth(request)
    }

    /// ForgotPassword.
    public func forgotPassword(_ request: ClientUsernameRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        try await service.forgotPassword(request)
    }

    /// ConfirmForgotPassword.
    public func confirmForgotPassword(_ request: ConfirmForgotPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        try await service.confirmForgotPassword(request)
    }

    /// GetUser.
    public func getUser(_ request: AccessTokenRequest) async throws(CognitoError) -> GetUserResponse {
        try service.getUser(request)
    }

    /// GlobalSignOut.
    public func globalSignOut(_ request: AccessTokenRequest) async throws(CognitoError) -> EmptyResponse {
        try await service.globalSignOut(request)
    }
}
