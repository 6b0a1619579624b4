#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// The emulator's clock: the wall clock plus an offset that tests move forward to expire tokens
/// and codes (`POST /_emulate/clock`).
public final class EmulatorClock: Sendable {
    private let offset = Mutex<Double>(0)

    /// A clock at the current time.
    public init() {}

    /// Seconds since 1970, offset included.
    public var now: Double { Date().timeIntervalSince1970 + offset.withLock { $0 } }

    /// Moves the clock forward (or back, with a negative value).
    public func advance(seconds: Double) {
        offset.withLock { $0 += seconds }
    }

    /// How far the clock has been moved, in seconds.
    public var offsetSeconds: Double { offset.withLock { $0 } }
}
