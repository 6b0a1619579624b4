import EmulatorCore
import NIOConcurrencyHelpers

/// Short-lived entries by key, in memory, on the emulator's clock: the pages' codes, browser sessions
/// and pending steps. Expired entries are never answered, and are dropped whenever one is added.
final class ExpiringEntries<Value: Sendable>: Sendable {
    private let entries = NIOLockedValueBox<[String: (value: Value, expires: Double)]>([:])
    private let clock: EmulatorClock

    init(clock: EmulatorClock) {
        self.clock = clock
    }

    /// Keeps `value` under `key` for `lifetime` seconds.
    func insert(_ value: Value, for key: String, lifetime: Double) {
        let now = clock.now
        entries.withLockedValue { entries in
            entries = entries.filter { $0.value.expires > now }
            entries[key] = (value, now + lifetime)
        }
    }

    /// The current value under `key`, taken out (good for one use).
    func take(_ key: String) -> Value? {
        let now = clock.now
        return entries.withLockedValue { $0.removeValue(forKey: key) }.flatMap { $0.expires > now ? $0.value : nil }
    }

    /// The current value under `key`, left in.
    func peek(_ key: String) -> Value? {
        let now = clock.now
        return entries.withLockedValue { $0[key] }.flatMap { $0.expires > now ? $0.value : nil }
    }

    /// Drops `key`.
    func remove(_ key: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: key) }
    }
}
