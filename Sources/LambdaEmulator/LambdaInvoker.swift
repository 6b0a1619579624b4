public import EmulatorCore
import EmulatorCrypto
import Foundation
public import Logging
import NIOConcurrencyHelpers

/// Why an invocation did not produce a result. A struct over a private code, so new kinds are not
/// breaking; match on ``kind`` (`failure.kind == .functionTimeout`).
public struct InvocationFailure: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it was.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable { case handlerError, functionTimeout, callerTimeout, missingHandler }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The handler threw (``InvocationFailure/errorType`` and ``InvocationFailure/errorMessage`` say what).
        public static let handlerError = Kind(.handlerError)
        /// The function ran past its timeout (``InvocationFailure/seconds``).
        public static let functionTimeout = Kind(.functionTimeout)
        /// The caller stopped waiting (API Gateway's integration timeout, ``InvocationFailure/seconds``).
        public static let callerTimeout = Kind(.callerTimeout)
        /// Nothing can run the function's handler (``InvocationFailure/errorMessage`` is the handler string).
        public static let missingHandler = Kind(.missingHandler)

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

    init(_ kind: Kind, requestID: String, errorType: String? = nil, errorMessage: String? = nil, seconds: Double? = nil) {
        self.kind = kind
        self.requestID = requestID
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.seconds = seconds
    }

    static func handlerError(_ error: any Error, requestID: String) -> Self {
        Self(.handlerError, requestID: requestID, errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
    }

    /// A one-line description, as Lambda would log it.
    public var description: String {
        let seconds = String(format: "%.2f", self.seconds ?? 0)
        switch kind {
        case .handlerError: return "\(requestID) Invoke Error {\"errorType\":\"\(errorType ?? "")\",\"errorMessage\":\"\(errorMessage ?? "")\"}"
        case .functionTimeout: return "\(requestID) Task timed out after \(seconds) seconds"
        case .callerTimeout: return "\(requestID) the caller stopped waiting after \(seconds) seconds"
        default: return "\(requestID) no Swift handler is registered for '\(errorMessage ?? "")'"
        }
    }
}

/// Invokes functions: one request ID per invocation, the function's timeout enforced, errors captured
/// and logged with the request ID. A handler that never returns does not hold up the caller or others.
public struct LambdaInvoker: Sendable {
    let clock: any TimeSource
    let logger: Logger

    /// An invoker logging to `logger`.
    /// - Parameters:
    ///   - clock: The emulator's clock: the deadline a handler sees is its time plus the function's timeout.
    ///   - logger: Where invocation failures are logged.
    public init(clock: any TimeSource = EmulatorClock(), logger: Logger) {
        self.clock = clock
        self.logger = logger
    }

    /// Invokes `function` with a Swift event.
    /// - Parameters:
    ///   - function: The function.
    ///   - event: The event (handed over as a Swift value when the handler takes its type).
    ///   - requestID: The request ID (a new UUID when nil).
    ///   - callerTimeout: How long the caller waits, when shorter than the function's timeout matters (API Gateway's 29 s).
    /// - Returns: The handler's result, or why there is none.
    public func invoke(
        _ function: LambdaFunction,
        event: any Sendable,
        requestID: String? = nil,
        callerTimeout: Double? = nil
    ) async -> Result<any Sendable, InvocationFailure> {
        let requestID = requestID ?? SecureRandom.uuidString()
        guard let handler = function.handler else {
            return .failure(InvocationFailure(.missingHandler, requestID: requestID, errorMessage: function.handlerName))
        }
        let context = makeContext(function, requestID: requestID)
        let limit = min(function.timeout, callerTimeout ?? .infinity)
        let outcome = await Self.race(seconds: limit) { try await handler.invoke(event, context: context) }
        switch outcome {
        case .finished(.success(let value)):
            return .success(value)
        case .finished(.failure(let error)):
            let failure = InvocationFailure.handlerError(error, requestID: requestID)
            context.logger.error("\(failure.description)")
            return .failure(failure)
        case .timedOut:
            let kind: InvocationFailure.Kind = function.timeout <= limit ? .functionTimeout : .callerTimeout
            let failure = InvocationFailure(kind, requestID: requestID, seconds: min(function.timeout, limit))
            context.logger.error("\(failure.description)")
            return .failure(failure)
        }
    }

