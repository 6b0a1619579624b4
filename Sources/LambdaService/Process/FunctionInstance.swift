import EmulatorCore
import Foundation
import LambdaEmulator
import Logging
import NIOConcurrencyHelpers

/// One execution environment of a function, as Lambda has them: a process and its own Runtime API
/// listener. It takes `capacity` invocations at a time (1, unless the function sets
/// `AWS_LAMBDA_MAX_CONCURRENCY`); invocations handed to it wait in its queue until the runtime asks
/// for one with `next`. When the process ends, every invocation it holds fails with Lambda's
/// `Runtime.ExitError`, and the instance takes no more.
final class FunctionInstance: Sendable {
    /// An invocation handed to this instance.
    struct Assignment: Sendable {
        let request: InvocationRequest
        let payload: [UInt8]
        /// Wall-clock milliseconds since 1970 at which the function times out (`Lambda-Runtime-Deadline-Ms`).
        let deadlineMs: Int64
        let traceID: String
    }

    /// How an invocation ended, as the runtime told it: its answer's bytes, or the failure.
    typealias Completion = Result<[UInt8], InvocationFailure>

    private struct InFlight {
        var assignment: Assignment
        var continuation: CheckedContinuation<Completion, Never>?
        var delivered = false
    }

    private struct State {
        var queue: [String] = []
        var inFlight: [String: InFlight] = [:]
        /// `next` requests waiting for an invocation: each is answered by calling it (nil: the instance is gone).
        var waiters: [@Sendable (Assignment?) -> Void] = []
        var reserved = 0
        var dead = false
        var initDurationMs: Double?
        var coldStartClaimed = false
        var process: ChildProcess?
        /// The IDs answered most recently, to tell a second answer (403) from an unknown ID (400).
        var answered: [String] = []
        /// The log of the invocation answered last: lines that arrive just after its answer are its own.
        var lastLog: InvocationLog?
    }

    let function: FunctionLaunch
    let capacity: Int
    private let started = ContinuousClock.now
    private let state = NIOLockedValueBox(State())

    init(function: FunctionLaunch, capacity: Int) {
        self.function = function
        self.capacity = capacity
    }

    // MARK: The pool's side

    /// Takes one of the instance's places, if it is alive and has one free.
    func reserve() -> Bool {
        state.withLockedValue { state in
            guard !state.dead, state.reserved < capacity else { return false }
            state.reserved += 1
            return true
        }
    }

    /// Gives a place back (its invocation finished).
    func release() {
        state.withLockedValue { $0.reserved -= 1 }
    }

    /// Whether the instance is busy with nothing: alive, with no place taken.
    var isIdle: Bool { state.withLockedValue { !$0.dead && $0.reserved == 0 } }
    var isDead: Bool { state.withLockedValue { $0.dead } }

    /// The process, once started.
    var process: ChildProcess? { state.withLockedValue { $0.process } }

    func attach(_ process: ChildProcess) {
        state.withLockedValue { $0.process = process }
    }

    /// True once for the invocation that started this instance: its REPORT line carries the init duration.
    func claimColdStart() -> Bool {
        state.withLockedValue { state in
            defer { state.coldStartClaimed = true }
            return !state.coldStartClaimed
        }
    }

    /// How long the process took from its start to its first `next`, once known.
    var initDurationMs: Double? { state.withLockedValue { $0.initDurationMs } }

    /// Hands `assignment` to the runtime and waits for its answer.
    func run(_ assignment: Assignment) async -> Completion {
        await withCheckedContinuation { continuation in
            let id = assignment.request.requestID
            let (waiter, deadFailure) = state.withLockedValue { state -> ((@Sendable (Assignment?) -> Void)?, InvocationFailure?) in
                if state.dead { return (nil, exitFailure(id, state.process?.exitStatus)) }
                state.inFlight[id] = InFlight(assignment: assignment, continuation: continuation)
                if !state.waiters.isEmpty {
                    state.inFlight[id]?.delivered = true
                    return (state.waiters.removeFirst(), nil)
                }
                state.queue.append(id)
                return (nil, nil)
            }
            if let deadFailure {
                continuation.resume(returning: .failure(deadFailure))
            } else {
                waiter?(assignment)
            }
        }
    }

