import EmulatorCore
import Foundation

/// Why an invocation did not produce a result. A struct over a private code, so new kinds are not
/// breaking; match on ``kind`` (`failure.kind == .functionTimeout`).
public struct InvocationFailure: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it was.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable { case handlerError, functionTimeout, callerTimeout, missingHandler, throttled }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The handler threw, or its runtime reported an error or died (``InvocationFailure/errorType`` and
        /// ``InvocationFailure/errorMessage`` say what: `Runtime.ExitError`, `Function.ResponseSizeTooLarge`, …).
        public static let handlerError = Kind(.handlerError)
        /// The function ran past its timeout (``InvocationFailure/seconds``).
        public static let functionTimeout = Kind(.functionTimeout)
        /// The caller stopped waiting (API Gateway's integration timeout, ``InvocationFailure/seconds``).
        public static let callerTimeout = Kind(.callerTimeout)
        /// Nothing can run the function's handler (``InvocationFailure/errorMessage`` is the handler string).
        public static let missingHandler = Kind(.missingHandler)
        /// Every process the function may run is busy (its reserved concurrency, or the default of 10).
        public static let throttled = Kind(.throttled)

        /// The kind's name.
        public var description: String { code.rawValue }
    }

    /// The kind.
    public let kind: Kind
    /// The invocation's request ID.
    public let requestID: String
    /// The error's type, for ``Kind/handlerError``.
    public let errorType: String?
    /// The error's message (``Kind/handlerError``), or the handler string (``Kind/missingHandler``).
    public let errorMessage: String?
    /// How long was waited, for the timeouts.
    public let seconds: Double?
    /// The error document the function's runtime posted (`{"errorMessage","errorType","stackTrace"}`), as it sent it.
    public let document: [UInt8]?

    package init(
        _ kind: Kind,
        requestID: String,
        errorType: String? = nil,
        errorMessage: String? = nil,
        seconds: Double? = nil,
        document: [UInt8]? = nil
    ) {
        self.kind = kind
        self.requestID = requestID
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.seconds = seconds
        self.document = document
    }

    static func handlerError(_ error: any Error, requestID: String) -> Self {
        Self(.handlerError, requestID: requestID, errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
    }

    /// Lambda's text for a timeout: `Task timed out after 3.00 seconds`.
    package static func timeoutMessage(_ seconds: Double) -> String {
        "Task timed out after \(String(format: "%.2f", seconds)) seconds"
    }

    /// The payload of the failed invocation, as Lambda answers it (`{"errorMessage","errorType"}`, or
    /// the document the runtime posted).
    public var payload: [UInt8] {
        if let document { return document }
        let type: String
        let message: String
        switch kind {
        case .functionTimeout:
            type = "Sandbox.Timedout"
            message = "RequestId: \(requestID) Error: \(Self.timeoutMessage(seconds ?? 0))"
        case .missingHandler:
            type = "Runtime.InvalidEntrypoint"
            message = "RequestId: \(requestID) Error: no Swift handler is registered for '\(errorMessage ?? "")'"
        default:
            type = errorType ?? "Unhandled"
            message = errorMessage ?? ""
        }
        return Array(JSONValue.object([.init("errorMessage", .string(message)), .init("errorType", .string(type))]).serialized.utf8)
    }

    /// A one-line description, as Lambda would log it.
    public var description: String {
        switch kind {
        case .handlerError:
            return "\(requestID) Invoke Error {\"errorType\":\"\(errorType ?? "")\",\"errorMessage\":\"\(errorMessage ?? "")\"}"
        case .functionTimeout: return "\(requestID) \(Self.timeoutMessage(seconds ?? 0))"
        case .callerTimeout: return "\(requestID) the caller stopped waiting after \(String(format: "%.2f", seconds ?? 0)) seconds"
        case .throttled: return "\(requestID) throttled: \(errorMessage ?? "Rate Exceeded.")"
        default: return "\(requestID) no Swift handler is registered for '\(errorMessage ?? "")'"
        }
    }
}
