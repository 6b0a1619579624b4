#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Cognito's AWS JSON 1.1 protocol: routes `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`
/// with a JSON body to the service and renders the answer or the error as AWS does.
/// Knows nothing of the HTTP server that carries it.
package struct CognitoJSONDispatcher: Sendable {
    /// An HTTP answer: status and JSON body.
    package struct Answer: Sendable {
        /// The HTTP status.
        package var status: Int
        /// The JSON body.
        package var body: [UInt8]
    }

    /// The service prefix of every target.
    package static let targetPrefix = "AWSCognitoIdentityProviderService."
    /// The content type of requests and answers.
    package static let contentType = "application/x-amz-json-1.1"

    private typealias Operation = @Sendable (CognitoService, Data) async throws -> [UInt8]
    private let service: CognitoService

    /// A dispatcher over `service`.
    package init(service: CognitoService) {
        self.service = service
    }

    /// The operations served, by name.
    package static var operationNames: [String] { operations.keys.sorted() }

    /// Runs one request.
    /// - Parameters:
    ///   - target: The `X-Amz-Target` header.
    ///   - body: The request body.
    /// - Returns: The status and body to answer with; never throws.
    package func handle(target: String?, body: [UInt8]) async -> Answer {
        guard let target, target.hasPrefix(Self.targetPrefix) else {
            return Self.render(.unknownOperation("Missing or unknown X-Amz-Target; expected \(Self.targetPrefix)<Operation>"))
        }
        let name = String(target.dropFirst(Self.targetPrefix.count))
        guard let operation = Self.operations[name] else {
            return Self.render(
                .unknownOperation(
                    "The emulator does not implement Cognito's \(name) operation; it implements: \(Self.operationNames.joined(separator: ", "))"
                )
            )
        }
        let trimmed = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        do {
            let result = try await operation(service, trimmed.isEmpty ? Data("{}".utf8) : Data(trimmed))
            return Answer(status: 200, body: result)
        } catch let error as CognitoError {
            return Self.render(error)
        } catch let error as DecodingError {
            return Self.render(Self.translate(error))
        } catch {
            return Self.render(.internalError("\(error)"))
        }
    }

    /// `{"__type": …, "message": …}` with the error's status.
    package static func render(_ error: CognitoError) -> Answer {
        Answer(status: error.status, body: error.body)
    }

    private static func translate(_ error: DecodingError) -> CognitoError {
        switch error {
        case .keyNotFound(let key, _):
            return .missing(key.stringValue)
        case .valueNotFound(_, let context):
            return .missing(context.codingPath.last?.stringValue ?? "value")
        case .typeMismatch(let type, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .serialization("Unexpected value for '\(path)': expected \(type)")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? .serialization("The request body is not valid JSON")
                : .serialization("Invalid value for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        @unknown default:
            return .serialization("The request body could not be read")
        }
    }

    private static func operation<Request: Decodable & Sendable, Response: Encodable & Sendable>(
        _ body: @escaping @Sendable (CognitoService, Request) async throws(CognitoError) -> Response
    ) -> Operation {
        { service, data in
            let request = try JSONDecoder().decode(Request.self, from: data)
            let response = try await body(service, request)
            return Array(try JSONEncoder().encode(response))
        }
    }

    private static let operations: [String: Operation] = [
        "AdminAddUserToGroup": operation { (s, r: AdminGroupMembershipRequest) throws(CognitoError) in try await s.adminAddUserToGroup(r) },
        "AdminConfirmSignUp": operation { (s, r: AdminUserRequest) throws(CognitoError) in try await s.adminConfirmSignUp(r) },
        "AdminCreateUser": operation { (s, r: AdminCreateUserRequest) throws(CognitoError) in try await s.adminCreateUser(r) },
        "AdminDeleteUser": operation { (s, r: AdminUserRequest) throws(CognitoError) in try await s.adminDeleteUser(r) },
        "AdminDisableUser": operation { (s, r: AdminUserRequest) throws(CognitoError) in try await s.adminDisableUser(r) },
        "AdminEnableUser": operation { (s, r: AdminUserRequest) throws(CognitoError) in try await s.adminEnableUser(r) },
        "AdminGetUser": operation { (s, r: AdminUserRequest) throws(CognitoError) in try await s.adminGetUser(r) },
        "AdminInitiateAuth": operation { (s, r: AdminInitiateAuthRequest) throws(CognitoError) in try await s.adminInitiateAuth(r) },
        "AdminListGroupsForUser": operation { (s, r: AdminUserRequest) throws(CognitoError) in try await s.adminListGroupsForUser(r) },
        "AdminRemoveUserFromGroup": operation { (s, r: AdminGroupMembershipRequest) throws(CognitoError) in try await s.adminRemoveUserFromGroup(r) },
        "AdminRespondToAuthChallenge": operation { (s, r: AdminRespondToAuthChallengeRequest) throws(CognitoError) in
            try await s.adminRespondToAuthChallenge(r)
        },
        "AdminSetUserMFAPreference": operation { (s, r: SetUserMFAPreferenceRequest) throws(CognitoError) in try await s.adminSetUserMFAPreference(r)
        },
        "AdminSetUserPassword": operation { (s, r: AdminSetUserPasswordRequest) throws(CognitoError) in try await s.adminSetUserPassword(r) },
        "AdminUpdateUserAttributes": operation { (s, r: AdminUpdateUserAttributesRequest) throws(CognitoError) in
            try await s.adminUpdateUserAttributes(r)
        },
        "AdminUserGlobalSignOut": operation { (s, r: AdminUserRequest) throws(CognitoError) in try await s.adminUserGlobalSignOut(r) },
        "AssociateSoftwareToken": operation { (s, r: AssociateSoftwareTokenRequest) throws(CognitoError) in try await s.associateSoftwareToken(r) },
        "ChangePassword": operation { (s, r: ChangePasswordRequest) throws(CognitoError) in try await s.changePassword(r) },
        "ConfirmForgotPassword": operation { (s, r: ConfirmForgotPasswordRequest) throws(CognitoError) in try await s.confirmForgotPassword(r) },
        "CreateGroup": operation { (s, r: GroupRequest) throws(CognitoError) in try await s.createGroup(r) },
        "DeleteGroup": operation { (s, r: GroupRequest) throws(CognitoError) in try await s.deleteGroup(r) },
        "GetGroup": operation { (s, r: GroupRequest) throws(CognitoError) in try await s.getGroup(r) },
        "ListGroups": operation { (s, r: GroupListingRequest) throws(CognitoError) in try await s.listGroups(r) },
        "ListUsersInGroup": operation { (s, r: GroupListingRequest) throws(CognitoError) in try await s.listUsersInGroup(r) },
        "UpdateGroup": operation { (s, r: GroupRequest) throws(CognitoError) in try await s.updateGroup(r) },
        "ConfirmSignUp": operation { (s, r: ConfirmSignUpRequest) throws(CognitoError) in try await s.confirmSignUp(r) },
        "DeleteUser": operation { (s, r: AccessTokenRequest) throws(CognitoError) in try await s.deleteUser(r) },
        "DescribeUserPool": operation { (s, r: UserPoolIdRequest) throws(CognitoError) in try await s.describeUserPool(r) },
        "DescribeUserPoolClient": operation { (s, r: DescribeUserPoolClientRequest) throws(CognitoError) in try await s.describeUserPoolClient(r) },
        "ForgotPassword": operation { (s, r: ClientUsernameRequest) throws(CognitoError) in try await s.forgotPassword(r) },
        "GetUserAttributeVerificationCode": operation { (s, r: AttributeVerificationRequest) throws(CognitoError) in
            try await s.getUserAttributeVerificationCode(r)
        },
        "GetTokensFromRefreshToken": operation { (s, r: GetTokensFromRefreshTokenRequest) throws(CognitoError) in
            try await s.getTokensFromRefreshToken(r)
        },
        "GetUser": operation { (s, r: AccessTokenRequest) throws(CognitoError) in try s.getUser(r) },
        "GlobalSignOut": operation { (s, r: AccessTokenRequest) throws(CognitoError) in try await s.globalSignOut(r) },
        "InitiateAuth": operation { (s, r: InitiateAuthRequest) throws(CognitoError) in try await s.initiateAuth(r) },
        "ListUserPoolClients": operation { (s, r: UserPoolIdRequest) throws(CognitoError) in try await s.listUserPoolClients(r) },
        "ListUserPools": operation { (s, r: ListUserPoolsRequest) throws(CognitoError) in try await s.listUserPools(r) },
        "ListUsers": operation { (s, r: ListUsersRequest) throws(CognitoError) in try await s.listUsers(r) },
        "ResendConfirmationCode": operation { (s, r: ClientUsernameRequest) throws(CognitoError) in try await s.resendConfirmationCode(r) },
        "RespondToAuthChallenge": operation { (s, r: RespondToAuthChallengeRequest) throws(CognitoError) in try await s.respondToAuthChallenge(r) },
        "RevokeToken": operation { (s, r: RevokeTokenRequest) throws(CognitoError) in try await s.revokeToken(r) },
        "SetUserMFAPreference": operation { (s, r: SetUserMFAPreferenceRequest) throws(CognitoError) in try await s.setUserMFAPreference(r) },
        "SignUp": operation { (s, r: SignUpRequest) throws(CognitoError) in try await s.signUp(r) },
        "UpdateUserAttributes": operation { (s, r: UpdateUserAttributesRequest) throws(CognitoError) in try await s.updateUserAttributes(r) },
        "VerifyUserAttribute": operation { (s, r: AttributeVerificationRequest) throws(CognitoError) in try await s.verifyUserAttribute(r) },
        "VerifySoftwareToken": operation { (s, r: VerifySoftwareTokenRequest) throws(CognitoError) in try await s.verifySoftwareToken(r) },
    ]
}