    /// Invokes `function` with a JSON event and returns the JSON result (for `emulate invoke`).
    public func invoke(_ function: LambdaFunction, json: [UInt8], requestID: String? = nil) async -> Result<[UInt8], InvocationFailure> {
        let requestID = requestID ?? SecureRandom.uuidString()
        guard let handler = function.handler else {
            return .failure(InvocationFailure(.missingHandler, requestID: requestID, errorMessage: function.handlerName))
        }
        let context = makeContext(function, requestID: requestID)
        switch await Self.race(seconds: function.timeout, { try await handler.invoke(json: json, context: context) }) {
        case .finished(.success(let bytes)): return .success(bytes)
        case .finished(.failure(let error)):
            let failure = InvocationFailure.handlerError(error, requestID: requestID)
            context.logger.error("\(failure.description)")
            return .failure(failure)
        case .timedOut:
            let failure = InvocationFailure(.functionTimeout, requestID: requestID, seconds: function.timeout)
            context.logger.error("\(failure.description)")
            return .failure(failure)
        }
    }

    private func makeContext(_ function: LambdaFunction, requestID: String) -> LambdaContext {
        var logger = self.logger
        logger[metadataKey: "emulate.request.id"] = "\(requestID)"
        logger[metadataKey: "lambda.function"] = "\(function.key)"
        return LambdaContext(
            requestID: requestID,
            functionName: function.name,
            invokedFunctionARN: function.arn,
            memoryLimitInMB: function.memorySize,
            deadline: Date(timeIntervalSince1970: clock.now + function.timeout),
            logger: logger,
            environment: function.environment,
            aws: AWSClients(cognito: function.cognito),
            clock: clock
        )
    }

    enum RaceOutcome<Value: Sendable>: Sendable {
        case finished(Result<Value, any Error>)
        case timedOut
    }

    /// Runs `operation` in its own task and answers with its result or, after `seconds`, with a
    /// timeout (cancelling the task; a handler that ignores cancellation runs on, unobserved).
    static func race<Value: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> Value) async -> RaceOutcome<Value> {
        let once = Once<RaceOutcome<Value>>()
        return await withCheckedContinuation { continuation in
            once.setContinuation(continuation)
            let work = Task {
                do {
                    once.resume(with: .finished(.success(try await operation())))
                } catch {
                    once.resume(with: .finished(.failure(error)))
                }
            }
            guard seconds.isFinite else { return }
            let deadline = Deadlines.shared.add(after: seconds) {
                if once.resume(with: .timedOut) { work.cancel() }
            }
            once.onFinish { Deadlines.shared.remove(deadline) }
        }
    }
}

/// Resumes a continuation exactly once, whichever side gets there first.
private final class Once<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, Never>?
        var pending: Value?
        var done = false
        var onFinish: (@Sendable () -> Void)?
    }
    private let state = NIOLockedValueBox(State())

    func setContinuation(_ continuation: CheckedContinuation<Value, Never>) {
        state.withLockedValue { $0.continuation = continuation }
    }

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLockedValue { state -> Bool in
            if state.done { return true }
            state.onFinish = action
            return false
        }
        if runNow { action() }
    }

    @discardableResult
    func resume(with value: Value) -> Bool {
        let (continuation, finish) = state.withLockedValue { state -> (CheckedContinuation<Value, Never>?, (@Sendable () -> Void)?) in
            guard !state.done else { return (nil, nil) }
            state.done = true
            let continuation = state.continuation
            state.continuation = nil
            return (continuation, state.onFinish)
        }
        guard let continuation else { return false }
        continuation.resume(returning: value)
        finish?()
        return true
    }
}
