import EmulatorCore
import Foundation
import LambdaEmulator
import NIOConcurrencyHelpers
import NIOCore

/// What the local console shows of requests and invocations: a ring buffer of records by request ID,
/// filled by the API listener (the request and its answer), the invoker (each invocation's event and
/// answer) and the log handler (the lines logged with the request ID), and pushed live to every
/// subscriber. Events and answers are kept as values and rendered (and redacted) when shown.
final class ConsoleActivity: InvocationObserver, Sendable {
    /// One request or invocation.
    struct Record: Sendable {
        var sequence: Int
        var requestID: String
        var time: Double
        var method: String?
        var path: String?
        var route: String?
        var status: Int?
        var milliseconds: Double?
        var response: [UInt8]?
        var invocations: [ObservedInvocation] = []
        var logs: [String] = []
    }

    /// The most records kept; the oldest go first.
    let capacity: Int
    private let clock: any TimeSource
    private let state = NIOLockedValueBox(State())
    private static let maximumLogLines = 200

    private struct State {
        var records: [String: Record] = [:]
        /// The request IDs, oldest first (a ring: the oldest leaves in constant time).
        var order = CircularBuffer<String>()
        var sequence = 0
        var subscribers: [Int: AsyncStream<Record>.Continuation] = [:]
        var nextSubscriber = 0
    }

    init(capacity: Int, clock: any TimeSource) {
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    /// An API request has been answered.
    func requestAnswered(requestID: String, method: String, path: String, route: String?, status: Int, milliseconds: Double, response: [UInt8]) {
        update(requestID) { record in
            record.method = method
            record.path = path
            record.route = route
            record.status = status
            record.milliseconds = milliseconds
            record.response = response  // shared, not copied; cut when shown
        }
    }

    func invocationEnded(_ invocation: ObservedInvocation) {
        update(invocation.requestID) { record in
            record.invocations.append(invocation)
            if record.method == nil { record.milliseconds = invocation.milliseconds }
        }
    }

    /// A line logged with a request ID.
    func logged(_ line: String, requestID: String) {
        update(requestID, publish: false) { record in
            if record.logs.count < Self.maximumLogLines { record.logs.append(line) }
        }
    }

    /// Every record kept, oldest first.
    var records: [Record] {
        state.withLockedValue { state in state.order.compactMap { state.records[$0] } }
    }

    /// The record of a request ID.
    func record(_ requestID: String) -> Record? {
        state.withLockedValue { $0.records[requestID] }
    }

    /// Records as they are added or change, until the stream is dropped.
    func subscribe() -> AsyncStream<Record> {
        let (stream, continuation) = AsyncStream.makeStream(of: Record.self, bufferingPolicy: .bufferingNewest(capacity))
        let id = state.withLockedValue { state -> Int in
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = continuation
            return state.nextSubscriber
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Ends every subscriber's stream (at shutdown).
    func finishSubscribers() {
        let subscribers = state.withLockedValue { state -> [AsyncStream<Record>.Continuation] in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }

    /// Changes the record of `requestID` in place (made first if new) and, when `publish` is set and
    /// someone subscribes, pushes a copy of it. Every request and invocation passes here, so nothing is
    /// copied or allocated that nobody will read.
    private func update(_ requestID: String, publish: Bool = true, _ change: (inout Record) -> Void) {
        let now = clock.now
        let pushed = state.withLockedValue { state -> (Record, [AsyncStream<Record>.Continuation])? in
            if state.records[requestID] == nil {
                state.sequence += 1
                state.records[requestID] = Record(sequence: state.sequence, requestID: requestID, time: now)
                state.order.append(requestID)
                if state.order.count > capacity { state.records.removeValue(forKey: state.order.removeFirst()) }
            }
            change(&state.records[requestID]!)
            guard publish, !state.subscribers.isEmpty, let record = state.records[requestID] else { return nil }
            return (record, Array(state.subscribers.values))
        }
        guard let (record, subscribers) = pushed else { return }
        for subscriber in subscribers { subscriber.yield(record) }
    }
}