    /// Ends the invocation `id` with `completion` (a timeout, say), whatever the runtime does later.
    func complete(_ id: String, _ completion: Completion) {
        let continuation = state.withLockedValue { state -> CheckedContinuation<Completion, Never>? in
            state.queue.removeAll { $0 == id }
            return state.inFlight.removeValue(forKey: id)?.continuation
        }
        continuation?.resume(returning: completion)
    }

    /// The process ended (or is being given up on): every invocation it holds fails, `next` waiters get nothing.
    func died(_ exit: ChildProcess.Exit?, failure: ((String) -> InvocationFailure)? = nil) {
        let (held, waiters) = state.withLockedValue {
            state -> ([(String, CheckedContinuation<Completion, Never>?)], [@Sendable (Assignment?) -> Void]) in
            state.dead = true
            let held = state.inFlight.map { ($0.key, $0.value.continuation) }
            state.inFlight = [:]
            state.queue = []
            defer { state.waiters = [] }
            return (held, state.waiters)
        }
        for waiter in waiters { waiter(nil) }
        for (id, continuation) in held {
            continuation?.resume(returning: .failure(failure?(id) ?? exitFailure(id, exit)))
        }
    }

    private func exitFailure(_ id: String, _ exit: ChildProcess.Exit?) -> InvocationFailure {
        let how = exit.map { "Runtime exited with error: \($0)" } ?? "Runtime exited without providing a reason"
        return InvocationFailure(.handlerError, requestID: id, errorType: "Runtime.ExitError", errorMessage: "RequestId: \(id) Error: \(how)")
    }

    // MARK: The runtime's side (the Runtime API)

    /// `next`: hands the next invocation to `deliver` — at once when one is queued, else when one arrives;
    /// nil once the instance is dead. `deliver` may run on any thread.
    func next(_ deliver: @escaping @Sendable (Assignment?) -> Void) {
        let elapsed = ContinuousClock.now - started
        let ready = state.withLockedValue { state -> (Assignment?, Bool) in
            if state.initDurationMs == nil {
                state.initDurationMs = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            }
            if state.dead { return (nil, true) }
            while !state.queue.isEmpty {
                let id = state.queue.removeFirst()
                guard let entry = state.inFlight[id] else { continue }
                state.inFlight[id]?.delivered = true
                return (entry.assignment, true)
            }
            state.waiters.append(deliver)
            return (nil, false)
        }
        if ready.1 { deliver(ready.0) }
    }

    /// A `next` answer could not be written: the invocation goes back to the front of the queue.
    func redeliver(_ id: String) {
        let waiter = state.withLockedValue { state -> (@Sendable (Assignment?) -> Void, Assignment)? in
            guard let entry = state.inFlight[id] else { return nil }
            if !state.waiters.isEmpty { return (state.waiters.removeFirst(), entry.assignment) }
            state.inFlight[id]?.delivered = false
            state.queue.insert(id, at: 0)
            return nil
        }
        if let (deliver, assignment) = waiter { deliver(assignment) }
    }

    /// A line the process wrote: it joins the log of the invocation it is running (when it runs exactly one).
    func logLine(_ line: String) {
        let log = state.withLockedValue { state -> InvocationLog? in
            let running = state.inFlight.values.filter(\.delivered)
            if running.isEmpty { return state.lastLog }
            return running.count == 1 ? running.first?.assignment.request.log : nil
        }
        log?.append(line)
    }

    /// Whether the runtime answered `id` already.
    func wasAnswered(_ id: String) -> Bool {
        state.withLockedValue { $0.answered.contains(id) }
    }

    /// Whether `id` was handed to the runtime and has not been answered.
    func isOutstanding(_ id: String) -> Bool {
        state.withLockedValue { $0.inFlight[id]?.delivered == true }
    }

    /// The runtime answered `id`; false when `id` is not one it holds (unknown, or already answered).
    func answer(_ id: String, _ completion: Completion) -> Bool {
        let continuation = state.withLockedValue { state -> CheckedContinuation<Completion, Never>?? in
            guard state.inFlight[id]?.delivered == true else { return nil }
            state.lastLog = state.inFlight[id]?.assignment.request.log
            state.answered.append(id)
            if state.answered.count > 64 { state.answered.removeFirst() }
            return .some(state.inFlight.removeValue(forKey: id)?.continuation)
        }
        guard let continuation else { return false }
        continuation?.resume(returning: completion)
        return true
    }
}
