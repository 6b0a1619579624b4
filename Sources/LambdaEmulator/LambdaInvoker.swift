public import EmulatorCore
import EmulatorCrypto
import Foundation
public import Logging
import NIOConcurrencyHelpers

/// Invokes functions: one request ID per invocation, the function's timeout enforced, errors captured
/// and logged with the request ID. A handler that never returns does not hold up the caller or others.
public struct LambdaInvoker: Sendable {
    let clock: any TimeSource
    let logger: Logger
    let observer: (any InvocationObserver)?

    /// An invoker logging to `logger`.
    /// - Parameters:
    ///   - clock: The emulator's clock: the deadline a handler sees is its time plus the function's timeout.
    ///   - logger: Where invocation failures are logged.
    ///   - observer: Told of every invocation when it ends (the local console), if any.
    public init(clock: any TimeSource = EmulatorClock(), logger: Logger, observer: (any InvocationObserver)? = nil) {
        self.clock = clock
        self.logger = logger
        self.observer = observer
    }

    /// Invokes `function` with a Swift event.
    /// - Parameters:
    ///   - function: The function.
    ///   - event: The event (handed over as a Swift value when the handler takes its type; as JSON to a process).
    ///   - requestID: The request ID (a new UUID when nil).
    ///   - callerTimeout: How long the caller waits, when shorter than the function's timeout matters (API Gateway's 29 s).
    /// - Returns: The handler's result (a process's answer as a `JSONValue`, or ``UnparsedPayload`` when it is
    ///   not JSON), or why there is none.
    public func invoke(
        _ function: LambdaFunction,
        event: any Sendable,
        requestID: String? = nil,
        callerTimeout: Double? = nil
    ) async -> Result<any Sendable, InvocationFailure> {
        let requestID = requestID ?? SecureRandom.uuidString()
        guard let observer else { return await perform(function, event: event, requestID: requestID, callerTimeout: callerTimeout) }
        let started = ContinuousClock.now
        let result = await perform(function, event: event, requestID: requestID, callerTimeout: callerTimeout)
        observer.invocationEnded(Self.observed(function, requestID, .value(event), result.map { .value($0) }, since: started))
        return result
    }

