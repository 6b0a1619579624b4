/// TOTP, SMS and e-mail MFA settings.
package struct MFAManagement: CognitoOperationFamily {
    /// AssociateSoftwareToken.
    package let associateSoftwareToken = CognitoOperation("AssociateSoftwareToken") {
        (s, r: AssociateSoftwareTokenRequest) throws(CognitoError) -> AssociateSoftwareTokenResponse in try await s.associateSoftwareToken(r)
    }
    /// VerifySoftwareToken.
    package let verifySoftwareToken = CognitoOperation("VerifySoftwareToken") {
        (s, r: VerifySoftwareTokenRequest) throws(CognitoError) -> VerifySoftwareTokenResponse in try await s.verifySoftwareToken(r)
    }
    /// SetUserMFAPreference.
    package let setUserMFAPreference = CognitoOperation("SetUserMFAPreference") {
        (s, r: SetUserMFAPreferenceRequest) throws(CognitoError) -> EmptyResponse in try await s.setUserMFAPreference(r)
    }
    /// AdminSetUserMFAPreference.
    package let adminSetUserMFAPreference = CognitoOperation("AdminSetUserMFAPreference", iamOn: \AdminSetUserMFAPreferenceRequest.UserPoolId) {
        (s, r: AdminSetUserMFAPreferenceRequest) throws(CognitoError) -> EmptyResponse in try await s.adminSetUserMFAPreference(r)
    }
}
