import NIOConcurrencyHelpers

/// Runs a function outside the emulator's process, as Lambda does: over the Runtime API, one
/// invocation per process at a time. The invoker hands it JSON and reads JSON back.
public protocol FunctionProcessRunner: Sendable {
    /// Runs one invocation: `payload` is the event's JSON; the answer is the function's response bytes,
    /// or why there is none (timeouts, crashes, errors the runtime reported, throttling), with what
    /// Lambda's REPORT line says about it.
    func invoke(_ payload: [UInt8], invocation: InvocationRequest) async -> ProcessInvocation

    /// Stops every process it started (SIGTERM, then SIGKILL after a grace period).
    func shutdown() async
}

/// What an out-of-process invocation is given besides its event.
public struct InvocationRequest: Sendable {
    /// The request ID.
    public var requestID: String
    /// `X-Amz-Client-Context`, decoded from base64 (JSON text), when the caller gave one.
    public var clientContext: String?
    /// The Cognito identity, as JSON text (`{"cognitoIdentityId":…,"cognitoIdentityPoolId":…}`), when there is one.
    public var cognitoIdentity: String?
    /// Where the invocation's log lines are collected too, when the caller wants them (`X-Amz-Log-Type: Tail`).
    public var log: InvocationLog?

    /// Creates a request.
    public init(requestID: String, clientContext: String? = nil, cognitoIdentity: String? = nil, log: InvocationLog? = nil) {
        self.requestID = requestID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.log = log
    }
}

/// An out-of-process invocation's outcome and what its REPORT line says.
public struct ProcessInvocation: Sendable {
    /// The response bytes, or the failure.
    public var result: Result<[UInt8], InvocationFailure>
    /// The process's start-up time when this invocation started it (a cold start), in milliseconds.
    public var initDurationMs: Double?
    /// The process that ran it, whose peak resident memory the REPORT line gives (read only when the line is written).
    public var processID: Int32?

    /// Creates an outcome.
    public init(result: Result<[UInt8], InvocationFailure>, initDurationMs: Double? = nil, processID: Int32? = nil) {
        self.result = result
        self.initDurationMs = initDurationMs
        self.processID = processID
    }
}

/// One invocation's log lines, collected for the caller (the Invoke API's log tail).
public final class InvocationLog: Sendable {
    private let text = NIOLockedValueBox<[UInt8]>([])

    /// An empty log.
    public init() {}

    /// Adds a line.
    public func append(_ line: String) {
        text.withLockedValue { text in
            text += Array(line.utf8)
            text.append(UInt8(ascii: "\n"))
            if text.count > 64 * 1024 { text.removeFirst(text.count - 16 * 1024) }
        }
    }

    /// The last `count` bytes.
    public func tail(_ count: Int) -> [UInt8] {
        text.withLockedValue { Array($0.suffix(count)) }
    }
}
