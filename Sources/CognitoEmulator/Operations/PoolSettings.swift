/// Settings of a pool beside UpdateUserPool (all authorized by IAM).
package struct PoolSettings: CognitoOperationFamily {
    /// AddCustomAttributes.
    package let addCustomAttributes = CognitoOperation("AddCustomAttributes", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.addCustomAttributes(r)
    }
    /// GetUserPoolMfaConfig.
    package let getUserPoolMfaConfig = CognitoOperation("GetUserPoolMfaConfig", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getUserPoolMfaConfig(r)
    }
    /// SetUserPoolMfaConfig.
    package let setUserPoolMfaConfig = CognitoOperation("SetUserPoolMfaConfig", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setUserPoolMfaConfig(r)
    }
    /// TagResource.
    package let tagResource = CognitoOperation("TagResource", iamOn: \JSONDocument.taggedPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.tagResource(r)
    }
    /// UntagResource.
    package let untagResource = CognitoOperation("UntagResource", iamOn: \JSONDocument.taggedPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.untagResource(r)
    }
    /// ListTagsForResource.
    package let listTagsForResource = CognitoOperation("ListTagsForResource", iamOn: \JSONDocument.taggedPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listTagsForResource(r)
    }
    /// GetCSVHeader.
    package let getCSVHeader = CognitoOperation("GetCSVHeader", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getCSVHeader(r)
    }
    /// SetUICustomization.
    package let setUICustomization = CognitoOperation("SetUICustomization", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setUICustomization(r)
    }
    /// GetUICustomization.
    package let getUICustomization = CognitoOperation("GetUICustomization", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getUICustomization(r)
    }
    /// SetRiskConfiguration.
    package let setRiskConfiguration = CognitoOperation("SetRiskConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setRiskConfiguration(r)
    }
    /// DescribeRiskConfiguration.
    package let describeRiskConfiguration = CognitoOperation("DescribeRiskConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeRiskConfiguration(r)
    }
    /// SetLogDeliveryConfiguration.
    package let setLogDeliveryConfiguration = CognitoOperation("SetLogDeliveryConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.setLogDeliveryConfiguration(r)
    }
    /// GetLogDeliveryConfiguration.
    package let getLogDeliveryConfiguration = CognitoOperation("GetLogDeliveryConfiguration", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getLogDeliveryConfiguration(r)
    }
    /// GetSigningCertificate.
    package let getSigningCertificate = CognitoOperation("GetSigningCertificate", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getSigningCertificate(r)
    }
}
