/// Sign-up, confirmation, password recovery and a user's own profile (authorized by client or access token).
public struct SelfService: CognitoOperationFamily {
    /// SignUp.
    public let signUp = CognitoOperation("SignUp") { (s, r: SignUpRequest) throws(CognitoError) -> SignUpResponse in try await s.signUp(r) }
    /// ConfirmSignUp.
    public let confirmSignUp = CognitoOperation("ConfirmSignUp") { (s, r: ConfirmSignUpRequest) throws(CognitoError) -> EmptyResponse in
        try await s.confirmSignUp(r)
    }
    /// ResendConfirmationCode.
    public let resendConfirmationCode = CognitoOperation("ResendConfirmationCode") {
        (s, r: ResendConfirmationCodeRequest) throws(CognitoError) -> CodeDeliveryResponse in try await s.resendConfirmationCode(r)
    }
    /// ForgotPassword.
    public let forgotPassword = CognitoOperation("ForgotPassword") { (s, r: ForgotPasswordRequest) throws(CognitoError) -> CodeDeliveryResponse in
        try await s.forgotPassword(r)
    }
    /// ConfirmForgotPassword.
    public let confirmForgotPassword = CognitoOperation("ConfirmForgotPassword") {
        (s, r: ConfirmForgotPasswordRequest) throws(CognitoError) -> EmptyResponse in try await s.confirmForgotPassword(r)
    }
    /// ChangePassword.
    public let changePassword = CognitoOperation("ChangePassword") { (s, r: ChangePasswordRequest) throws(CognitoError) -> EmptyResponse in
        try await s.changePassword(r)
    }
    /// GetUser.
    public let getUser = CognitoOperation("GetUser") { (s, r: GetUserRequest) throws(CognitoError) -> GetUserResponse in try s.getUser(r) }
    /// DeleteUser.
    public let deleteUser = CognitoOperation("DeleteUser") { (s, r: DeleteUserRequest) throws(CognitoError) -> EmptyResponse in
        try await s.deleteUser(r)
    }
    /// UpdateUserAttributes.
    public let updateUserAttributes = CognitoOperation("UpdateUserAttributes") {
        (s, r: UpdateUserAttributesRequest) throws(CognitoError) -> UpdateUserAttributesResponse in try await s.updateUserAttributes(r)
    }
    /// GetUserAttributeVerificationCode.
    public let getUserAttributeVerificationCode = CognitoOperation("GetUserAttributeVerificationCode") {
        (s, r: GetUserAttributeVerificationCodeRequest) throws(CognitoError) -> CodeDeliveryResponse in
        try await s.getUserAttributeVerificationCode(r)
    }
    /// VerifyUserAttribute.
    public let verifyUserAttribute = CognitoOperation("VerifyUserAttribute") {
        (s, r: VerifyUserAttributeRequest) throws(CognitoError) -> EmptyResponse in try await s.verifyUserAttribute(r)
    }
}

extension CognitoCalling {
    /// SignUp.
    public func signUp(_ request: SignUpRequest) async throws(CognitoError) -> SignUpResponse {
        try await call(CognitoOperations.selfService.signUp, request)
    }

    /// ConfirmSignUp.
    public func confirmSignUp(_ request: ConfirmSignUpRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.confirmSignUp, request)
    }

    /// ResendConfirmationCode.
    public func resendConfirmationCode(_ request: ResendConfirmationCodeRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        try await call(CognitoOperations.selfService.resendConfirmationCode, request)
    }

    /// ForgotPassword.
    public func forgotPassword(_ request: ForgotPasswordRequest) async throws(CognitoError) -> CodeDeliveryResponse {
        try await call(CognitoOperations.selfService.forgotPassword, request)
    }

    /// ConfirmForgotPassword.
    public func confirmForgotPassword(_ request: ConfirmForgotPasswordRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.confirmForgotPassword, request)
    }

    /// ChangePassword.
    public func changePassword(_ request: ChangePasswordRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.changePassword, request)
    }

    /// GetUser.
    public func getUser(_ request: GetUserRequest) async throws(CognitoError) -> GetUserResponse {
        try await call(CognitoOperations.selfService.getUser, request)
    }

    /// DeleteUser.
    public func deleteUser(_ request: DeleteUserRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.deleteUser, request)
    }

    /// UpdateUserAttributes.
    public func updateUserAttributes(_ request: UpdateUserAttributesRequest) async throws(CognitoError) -> UpdateUserAttributesResponse {
        try await call(CognitoOperations.selfService.updateUserAttributes, request)
    }

    /// GetUserAttributeVerificationCode.
    public func getUserAttributeVerificationCode(
        _ request: GetUserAttributeVerificationCodeRequest
    ) async throws(CognitoError) -> CodeDeliveryResponse {
        try await call(CognitoOperations.selfService.getUserAttributeVerificationCode, request)
    }

    /// VerifyUserAttribute.
    public func verifyUserAttribute(_ request: VerifyUserAttributeRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.selfService.verifyUserAttribute, request)
    }
}
