public import LambdaEmulator

/// A function the emulator cannot start by itself (``LaunchError/isDeferred``): every invocation fails
/// at once as Lambda's do when the runtime cannot find the function's code (`Runtime.InvalidEntrypoint`),
/// with the reason, and nothing is started.
public struct UnstartableFunction: FunctionProcessRunner {
    /// Why it cannot start, and what would start it.
    public let reason: String

    /// A runner that refuses every invocation with `reason`.
    public init(reason: String) {
        self.reason = reason
    }

    /// Refuses the invocation.
    public func invoke(_ payload: [UInt8], invocation: InvocationRequest) async -> ProcessInvocation {
        ProcessInvocation(
            result: .failure(
                InvocationFailure(.handlerError, requestID: invocation.requestID, errorType: "Runtime.InvalidEntrypoint", errorMessage: reason)
            )
        )
    }

    /// Nothing to stop.
    public func shutdown() async {}
}
