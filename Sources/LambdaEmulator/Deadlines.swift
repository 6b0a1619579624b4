import NIOConcurrencyHelpers

/// The invocations' timeouts, watched by one sweeper instead of a timer task per invocation: the
/// sweeper runs only while some deadline is pending and checks every few milliseconds, so a timeout
/// fires at most one tick late (Lambda's timeouts are whole seconds; API Gateway's is 29 s).
package final class Deadlines: Sendable {
    package static let shared = Deadlines()
    static let tick: Duration = .milliseconds(5)

    private struct Entry {
        var deadline: ContinuousClock.Instant
        var fire: @Sendable () -> Void
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var nextID: UInt64 = 0
        var sweeping = false
    }

    private let state = NIOLockedValueBox(State())

    /// Calls `fire` once `seconds` have passed, unless removed first; answers the entry to remove.
    package func add(after seconds: Double, _ fire: @escaping @Sendable () -> Void) -> UInt64 {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64((seconds * 1000).rounded(.up))))
        let (id, startSweeper) = state.withLockedValue { state -> (UInt64, Bool) in
            state.nextID += 1
            state.entries[state.nextID] = Entry(deadline: deadline, fire: fire)
            defer { state.sweeping = true }
            return (state.nextID, !state.sweeping)
        }
        if startSweeper {
            Task.detached { await self.sweep() }
        }
        return id
    }

    /// Forgets an entry (its invocation finished).
    package func remove(_ id: UInt64) {
        _ = state.withLockedValue { $0.entries.removeValue(forKey: id) }
    }

    private func sweep() async {
        while true {
            try? await Task.sleep(for: Self.tick)
            let now = ContinuousClock.now
            let (due, idle) = state.withLockedValue { state -> ([Entry], Bool) in
                let due = state.entries.filter { $0.value.deadline <= now }
                for id in due.keys { state.entries[id] = nil }
                if state.entries.isEmpty { state.sweeping = false }
                return (Array(due.values), state.entries.isEmpty)
            }
            for entry in due { entry.fire() }
            if idle { return }
        }
    }
}
