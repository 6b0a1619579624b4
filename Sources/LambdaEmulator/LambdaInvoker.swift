import EmulatorCrypto
import Foundation
public import Logging
import Synchronization

/// Why an invocation did not produce a result.
public struct InvocationFailure: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it was.
    public enum Kind: Sendable, Equatable {
        /// The handler threw.
        case handlerError(type: String, message: String)
        /// The function ran past its timeout.
        case functionTimeout(seconds: Double)
        /// The caller stopped waiting (API Gateway's integration timeout).
        case callerTimeout(seconds: Double)
        /// No Swift handler is registered for the function.
        case missingHandler(String)
    }

    /// The kind.
    public let kind: Kind
    /// The invocation's request ID.
    public let requestID: String

    /// A one-line description, as Lambda would log it.
    public var description: String {
        switch kind {
        case .handlerError(let type, let message): return "\(requestID) Invoke Error {\"errorType\":\"\(type)\",\"errorMessage\":\"\(message)\"}"
        case .functionTimeout(let seconds): return "\(requestID) Task timed out after \(String(format: "%.2f", seconds)) seconds"
        case .callerTimeout(let seconds): return "\(requestID) the caller stopped waiting after \(String(format: "%.2f", seconds)) seconds"
        case .missingHandler(let name): return "\(requestID) no Swift handler is registered for '\(name)'"
        }
    }
}

/// Invokes functions: one request ID per invocation, the function's timeout enforced, errors captured
/// and logged with the request ID. A handler that never returns does not hold up the caller or others.
public struct LambdaInvoker: Sendable {
    let logger: Logger

    /// An invoker logging to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Invokes `function` with a Swift event.
    /// - Parameters:
    ///   - function: The function.
    ///   - event: The event (handed over as a Swift value when the handler takes its type).
    ///   - requestID: The request ID (a new UUID when nil).
    ///   - callerTimeout: How long the caller waits, when shorter than the function's timeout matters (API Gateway's 29 s).
    /// - Returns: The handler's result, or why there is none.
    public func invoke(_ function: LambdaFunction, event: any Sendable, requestID: String? = nil,
                       callerTimeout: Double? = nil) async -> Result<any Sendable, InvocationFailure> {
        let requestID = requestID ?? SecureRandom.uuidString()
        guard let handler = function.handler else {
            return .failure(InvocationFailure(kind: .missingHandler(function.handlerName), requestID: requestID))
        }
        let context = makeContext(function, requestID: requestID)
        let limit = min(function.timeout, callerTimeout ?? .infinity)
        let outcome = await Self.race(seconds: limit) { try await handler.invoke(event, context: context) }
        switch outcome {
        case .finished(.success(let value)):
            return .success(value)
        case .finished(.failure(let error)):
            let failure = InvocationFailure(kind: .handlerError(type: String(describing: type(of: error)), message: String(describing: error)), requestID: requestID)
            context.logger.error("\(failure.description)")
            return .failure(failure)
        case .timedOut:
            let kind: InvocationFailure.Kind = function.timeout <= limit ? .functionTimeout(seconds: function.timeout) : .callerTimeout(seconds: limit)
            let failure = InvocationFailure(kind: kind, requestID: requestID)
            context.logger.error("\(failure.description)")
            return .failure(failure)
        }
    }

    /// Invokes `function` with a JSON event and returns the JSON result (for `emulate invoke`).
    public func invoke(_ function: LambdaFunction, json: [UInt8], requestID: String? = nil) async -> Result<[UInt8], InvocationFailure> {
        let requestID = requestID ?? SecureRandom.uuidString()
        guard let handler = function.handler else {
            return .failure(InvocationFailure(kind: .missingHandler(function.handlerName), requestID: requestID))
        }
        let context = makeContext(function, requestID: requestID)
        switch await Self.race(seconds: function.timeout, { try await handler.invoke(json: json, context: context) }) {
        case .finished(.success(let bytes)): return .success(bytes)
        case .finished(.failure(let error)):
            let failure = InvocationFailure(kind: .handlerError(type: String(describing: type(of: error)), message: String(describing: error)), requestID: requestID)
            context.logger.error("\(failure.description)")
            return .failure(failure)
        case .timedOut:
            let failure = InvocationFailure(kind: .functionTimeout(seconds: function.timeout), requestID: requestID)
            context.logger.error("\(failure.description)")
            return .failure(failure)
        }
    }

    private func makeContext(_ function: LambdaFunction, requestID: String) -> LambdaContext {
        var logger = self.logger
        logger[metadataKey: "emulate.request.id"] = "\(requestID)"
        logger[metadataKey: "lambda.function"] = "\(function.key)"
        return LambdaContext(
            requestID: requestID, functionName: function.name, invokedFunctionARN: function.arn, memoryLimitInMB: function.memorySize,
            deadline: Date(timeIntervalSinceNow: function.timeout), logger: logger, environment: function.environment,
            aws: AWSClients(cognito: function.cognito))
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
    private let state = Mutex(State())

    func setContinuation(_ continuation: CheckedContinuation<Value, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.onFinish = action
            return false
        }
        if runNow { action() }
    }

    @discardableResult
    func resume(with value: Value) -> Bool {
        let (continuation, finish) = state.withLock { state -> (CheckedContinuation<Value, Never>?, (@Sendable () -> Void)?) in
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
