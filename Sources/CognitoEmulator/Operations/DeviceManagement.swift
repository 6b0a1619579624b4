/// Tracked devices: confirmed by the signed-in user, managed by the user or an administrator.
public struct DeviceManagement: CognitoOperationFamily {
    /// ConfirmDevice.
    public let confirmDevice = CognitoOperation("ConfirmDevice") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in
        try await s.confirmDevice(r)
    }
    /// GetDevice.
    public let getDevice = CognitoOperation("GetDevice") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.getDevice(r) }
    /// ListDevices.
    public let listDevices = CognitoOperation("ListDevices") { (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listDevices(r)
    }
    /// ForgetDevice.
    public let forgetDevice = CognitoOperation("ForgetDevice") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.forgetDevice(r)
    }
    /// UpdateDeviceStatus.
    public let updateDeviceStatus = CognitoOperation("UpdateDeviceStatus") { (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in
        try await s.updateDeviceStatus(r)
    }
    /// AdminGetDevice.
    public let adminGetDevice = CognitoOperation("AdminGetDevice", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.adminGetDevice(r)
    }
    /// AdminListDevices.
    public let adminListDevices = CognitoOperation("AdminListDevices", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.adminListDevices(r)
    }
    /// AdminForgetDevice.
    public let adminForgetDevice = CognitoOperation("AdminForgetDevice", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminForgetDevice(r)
    }
    /// AdminUpdateDeviceStatus.
    public let adminUpdateDeviceStatus = CognitoOperation("AdminUpdateDeviceStatus", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> EmptyResponse in try await s.adminUpdateDeviceStatus(r)
    }
}

extension CognitoCalling {
    /// ConfirmDevice.
    public func confirmDevice(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.confirmDevice, request)
    }

    /// GetDevice.
    public func getDevice(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.getDevice, request)
    }

    /// ListDevices.
    public func listDevices(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.listDevices, request)
    }

    /// ForgetDevice.
    public func forgetDevice(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.forgetDevice, request)
    }

    /// UpdateDeviceStatus.
    public func updateDeviceStatus(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.updateDeviceStatus, request)
    }

    /// AdminGetDevice.
    public func adminGetDevice(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.adminGetDevice, request)
    }

    /// AdminListDevices.
    public func adminListDevices(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.devices.adminListDevices, request)
    }

    /// AdminForgetDevice.
    public func adminForgetDevice(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.adminForgetDevice, request)
    }

    /// AdminUpdateDeviceStatus.
    public func adminUpdateDeviceStatus(_ request: JSONDocument) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.devices.adminUpdateDeviceStatus, request)
    }
}
