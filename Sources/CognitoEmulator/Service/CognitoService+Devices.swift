import EmulatorCore
import EmulatorCrypto
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Device tracking, from the pool's `DeviceConfiguration`: a sign-in from a new device gets
/// `NewDeviceMetadata`; ConfirmDevice stores the device's SRP verifier; a later sign-in naming the
/// device (`DEVICE_KEY`) proves it with DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER, and a remembered
/// device skips MFA. See https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
extension CognitoService {
    /// One tracked device of a user.
    struct Device {
        var key: String
        var groupKey: String
        var name: String?
        var verifier: String?
        var salt: String?
        var remembered: Bool
        var created: Double
        var modified: Double
        var lastAuthenticated: Double?

        var isConfirmed: Bool { verifier != nil }

        init(key: String, groupKey: String, created: Double) {
            self.key = key
            self.groupKey = groupKey
            self.remembered = false
            self.created = created
            self.modified = created
        }

        init?(_ document: JSONValue) {
            guard let key = document["key"]?.stringValue, let groupKey = document["groupKey"]?.stringValue,
                let created = document["created"]?.numberValue
            else { return nil }
            self.key = key
            self.groupKey = groupKey
            name = document["name"]?.stringValue
            verifier = document["verifier"]?.stringValue
            salt = document["salt"]?.stringValue
            remembered = document["remembered"] == .bool(true)
            self.created = created
            modified = document["modified"]?.numberValue ?? created
            lastAuthenticated = document["lastAuthenticated"]?.numberValue
        }

        var document: JSONValue {
            var members: [JSONValue.Member] = [
                .init("key", .string(key)), .init("groupKey", .string(groupKey)), .init("remembered", .bool(remembered)),
                .init("created", .double(created)), .init("modified", .double(modified)),
            ]
            if let name { members.append(.init("name", .string(name))) }
            if let verifier { members.append(.init("verifier", .string(verifier))) }
            if let salt { members.append(.init("salt", .string(salt))) }
            if let lastAuthenticated { members.append(.init("lastAuthenticated", .double(lastAuthenticated))) }
            return .object(members)
        }

        /// `DeviceType`, as GetDevice and ListDevices describe it.
        var description: JSONValue {
            var attributes: [JSONValue] = [
                .object([.init("Name", .string("device_status")), .init("Value", .string("valid"))]),
                .object([
                    .init("Name", .string("dev:device_remembered_status")), .init("Value", .string(remembered ? "remembered" : "not_remembered")),
                ]),
                .object([.init("Name", .string("last_ip_used")), .init("Value", .string("127.0.0.1"))]),
            ]
            if let name { attributes.insert(.object([.init("Name", .string("device_name")), .init("Value", .string(name))]), at: 1) }
            var members: [JSONValue.Member] = [
                .init("DeviceKey", .string(key)), .init("DeviceAttributes", .array(attributes)), .init("DeviceCreateDate", .double(created)),
                .init("DeviceLastModifiedDate", .double(modified)),
            ]
            if let lastAuthenticated { members.append(.init("DeviceLastAuthenticatedDate", .double(lastAuthenticated))) }
            return .object(members)
        }
    }

    // MARK: - Sign-in

    /// A new device for a sign-in that named none, when the pool tracks devices.
    func offerDevice(to user: StoredUser, pool: LivePool) throws(CognitoError) -> NewDeviceMetadataType? {
        guard pool.definition["DeviceConfiguration"] != nil else { return nil }
        let device = Device(key: "\(region)_\(SecureRandom.uuidString().lowercased())", groupKey: "-" + Self.randomGroupKey(), created: clock.now)
        try save(device, of: user.username, pool: pool)
        return NewDeviceMetadataType(DeviceKey: device.key, DeviceGroupKey: device.groupKey)
    }

    // MARK: - Operations

    /// ConfirmDevice: the device's SRP verifier and name, from a client signed in on it.
    package func confirmDevice(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        let key = request["DeviceKey"]?.stringValue ?? ""
        guard var device = try device(key, of: user.username, pool: pool) else { throw .resourceNotFound("Device does not exist.") }
        let config = request["DeviceSecretVerifierConfig"]
        guard let verifier = config?["PasswordVerifier"]?.stringValue, let salt = config?["Salt"]?.stringValue,
            Data(base64Encoded: verifier) != nil, Data(base64Encoded: salt) != nil
        else { throw .invalidParameter("DeviceSecretVerifierConfig needs a base64 PasswordVerifier and Salt.") }
        let onPrompt = pool.definition["DeviceConfiguration"]?["DeviceOnlyRememberedOnUserPrompt"] == .bool(true)
        device.verifier = verifier
        device.salt = salt
        device.name = request["DeviceName"]?.stringValue
        device.remembered = !onPrompt
        device.modified = clock.now
        try save(device, of: user.username, pool: pool)
        return JSONDocument([("UserConfirmationNecessary", .bool(onPrompt))])
    }

