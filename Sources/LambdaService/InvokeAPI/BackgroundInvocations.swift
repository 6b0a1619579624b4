import NIOConcurrencyHelpers

/// An answer other than the function: it is unknown, say.
struct Refusal: Error {
    let answer: LambdaInvokeAPI.Answer
}

/// `Event` invocations running in the background; shutdown waits for them, so an invocation Lambda
/// acknowledged with 202 is not dropped.
public final class BackgroundInvocations: Sendable {
    private let running = NIOLockedValueBox<[UInt64: Task<Void, Never>]>([:])
    private let counter = NIOLockedValueBox<UInt64>(0)

    /// None yet.
    public init() {}

    func run(_ body: @escaping @Sendable () async -> Void) {
        let id = counter.withLockedValue { value -> UInt64 in
            value += 1
            return value
        }
        // Inserted under the lock the task's own removal takes, so it cannot be removed before it is added.
        running.withLockedValue { running in
            running[id] = Task {
                await body()
                _ = self.running.withLockedValue { $0.removeValue(forKey: id) }
            }
        }
    }

    /// Waits for every invocation still running.
    public func drain() async {
        for task in running.withLockedValue({ Array($0.values) }) { await task.value }
    }
}
