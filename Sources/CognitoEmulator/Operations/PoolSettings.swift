/// Settings of a pool beside UpdateUserPool (all authorized by IAM).
public struct PoolSettings: CognitoOperationFamily {
    /// AddCustomAttributes.
    public let addCustomAttributes = CognitoOperation("AddCustomAttributes", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.addCustomAttributes(r)
    }
    /// GetUserPoolMfaConfig.
    public let getUserPoolMfaConfig = CognitoOperation("GetUserPoolMfaConfig", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getUserPoolMfaConfig(r)
    }
    /// SetUserPoolMfaConfig.
    public let setUserPoolMfaConfig = CognitoOperation("SetUserPoolMfaConfig", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setUserPoolMfaConfig(r)
    }
    /// TagResource.
    public let tagResource = CognitoOperation("TagResource", iamOn: \JSONDocument.taggedPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.tagResource(r)
    }
    /// UntagResource.
    public let untagResource = CognitoOperation("UntagResource", iamOn: \JSONDocument.taggedPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.untagResource(r)
    }
    /// ListTagsForResource.
    public let listTagsForResource = CognitoOperation("ListTagsForResource", iamOn: \JSONDocument.taggedPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listTagsForResource(r)
    }
    /// GetCSVHeader.
    public let getCSVHeader = CognitoOperation("GetCSVHeader", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getCSVHeader(r)
    }
    /// SetUICustomization.
    public let setUICustomization = CognitoOperation("SetUICustomization", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setUICustomization(r)
    }
    /// GetUICustomization.
    public let getUICustomization = CognitoOperation("GetUICustomization", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getUICustomization(r)
    }
    /// SetRiskConfiguration.
    public let setRiskConfiguration = CognitoOperation("SetRiskConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setRiskConfiguration(r)
    }
    /// DescribeRiskConfiguration.
    public let describeRiskConfiguration = CognitoOperation("DescribeRiskConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeRiskConfiguration(r)
    }
    /// SetLogDeliveryConfiguration.
    public let setLogDeliveryConfiguration = CognitoOperation("SetLogDeliveryConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setLogDeliveryConfiguration(r)
    }
    /// GetLogDeliveryConfiguration.
    public let getLogDeliveryConfiguration = CognitoOperation("GetLogDeliveryConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getLogDeliveryConfiguration(r)
    }
    /// GetSigningCertificate.
    public let getSigningCertificate = CognitoOperation("GetSigningCertificate", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getSigningCertificate(r)
    }
}

extension CognitoCalling {
    /// AddCustomAttributes.
    public func addCustomAttributes(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolSettings.addCustomAttributes, request)
    }

    /// GetUserPoolMfaConfig.
    public func getUserPoolMfaConfig(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getUserPoolMfaConfig, request)
    }

    /// SetUserPoolMfaConfig.
    public func setUserPoolMfaConfig(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setUserPoolMfaConfig, request)
    }

    /// TagResource.
    public func tagResource(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolSettings.tagResource, request)
    }

    /// UntagResource.
    public func untagResource(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.poolSettings.untagResource, request)
    }

    /// ListTagsForResource.
    public func listTagsForResource(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.listTagsForResource, request)
    }

    /// GetCSVHeader.
    public func getCSVHeader(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getCSVHeader, request)
    }

    /// SetUICustomization.
    public func setUICustomization(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setUICustomization, request)
    }

    /// GetUICustomization.
    public func getUICustomization(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getUICustomization, request)
    }

    /// SetRiskConfiguration.
    public func setRiskConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setRiskConfiguration, request)
    }

    /// DescribeRiskConfiguration.
    public func describeRiskConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.describeRiskConfiguration, request)
    }

    /// SetLogDeliveryConfiguration.
    public func setLogDeliveryConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.setLogDeliveryConfiguration, request)
    }

    /// GetLogDeliveryConfiguration.
    public func getLogDeliveryConfiguration(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getLogDeliveryConfiguration, request)
    }

    /// GetSigningCertificate.
    public func getSigningCertificate(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.poolSettings.getSigningCertificate, request)
    }
}