    private func perform(
        _ function: LambdaFunction,
        event: any Sendable,
        requestID: String,
        callerTimeout: Double?
    ) async -> Result<any Sendable, InvocationFailure> {
        if function.handler == nil, let process = function.process {
            guard let payload = Self.payload(of: event) else {
                return .failure(
                    InvocationFailure(.handlerError, requestID: requestID, errorType: "Runtime.InvalidEvent", errorMessage: "the event is not JSON")
                )
            }
            let result = await run(process, function, payload: payload, request: InvocationRequest(requestID: requestID), callerTimeout)
            return result.map { bytes in JSONValue.parse(bytes).map { $0 as any Sendable } ?? UnparsedPayload(bytes: bytes) }
        }
        guard let handler = function.handler else {
            return .failure(InvocationFailure(.missingHandler, requestID: requestID, errorMessage: function.handlerName))
        }
        let context = makeContext(function, requestID: requestID)
        let limit = min(function.timeout, callerTimeout ?? .infinity)
        let report = InvocationReport(function: function, requestID: requestID, logger: context.logger)
        let outcome = await Self.race(seconds: limit) { try await handler.invoke(event, context: context) }
        report.finish(initDurationMs: nil, processID: nil)
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

    /// An event as the JSON a process receives: written directly when it can write itself (the proxy
    /// events), else through its `Encodable` form; nil when it is neither.
    static func payload(of event: any Sendable) -> [UInt8]? {
        if let writable = event as? any JSONWritable { return writable.jsonBytes }
        guard let encodable = event as? any Encodable, let bytes = try? JSONEncoder().encode(encodable) else { return nil }
        return Array(bytes)
    }

    /// Invokes `function` with a JSON event and returns the JSON result (for `emulate invoke`).
    public func invoke(_ function: LambdaFunction, json: [UInt8], requestID: String? = nil) async -> Result<[UInt8], InvocationFailure> {
        await invoke(function, json: json, request: InvocationRequest(requestID: requestID ?? SecureRandom.uuidString()))
    }

    /// Invokes `function` with a JSON event and returns its answer's bytes (the Lambda Invoke API, `emulate invoke`).
    public func invoke(_ function: LambdaFunction, json: [UInt8], request: InvocationRequest) async -> Result<[UInt8], InvocationFailure> {
        guard let observer else { return await perform(function, json: json, request: request) }
        let started = ContinuousClock.now
        let result = await perform(function, json: json, request: request)
        observer.invocationEnded(Self.observed(function, request.requestID, .bytes(json), result.map { .bytes($0) }, since: started))
        return result
    }

    private static func observed(
        _ function: LambdaFunction,
        _ requestID: String,
        _ event: ObservedInvocation.Payload,
        _ result: Result<ObservedInvocation.Payload, InvocationFailure>,
        since start: ContinuousClock.Instant
    ) -> ObservedInvocation {
        let elapsed = ContinuousClock.now - start
        return ObservedInvocation(
            requestID: requestID,
            functionKey: function.key,
            event: event,
            result: result,
            milliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
            outOfProcess: function.handler == nil && function.process != nil
        )
    }

    private func perform(_ function: LambdaFunction, json: [UInt8], request: InvocationRequest) async -> Result<[UInt8], InvocationFailure> {
        let requestID = request.requestID
        if function.handler == nil, let process = function.process {
            return await run(process, function, payload: json, request: request, nil)
        }
        guard let handler = function.handler else {
            return .failure(InvocationFailure(.missingHandler, requestID: requestID, errorMessage: function.handlerName))
        }
        let context = makeContext(function, requestID: requestID, log: request.log)
        let report = InvocationReport(function: function, requestID: requestID, logger: context.logger, log: request.log)
        let outcome = await Self.race(seconds: function.timeout, { try await handler.invoke(json: json, context: context) })
        report.finish(initDurationMs: nil, processID: nil)
        switch outcome {
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

    /// Runs an out-of-process invocation: the runner enforces the function's timeout (killing the process);
    /// a caller that waits less stops waiting and the invocation runs on, as on AWS.
    private func run(
        _ process: any FunctionProcessRunner,
        _ function: LambdaFunction,
        payload: [UInt8],
        request: InvocationRequest,
        _ callerTimeout: Double?
    ) async -> Result<[UInt8], InvocationFailure> {
        let logger = invocationLogger(function, requestID: request.requestID)
        let report = InvocationReport(function: function, requestID: request.requestID, logger: logger, log: request.log)
        let limit = (callerTimeout ?? .infinity) < function.timeout ? callerTimeout ?? .infinity : .infinity
        let run = { @Sendable () async -> ProcessInvocation in
            let invocation = await process.invoke(payload, invocation: request)
            report.finish(initDurationMs: invocation.initDurationMs, processID: invocation.processID)
            if case .failure(let failure) = invocation.result { logger.error("\(failure.description)") }
            return invocation
        }
        // The runner enforces the function's timeout itself: a race (a task of its own) is needed only
        // when the caller waits less than that.
        guard limit.isFinite else { return await run().result }
        let outcome = await Self.race(seconds: limit, run)
        switch outcome {
        case .finished(.success(let invocation)):
            return invocation.result
        case .finished(.failure(let error)):
            return .failure(InvocationFailure.handlerError(error, requestID: request.requestID))
        case .timedOut:
            let failure = InvocationFailure(.callerTimeout, requestID: request.requestID, seconds: limit)
            logger.error("\(failure.description)")
            return .failure(failure)
        }
    }

    private func invocationLogger(_ function: LambdaFunction, requestID: String) -> Logger {
        var logger = self.logger
        logger.handler = InvocationLogHandler(
            base: logger.handler,
            metadata: ["emulate.request.id": "\(requestID)", "lambda.function": "\(function.key)"]
        )
        return logger
    }

    private func makeContext(_ function: LambdaFunction, requestID: String, log: InvocationLog? = nil) -> LambdaContext {
        var logger = invocationLogger(function, requestID: requestID)
        if let log {
            logger.handler = ObservingLogHandler(base: logger.handler) { event, _ in
                log.append("\(event.level.rawValue.uppercased())\t\(event.message)")
            }
        }
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
            guard seconds.isFinite, !once.isDone else { return }
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

    /// Whether a value has been handed over.
    var isDone: Bool { state.withLockedValue { $0.done } }

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
