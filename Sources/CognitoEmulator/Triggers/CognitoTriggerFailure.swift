public import CognitoShapes

/// Why a trigger produced no usable answer. A struct over a private code, so new kinds are not breaking;
/// match on ``kind`` (`failure.kind == .functionError`).
public struct CognitoTriggerFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it was.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable { case functionError, noFunction, invalidResponse }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The function threw, or timed out.
        public static let functionError = Kind(.functionError)
        /// No function has that ARN, or none can run it.
        public static let noFunction = Kind(.noFunction)
        /// The answer was not a trigger event.
        public static let invalidResponse = Kind(.invalidResponse)

        /// The kind's name.
        public var description: String { code.rawValue }
    }

    /// The kind.
    public let kind: Kind
    /// Lambda's error message, the ARN that named no function, or the type of the unusable answer.
    public let message: String

    /// The function threw, or timed out, with Lambda's message.
    public static func functionError(_ message: String) -> Self { Self(kind: .functionError, message: message) }
    /// No function has the ARN.
    public static func noFunction(_ arn: String) -> Self { Self(kind: .noFunction, message: arn) }
    /// The answer (of the type named) was not a trigger event.
    public static func invalidResponse(_ type: String) -> Self { Self(kind: .invalidResponse, message: type) }

    /// `kind: message`.
    public var description: String { "\(kind): \(message)" }
}

/// Runs the function with an ARN on a trigger event (the emulator wires this to its Lambda invoker).
public typealias CognitoTriggerRunner =
    @Sendable (_ functionARN: String, _ event: CognitoTriggerEvent) async -> Result<CognitoTriggerEvent, CognitoTriggerFailure>
