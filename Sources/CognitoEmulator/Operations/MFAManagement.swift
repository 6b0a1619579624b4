/// TOTP, SMS and e-mail MFA settings.
public struct MFAManagement: CognitoOperationFamily {
    /// AssociateSoftwareToken.
    public let associateSoftwareToken = CognitoOperation("AssociateSoftwareToken") {
        (s, r: AssociateSoftwareTokenRequest) throws(CognitoError) -> AssociateSoftwareTokenResponse in try await s.associateSoftwareToken(r)
    }
    /// VerifySoftwareToken.
    public let verifySoftwareToken = CognitoOperation("VerifySoftwareToken") {
        (s, r: VerifySoftwareTokenRequest) throws(CognitoError) -> VerifySoftwareTokenResponse in try await s.verifySoftwareToken(r)
    }
    /// SetUserMFAPreference.
    public let setUserMFAPreference = CognitoOperation("SetUserMFAPreference") {
        (s, r: SetUserMFAPreferenceRequest) throws(CognitoError) -> EmptyResponse in try await s.setUserMFAPreference(r)
    }
    /// AdminSetUserMFAPreference.
    public let adminSetUserMFAPreference = CognitoOperation("AdminSetUserMFAPreference", iamOn: \AdminSetUserMFAPreferenceRequest.UserPoolId) {
        (s, r: AdminSetUserMFAPreferenceRequest) throws(CognitoError) -> EmptyResponse in try await s.adminSetUserMFAPreference(r)
    }
}

extension CognitoCalling {
    /// AssociateSoftwareToken.
    public func associateSoftwareToken(_ request: AssociateSoftwareTokenRequest) async throws(CognitoError) -> AssociateSoftwareTokenResponse {
        try await call(CognitoOperations.mfa.associateSoftwareToken, request)
    }

    /// VerifySoftwareToken.
    public func verifySoftwareToken(_ request: VerifySoftwareTokenRequest) async throws(CognitoError) -> VerifySoftwareTokenResponse {
        try await call(CognitoOperations.mfa.verifySoftwareToken, request)
    }

    /// SetUserMFAPreference.
    public func setUserMFAPreference(_ request: SetUserMFAPreferenceRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.mfa.setUserMFAPreference, request)
    }

    /// AdminSetUserMFAPreference.
    public func adminSetUserMFAPreference(_ request: AdminSetUserMFAPreferenceRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.mfa.adminSetUserMFAPreference, request)
    }
}
