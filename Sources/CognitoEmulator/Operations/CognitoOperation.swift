package import EmulatorCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How AWS decides who may call an operation.
package enum CognitoAccess: Sendable {
    /// IAM authorizes the caller (`cognito-idp:<Operation>`), on the pool the request names (or `*`).
    case iam(pool: @Sendable (Any) -> String?)
    /// A client ID, a session or the user's own access token stands for the caller; IAM is not asked.
    case unauthenticated
}

/// One operation of Cognito's user-pool API: its name, request and response shapes, who may call it,
/// and the service call. The AWS JSON endpoint, the in-process client (`context.aws.cognito`,
/// `TestEmulator.cognito`) and IAM checks are all built from these values, so an operation exists
/// everywhere or nowhere.
package struct CognitoOperation<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// `AdminCreateUser`.
    package let name: String
    /// Who may call it.
    package let access: CognitoAccess
    let perform: @Sendable (CognitoService, Request) async throws(CognitoError) -> Response

    /// An operation IAM authorizes, on the pool `pool` names.
    init(
        _ name: String,
        iamOn pool: @escaping @Sendable (Request) -> String?,
        _ perform: @escaping @Sendable (CognitoService, Request) async throws(CognitoError) -> Response
    ) {
        self.name = name
        self.access = .iam(pool: { ($0 as? Request).flatMap(pool) })
        self.perform = perform
    }

    /// An operation the caller's client, session or token authorizes.
    init(_ name: String, _ perform: @escaping @Sendable (CognitoService, Request) async throws(CognitoError) -> Response) {
        self.name = name
        self.access = .unauthenticated
        self.perform = perform
    }

    /// The IAM action (`cognito-idp:AdminCreateUser`) and the pool it acts on, when IAM authorizes it.
    package func iamCheck(for request: Request) -> (action: String, poolID: String?)? {
        guard case .iam(let pool) = access else { return nil }
        return ("cognito-idp:\(name)", pool(request))
    }

    /// Validates `request` against botocore's model, as the endpoint does, then runs it.
    package func call(_ request: Request, on service: CognitoService) async throws(CognitoError) -> Response {
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(request))
        } catch {
            throw .internalError("The request could not be encoded: \(error)")
        }
        if let value = JSONValue.parse(body) { try RequestValidator.shared.validate(value, operation: name) }
        return try await perform(service, request)
    }
}

extension JSONDocument {
    /// The `UserPoolId` member: the pool IAM checks a control-plane request against.
    package var userPoolID: String? { self["UserPoolId"]?.stringValue }
    /// No pool: a request IAM checks against `*` (CreateUserPool).
    package var noPool: String? { nil }
    /// The pool a tagging request's `ResourceArn` names (`…:userpool/<id>`).
    package var taggedPoolID: String? {
        self["ResourceArn"]?.stringValue.flatMap { $0.split(separator: "/").last.map(String.init) }
    }
}

extension ListUserPoolsRequest {
    /// No pool: ListUserPools is checked against `*`.
    package var noPool: String? { nil }
}

/// An operation with its shapes erased, as the AWS JSON endpoint runs it.
package protocol AnyCognitoOperation: Sendable {
    /// The operation's name.
    var name: String { get }
    /// Runs the operation on the (already validated) request, given parsed and as text, and encodes the
    /// answer; `caller`'s IAM permission is checked first when IAM authorizes the operation.
    func run(_ request: JSONValue, bytes: [UInt8], caller: CognitoCaller?, on service: CognitoService) async throws -> [UInt8]
}

extension CognitoOperation: AnyCognitoOperation {
    package func run(_ value: JSONValue, bytes: [UInt8], caller: CognitoCaller?, on service: CognitoService) async throws -> [UInt8] {
        // Documents are taken and given as JSON values; other shapes go through Codable.
        let request = try (JSONDocument(value) as? Request) ?? JSONDecoder().decode(Request.self, from: Data(bytes))
        if let caller, let check = iamCheck(for: request) { try caller.authorize(check.action, poolID: check.poolID) }
        let response = try await perform(service, request)
        if let document = response as? JSONDocument { return Array(document.value.serialized.utf8) }
        return Array(try JSONEncoder().encode(response))
    }
}

/// A family of operations: a struct whose stored properties are its operations.
package protocol CognitoOperationFamily: Sendable {}

extension CognitoOperationFamily {
    /// The family's operations, read from its stored properties (so none can be left out of a list).
    package var operations: [any AnyCognitoOperation] {
        Mirror(reflecting: self).children.compactMap { $0.value as? any AnyCognitoOperation }
    }
}

/// Every operation the emulator serves, by family.
package enum CognitoOperations {
    /// Users, as an administrator manages them.
    package static let users = UserAdministration()
    /// Sign-up, confirmation, password recovery and a user's own profile.
    package static let selfService = SelfService()
    /// Sign-in, challenges, refresh, sign-out and revocation.
    package static let authentication = Authentication()
    /// TOTP, SMS and e-mail MFA settings.
    package static let mfa = MFAManagement()
    /// Groups and membership.
    package static let groups = GroupManagement()
    /// Pools and app clients.
    package static let pools = PoolManagement()
    /// Custom attributes, MFA configuration, tags and the settings only AWS's infrastructure acts on.
    package static let poolSettings = PoolSettings()
    /// Domains, resource servers, identity providers, terms and branding.
    package static let poolResources = PoolResources()
    /// Password resets by an administrator, attribute deletion, legacy MFA settings.
    package static let userSettings = UserSettings()
    /// Client secret rotation, sign-in events, auth factors, federated identity links.
    package static let secretsAndEvents = ClientSecretsAndEvents()
    /// User import jobs.
    package static let userImport = UserImport()
    /// Tracked devices.
    package static let devices = DeviceManagement()
    /// Passkeys (WebAuthn).
    package static let passkeys = Passkeys()

    /// Every operation, by name.
    package static let byName: [String: any AnyCognitoOperation] = {
        let families: [any CognitoOperationFamily] = [
            users, selfService, authentication, mfa, groups, pools, poolSettings, poolResources, userSettings, secretsAndEvents, userImport, devices,
            passkeys,
        ]
        return Dictionary(uniqueKeysWithValues: families.flatMap(\.operations).map { ($0.name, $0) })
    }()
}
