public import EmulatorCore

/// An error as Cognito sends it: its `__type`, message and HTTP status.
///
/// A struct over a private code enum so new error types can be added without breaking users.
/// See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
public struct CognitoError: WireError, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable {
        case aliasExists = "AliasExistsException"
        case codeMismatch = "CodeMismatchException"
        case expiredCode = "ExpiredCodeException"
        case groupExists = "GroupExistsException"
        case internalError = "InternalErrorException"
        case invalidParameter = "InvalidParameterException"
        case invalidPassword = "InvalidPasswordException"
        case limitExceeded = "LimitExceededException"
        case notAuthorized = "NotAuthorizedException"
        case passwordResetRequired = "PasswordResetRequiredException"
        case resourceNotFound = "ResourceNotFoundException"
        case serialization = "SerializationException"
        case unknownOperation = "UnknownOperationException"
        case unsupportedOperation = "UnsupportedOperationException"
        case unsupportedTokenType = "UnsupportedTokenTypeException"
        case userNotConfirmed = "UserNotConfirmedException"
        case userNotFound = "UserNotFoundException"
        case usernameExists = "UsernameExistsException"
        case accessDenied = "AccessDeniedException"
        case invalidSignature = "InvalidSignatureException"
        case incompleteSignature = "IncompleteSignatureException"
        case unrecognizedClient = "UnrecognizedClientException"
        case userLambdaValidation = "UserLambdaValidationException"
        case unexpectedLambda = "UnexpectedLambdaException"
        case invalidLambdaResponse = "InvalidLambdaResponseException"
        case enableSoftwareTokenMFA = "EnableSoftwareTokenMFAException"
        case duplicateProvider = "DuplicateProviderException"
        case userPoolAddOnNotEnabled = "UserPoolAddOnNotEnabledException"
        case preconditionNotMet = "PreconditionNotMetException"
        case webAuthnNotEnabled = "WebAuthnNotEnabledException"
        case webAuthnConfigurationMissing = "WebAuthnConfigurationMissingException"
        case webAuthnChallengeNotFound = "WebAuthnChallengeNotFoundException"
        case webAuthnRelyingPartyMismatch = "WebAuthnRelyingPartyMismatchException"
        case webAuthnClientMismatch = "WebAuthnClientMismatchException"
        case webAuthnOriginNotAllowed = "WebAuthnOriginNotAllowedException"
        case webAuthnCredentialNotSupported = "WebAuthnCredentialNotSupportedException"
        case termsExists = "TermsExistsException"
        case managedLoginBrandingExists = "ManagedLoginBrandingExistsException"
    }

    private let code: Code
    /// The message, exactly as Cognito words it.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The `__type` (`NotAuthorizedException`).
    public var type: String { code.rawValue }

    /// The HTTP status Cognito answers with.
    public var statusCode: Int {
        switch code {
        case .internalError: return 500
        default: return 400
        }
    }

    /// The HTTP status (``WireError``).
    public var status: Int { statusCode }

    /// `Content-Type: application/x-amz-json-1.1` (SDKs read the error's type from the body's `__type`).
    public var headers: [(name: String, value: String)] { [("Content-Type", "application/x-amz-json-1.1")] }

    /// `{"__type": …, "message": …}`.
    public var body: [UInt8] {
        Array(JSONValue.object([.init("__type", .string(type)), .init("message", .string(message))]).serialized.utf8)
    }

    /// `Type: message`.
    public var description: String { "\(type): \(message)" }

    static func aliasExists(_ message: String = "An account with the given email already exists.") -> Self { .init(.aliasExists, message) }
    static func codeMismatch(_ message: String = "Invalid verification code provided, please try again.") -> Self { .init(.codeMismatch, message) }
    static func expiredCode(_ message: String = "Invalid code provided, please request a code again.") -> Self { .init(.expiredCode, message) }
    static func internalError(_ message: String) -> Self { .init(.internalError, message) }
    static func invalidParameter(_ message: String) -> Self { .init(.invalidParameter, message) }
    static func invalidPassword(_ message: String) -> Self { .init(.invalidPassword, message) }
    static func notAuthorized(_ message: String) -> Self { .init(.notAuthorized, message) }
    static func passwordResetRequired() -> Self { .init(.passwordResetRequired, "Password reset required for the user") }
    static func resourceNotFound(_ message: String) -> Self { .init(.resourceNotFound, message) }
    static func serialization(_ message: String) -> Self { .init(.serialization, message) }
    static func unknownOperation(_ message: String) -> Self { .init(.unknownOperation, message) }
    static func unsupportedOperation(_ message: String) -> Self { .init(.unsupportedOperation, message) }
    static func unsupportedTokenType(_ message: String) -> Self { .init(.unsupportedTokenType, message) }
    static func userNotConfirmed() -> Self { .init(.userNotConfirmed, "User is not confirmed.") }
    static func userNotFound(_ message: String = "User does not exist.") -> Self { .init(.userNotFound, message) }
    static func usernameExists(_ message: String) -> Self { .init(.usernameExists, message) }
    static func limitExceeded(_ message: String) -> Self { .init(.limitExceeded, message) }
    static func groupExists(_ message: String) -> Self { .init(.groupExists, message) }
    static func enableSoftwareTokenMFA(_ message: String) -> Self { .init(.enableSoftwareTokenMFA, message) }
    static func userLambdaValidation(_ message: String) -> Self { .init(.userLambdaValidation, message) }
    static func unexpectedLambda(_ message: String) -> Self { .init(.unexpectedLambda, message) }
    static func invalidLambdaResponse(_ message: String) -> Self { .init(.invalidLambdaResponse, message) }
    static func duplicateProvider(_ message: String) -> Self { .init(.duplicateProvider, message) }
    static func userPoolAddOnNotEnabled(_ message: String) -> Self { .init(.userPoolAddOnNotEnabled, message) }
    static func preconditionNotMet(_ message: String) -> Self { .init(.preconditionNotMet, message) }
    static func webAuthnNotEnabled(_ message: String) -> Self { .init(.webAuthnNotEnabled, message) }
    static func webAuthnConfigurationMissing(_ message: String) -> Self { .init(.webAuthnConfigurationMissing, message) }
    static func webAuthnChallengeNotFound(_ message: String) -> Self { .init(.webAuthnChallengeNotFound, message) }
    static func webAuthnRelyingPartyMismatch(_ message: String) -> Self { .init(.webAuthnRelyingPartyMismatch, message) }
    static func webAuthnClientMismatch(_ message: String) -> Self { .init(.webAuthnClientMismatch, message) }
    static func webAuthnOriginNotAllowed(_ message: String) -> Self { .init(.webAuthnOriginNotAllowed, message) }
    static func webAuthnCredentialNotSupported(_ message: String) -> Self { .init(.webAuthnCredentialNotSupported, message) }
    static func termsExists(_ message: String) -> Self { .init(.termsExists, message) }
    static func managedLoginBrandingExists(_ message: String) -> Self { .init(.managedLoginBrandingExists, message) }

    /// An IAM denial, as AWS words it for a Lambda function's role.
    public static func accessDenied(_ message: String) -> Self { .init(.accessDenied, message) }
    /// A SigV4 signature that does not match, or is outside its window.
    package static func invalidSignature(_ message: String) -> Self { .init(.invalidSignature, message) }
    /// A SigV4 signature with parts missing.
    package static func incompleteSignature(_ message: String) -> Self { .init(.incompleteSignature, message) }
    /// A session token that does not belong to its access key.
    package static func unrecognizedClient(_ message: String = "The security token included in the request is invalid.") -> Self {
        .init(.unrecognizedClient, message)
    }

    static let incorrectCredentials = notAuthorized("Incorrect username or password.")
    static let invalidAccessToken = notAuthorized("Invalid Access Token")
    static let revokedAccessToken = notAuthorized("Access Token has been revoked")
    static let expiredAccessToken = notAuthorized("Access Token has expired")
    static let userDisabled = notAuthorized("User is disabled.")

    /// `1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null`.
    static func missing(_ member: String) -> Self {
        invalidParameter(
            "1 validation error detected: Value null at '\(member.prefix(1).lowercased() + member.dropFirst())' failed to satisfy constraint: Member must not be null"
        )
    }
}
