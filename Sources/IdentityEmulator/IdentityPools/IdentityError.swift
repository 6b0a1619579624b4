public import EmulatorCore

/// An error of the `cognito-identity` API, rendered as AWS JSON 1.1 renders it (`{"__type", "message"}`),
/// with AWS's status codes.
public struct IdentityError: WireError, Equatable {
    /// The exception name (`ResourceNotFoundException`).
    public let type: String
    /// AWS's message.
    public let message: String
    /// The HTTP status.
    public let status: Int

    init(_ type: String, _ message: String, status: Int = 400) {
        self.type = type
        self.message = message
        self.status = status
    }

    /// The headers.
    public var headers: [(name: String, value: String)] {
        [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-ErrorType", type + ":")]
    }

    /// The body.
    public var body: [UInt8] {
        Array(JSONValue.object([.init("__type", .string(type)), .init("message", .string(message))]).serialized.utf8)
    }

    static func notFound(_ message: String) -> Self { .init("ResourceNotFoundException", message) }
    static func poolNotFound(_ id: String) -> Self { .notFound("IdentityPool '\(id)' not found.") }
    static func identityNotFound(_ id: String) -> Self { .notFound("Identity '\(id)' not found.") }
    static func notAuthorized(_ message: String) -> Self { .init("NotAuthorizedException", message) }
    static func invalidParameter(_ message: String) -> Self { .init("InvalidParameterException", message) }
    static func invalidConfiguration(_ message: String = "Invalid identity pool configuration. Check assigned IAM roles for this pool.") -> Self {
        .init("InvalidIdentityPoolConfigurationException", message)
    }
    static func conflict(_ message: String) -> Self { .init("ResourceConflictException", message) }
    static func developerUserAlreadyRegistered(_ message: String) -> Self { .init("DeveloperUserAlreadyRegisteredException", message) }
    static func accessDenied(_ message: String) -> Self { .init("AccessDeniedException", message) }
    static func internalError(_ message: String) -> Self { .init("InternalErrorException", message, status: 500) }
    static func unknownOperation(_ target: String) -> Self { .init("UnknownOperationException", "Unknown operation \(target)") }
    static func serialization(_ message: String) -> Self { .init("SerializationException", message) }
    /// AWS's validation text for a missing member.
    static func missing(_ member: String) -> Self {
        .invalidParameter(
            "1 validation error detected: Value null at '\(member.prefix(1).lowercased() + member.dropFirst())' failed to satisfy constraint: Member must not be null"
        )
    }
}
