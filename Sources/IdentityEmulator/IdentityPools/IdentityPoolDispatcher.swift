public import EmulatorCore

/// The `cognito-identity` API in AWS JSON 1.1: `X-Amz-Target: AWSCognitoIdentityService.<Operation>`,
/// each operation IAM authorizes (all but GetId, GetCredentialsForIdentity, GetOpenIdToken and
/// UnlinkIdentity, which the logins authorize) checked against the caller's policies on the pool's ARN.
public struct IdentityPoolDispatcher: Sendable {
    /// The service prefix of every target.
    public static let targetPrefix = "AWSCognitoIdentityService."

    typealias Operation = @Sendable (IdentityPoolService, JSONValue) throws -> JSONValue

    /// The operations, by name, and whether the logins (not IAM) authorize them.
    static let operations: [String: (public: Bool, run: Operation)] = [
        "CreateIdentityPool": (false, { try $0.create($1) }),
        "DescribeIdentityPool": (false, { try $0.describe($1) }),
        "UpdateIdentityPool": (false, { try $0.update($1) }),
        "DeleteIdentityPool": (false, { try $0.delete($1) }),
        "ListIdentityPools": (false, { try $0.list($1) }),
        "GetIdentityPoolRoles": (false, { try $0.roles($1) }),
        "SetIdentityPoolRoles": (false, { try $0.setRoles($1) }),
        "GetPrincipalTagAttributeMap": (false, { try $0.principalTags($1, set: false) }),
        "SetPrincipalTagAttributeMap": (false, { try $0.principalTags($1, set: true) }),
        "TagResource": (false, { try $0.tag($1, remove: false) }),
        "UntagResource": (false, { try $0.tag($1, remove: true) }),
        "ListTagsForResource": (false, { try $0.tags($1) }),
        "GetId": (true, { try $0.getID($1) }),
        "GetCredentialsForIdentity": (true, { try $0.credentials($1) }),
        "GetOpenIdToken": (true, { try $0.openIDToken($1) }),
        "GetOpenIdTokenForDeveloperIdentity": (false, { try $0.developerOpenIDToken($1) }),
        "DescribeIdentity": (false, { try $0.describeIdentity($1) }),
        "ListIdentities": (false, { try $0.listIdentities($1) }),
        "DeleteIdentities": (false, { try $0.deleteIdentities($1) }),
        "LookupDeveloperIdentity": (false, { try $0.lookupDeveloperIdentity($1) }),
        "MergeDeveloperIdentities": (false, { try $0.mergeDeveloperIdentities($1) }),
        "UnlinkDeveloperIdentity": (false, { try $0.unlinkDeveloperIdentity($1) }),
        "UnlinkIdentity": (true, { try $0.unlinkIdentity($1) }),
    ]

    let service: IdentityPoolService

    /// A dispatcher over `service`.
    public init(service: IdentityPoolService) {
        self.service = service
    }

    /// Runs one request; `caller` is who signed it (nil: unsigned, or a key the emulator did not issue).
    /// - Returns: The status, body and error type; never throws.
    public func handle(target: String, body: [UInt8], caller: IAMCaller?) -> (status: Int, body: [UInt8], errorType: String?) {
        let name = String(target.dropFirst(Self.targetPrefix.count))
        do throws(IdentityError) {
            guard let operation = Self.operations[name] else { throw .unknownOperation(target) }
            let text = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            let request: JSONValue
            if text.isEmpty {
                request = .object([])
            } else {
                guard let parsed = JSONValue.parse(Array(text)), case .object = parsed else {
                    throw .serialization("The request body is not a JSON object.")
                }
                request = parsed
            }
            if !operation.public, let caller {
                let resource = service.resource(of: request)
                if case .failure(let denial) = caller.authorize("cognito-identity:\(name)", on: resource) { throw .accessDenied(denial.message) }
            }
            do {
                return (200, Array(try operation.run(service, request).serialized.utf8), nil)
            } catch let error as IdentityError {
                throw error
            } catch {
                throw .internalError("\(error)")
            }
        } catch {
            return (error.status, error.body, error.type)
        }
    }
}
