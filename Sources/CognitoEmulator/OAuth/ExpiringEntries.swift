import EmulatorCore
import NIOConcurrencyHelpers

/// Short-lived entries by key, in memory, on the emulator's clock: the pages' codes, browser sessions
/// and pending steps. Expired entries are never answered; they are dropped once the entries have doubled
/// since the last sweep, so an insert costs O(1) on average however many are alive.
final class ExpiringEntries<Value: Sendable>: Sendable {
    private struct Entries {
        var byKey: [String: (value: Value, expires: Double)] = [:]
        /// How many entries the last sweep left (at least `minimumSweep`).
        var sweptTo = ExpiringEntries.minimumSweep
    }

    /// The entries there may be before the first sweep.
    static var minimumSweep: Int { 64 }

    private let entries = NIOLockedValueBox(Entries())
    private let clock: EmulatorClock

    init(clock: EmulatorClock) {
        self.clock = clock
    }

    /// Keeps `value` under `key` for `lifetime` seconds.
    func insert(_ value: Value, for key: String, lifetime: Double) {
        let now = clock.now
        entries.withLockedValue { entries in
            if entries.byKey.count >= 2 * entries.sweptTo {
                entries.byKey = entries.byKey.filter { $0.value.expires > now }
                entries.sweptTo = max(entries.byKey.count, Self.minimumSweep)
            }
            entries.byKey[key] = (value, now + lifetime)
        }
    }

    /// The current value under `key`, taken out (good for one use).
    func take(_ key: String) -> Value? {
        let now = clock.now
        return entries.withLockedValue { $0.byKey.removeValue(forKey: key) }.flatMap { $0.expires > now ? $0.value : nil }
    }

    /// The current value under `key`, left in.
    func peek(_ key: String) -> Value? {
        let now = clock.now
        return entries.withLockedValue { $0.byKey[key] }.flatMap { $0.expires > now ? $0.value : nil }
    }

    /// Drops `key`.
    func remove(_ key: String) {
        _ = entries.withLockedValue { $0.byKey.removeValue(forKey: key) }
    }

    /// How many entries are held, expired ones not swept yet included (for tests).
    var count: Int { entries.withLockedValue { $0.byKey.count } }
}
