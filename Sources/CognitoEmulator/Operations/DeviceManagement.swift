/// Tracked devices: confirmed by the signed-in user, managed by the user or an administrator.
package struct DeviceManagement: CognitoOperationFamily {
    /// ConfirmDevice.
    package let confirmDevice = CognitoOperation("ConfirmDevice") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in
        try await s.confirmDevice(r)
    }
    /// GetDevice.
    package let getDevice = CognitoOperation("GetDevice") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getDevice(r) }
    /// ListDevices.
    package let listDevices = CognitoOperation("ListDevices") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in
        try await s.listDevices(r)
    }
    /// ForgetDevice.
    package let forgetDevice = CognitoOperation("ForgetDevice") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.forgetDevice(r)
    }
    /// UpdateDeviceStatus.
    package let updateDeviceStatus = CognitoOperation("UpdateDeviceStatus") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.updateDeviceStatus(r)
    }
    /// AdminGetDevice.
    package let adminGetDevice = CognitoOperation("AdminGetDevice", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.adminGetDevice(r)
    }
    /// AdminListDevices.
    package let adminListDevices = CognitoOperation("AdminListDevices", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.adminListDevices(r)
    }
    /// AdminForgetDevice.
    package let adminForgetDevice = CognitoOperation("AdminForgetDevice", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminForgetDevice(r)
    }
    /// AdminUpdateDeviceStatus.
    package let adminUpdateDeviceStatus = CognitoOperation("AdminUpdateDeviceStatus", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminUpdateDeviceStatus(r)
    }
}