    /// GetDevice.
    package func getDevice(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        return JSONDocument([("Device", try confirmedDevice(request, username: user.username, pool: pool).description)])
    }

    /// AdminGetDevice.
    package func adminGetDevice(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, username) = try adminDeviceOwner(request)
        return JSONDocument([("Device", try confirmedDevice(request, username: username, pool: pool).description)])
    }

    /// ListDevices.
    package func listDevices(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        return try deviceListing(request, username: user.username, pool: pool)
    }

    /// AdminListDevices.
    package func adminListDevices(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, username) = try adminDeviceOwner(request)
        return try deviceListing(request, username: username, pool: pool)
    }

    /// ForgetDevice: the device is no longer tracked (a sign-in from it is new again).
    package func forgetDevice(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        let device = try confirmedDevice(request, username: user.username, pool: pool)
        try deleteDocument(.device, Self.deviceKey(pool.id, user.username, device.key))
        return EmptyResponse()
    }

    /// AdminForgetDevice.
    package func adminForgetDevice(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, username) = try adminDeviceOwner(request)
        let device = try confirmedDevice(request, username: username, pool: pool)
        try deleteDocument(.device, Self.deviceKey(pool.id, username, device.key))
        return EmptyResponse()
    }

    /// UpdateDeviceStatus: `remembered` devices skip MFA.
    package func updateDeviceStatus(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, user) = try authenticate(accessToken: request["AccessToken"]?.stringValue ?? "")
        try setRemembered(request, username: user.username, pool: pool)
        return EmptyResponse()
    }

    /// AdminUpdateDeviceStatus.
    package func adminUpdateDeviceStatus(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, username) = try adminDeviceOwner(request)
        try setRemembered(request, username: username, pool: pool)
        return EmptyResponse()
    }

    // MARK: - Helpers

    private static func deviceKey(_ poolID: String, _ username: String, _ key: String) -> String { "\(poolID)/\(username)/\(key)" }

    private static func randomGroupKey() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String(SecureRandom.bytes(9).map { alphabet[Int($0) % alphabet.count] })
    }

    func device(_ key: String, of username: String, pool: LivePool) throws(CognitoError) -> Device? {
        try document(.device, Self.deviceKey(pool.id, username, key)).flatMap(Device.init)
    }

    func save(_ device: Device, of username: String, pool: LivePool) throws(CognitoError) {
        try save(.device, Self.deviceKey(pool.id, username, device.key), poolID: pool.id, device.document)
    }

    private func confirmedDevice(_ request: JSONDocument, username: String, pool: LivePool) throws(CognitoError) -> Device {
        guard let device = try device(request["DeviceKey"]?.stringValue ?? "", of: username, pool: pool), device.isConfirmed else {
            throw .resourceNotFound("Device does not exist.")
        }
        return device
    }

    private func adminDeviceOwner(_ request: JSONDocument) throws(CognitoError) -> (LivePool, String) {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let user = try database({ db in try requireUser(pool, request["Username"]?.stringValue ?? "", db) }, write: false)
        return (pool, user.username)
    }

    private func deviceListing(_ request: JSONDocument, username: String, pool: LivePool) throws(CognitoError) -> JSONDocument {
        let devices = try documents(.device, poolID: pool.id, keyPrefix: "\(pool.id)/\(username)/").compactMap(Device.init).filter(\.isConfirmed)
        var paging = request
        paging.value = .object(
            (request.value.members ?? []).filter { $0.key != "NextToken" && $0.key != "MaxResults" }
                + (request["Limit"].map { [JSONValue.Member("MaxResults", $0)] } ?? [])
                + (request["PaginationToken"].map { [JSONValue.Member("NextToken", $0)] } ?? [])
        )
        let page = try page(devices.map(\.description), request: paging)
        return JSONDocument([("Devices", .array(page.items))] + (page.next.map { [("PaginationToken", JSONValue.string($0))] } ?? []))
    }

    private func setRemembered(_ request: JSONDocument, username: String, pool: LivePool) throws(CognitoError) {
        var device = try confirmedDevice(request, username: username, pool: pool)
        device.remembered = request["DeviceRememberedStatus"]?.stringValue == "remembered"
        device.modified = clock.now
        try save(device, of: username, pool: pool)
    }
}
