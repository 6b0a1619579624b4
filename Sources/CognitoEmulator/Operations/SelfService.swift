/// Sign-up, confirmation, password recovery and a user's own profile (authorized by client or access token).
package struct SelfService: CognitoOperationFamily {
    /// SignUp.
    package let signUp = CognitoOperation("SignUp") { (s, r: SignUpRequest) throws(CognitoError) -> SignUpResponse in try await s.signUp(r) }
    /// ConfirmSignUp.
    package let confirmSignUp = CognitoOperation("ConfirmSignUp") { (s, r: ConfirmSignUpRequest) throws(CognitoError) -> EmptyResponse in
        try await s.confirmSignUp(r)
    }
    /// ResendConfirmationCode.
    package let resendConfirmationCode = CognitoOperation("ResendConfirmationCode") {
        (s, r: ResendConfirmationCodeRequest) throws(CognitoError) -> CodeDeliveryResponse in try await s.resendConfirmationCode(r)
    }
    /// ForgotPassword.
    package let forgotPassword = CognitoOperation("ForgotPassword") { (s, r: ForgotPasswordRequest) throws(CognitoError) -> CodeDeliveryResponse in
        try await s.forgotPassword(r)
    }
    /// ConfirmForgotPassword.
    package let confirmForgotPassword = CognitoOperation("ConfirmForgotPassword") {
        (s, r: ConfirmForgotPasswordRequest) throws(CognitoError) -> EmptyResponse in try await s.confirmForgotPassword(r)
    }
    /// ChangePassword.
    package let changePassword = CognitoOperation("ChangePassword") { (s, r: ChangePasswordRequest) throws(CognitoError) -> EmptyResponse in
        try await s.changePassword(r)
    }
    /// GetUser.
    package let getUser = CognitoOperation("GetUser") { (s, r: GetUserRequest) throws(CognitoError) -> GetUserResponse in try s.getUser(r) }
    /// DeleteUser.
    package let deleteUser = CognitoOperation("DeleteUser") { (s, r: DeleteUserRequest) throws(CognitoError) -> EmptyResponse in
        try await s.deleteUser(r)
    }
    /// UpdateUserAttributes.
    package let updateUserAttributes = CognitoOperation("UpdateUserAttributes") {
        (s, r: UpdateUserAttributesRequest) throws(CognitoError) -> UpdateUserAttributesResponse in try await s.updateUserAttributes(r)
    }
    /// GetUserAttributeVerificationCode.
    package let getUserAttributeVerificationCode = CognitoOperation("GetUserAttributeVerificationCode") {
        (s, r: GetUserAttributeVerificationCodeRequest) throws(CognitoError) -> CodeDeliveryResponse in
        try await s.getUserAttributeVerificationCode(r)
    }
    /// VerifyUserAttribute.
    package let verifyUserAttribute = CognitoOperation("VerifyUserAttribute") {
        (s, r: VerifyUserAttributeRequest) throws(CognitoError) -> EmptyResponse in try await s.verifyUserAttribute(r)
    }
}
