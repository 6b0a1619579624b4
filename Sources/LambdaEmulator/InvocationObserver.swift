import EmulatorCore
import Foundation

/// Whoever watches invocations (the local console): told of each one when it ends, with what it was
/// given and what it answered, kept as values — rendering them is the watcher's cost, when it shows them.
public protocol InvocationObserver: Sendable {
    /// One invocation has ended.
    func invocationEnded(_ invocation: ObservedInvocation)
}

/// One invocation as an observer sees it.
public struct ObservedInvocation: Sendable {
    /// What was passed or answered: a Swift value (an event type, a handler's result) or JSON bytes.
    public enum Payload: Sendable {
        /// A value as the handler took or gave it.
        case value(any Sendable)
        /// Bytes, as a process or the Invoke API passed them.
        case bytes([UInt8])

        /// The payload as text: JSON for values that encode, else a description.
        public var text: String {
            switch self {
            case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .value(let value as JSONValue): return value.serialized
            case .value(let value as any Encodable):
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? String(describing: value)
            case .value(let value): return String(describing: value)
            }
        }
    }

    /// The request ID.
    public var requestID: String
    /// The function's key.
    public var functionKey: String
    /// The event.
    public var event: Payload
    /// The answer, or why there is none.
    public var result: Result<Payload, InvocationFailure>
    /// How long it took, in milliseconds.
    public var milliseconds: Double
    /// Whether it ran out of process.
    public var outOfProcess: Bool

    /// An observed invocation.
    public init(
        requestID: String,
        functionKey: String,
        event: Payload,
        result: Result<Payload, InvocationFailure>,
        milliseconds: Double,
        outOfProcess: Bool
    ) {
        self.requestID = requestID
        self.functionKey = functionKey
        self.event = event
        self.result = result
        self.milliseconds = milliseconds
        self.outOfProcess = outOfProcess
    }
}
