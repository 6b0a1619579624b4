import NIOConcurrencyHelpers

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where every part of the emulator reads the time: token and code expiry, event times
/// (`requestTime`, `requestTimeEpoch`), Lambda deadlines, authorizer caches and latency.
///
/// One ``EmulatorClock`` is shared by every service of an emulator, so `POST /_emulate/clock`
/// moves all of them at once; tests may pass their own source.
public protocol TimeSource: Sendable {
    /// Seconds since 1970.
    var now: Double { get }
}

/// The emulator's clock: the wall clock plus an offset that tests move forward to expire tokens
/// and codes (`POST /_emulate/clock`).
public final class EmulatorClock: TimeSource {
    private let offset = NIOLockedValueBox<Double>(0)

    /// A clock at the current time.
    public init() {}

    /// Seconds since 1970, offset included.
    public var now: Double { Date().timeIntervalSince1970 + offset.withLockedValue { $0 } }

    /// Moves the clock forward (or back, with a negative value).
    public func advance(seconds: Double) {
        offset.withLockedValue { $0 += seconds }
    }

    /// How far the clock has been moved, in seconds.
    public var offsetSeconds: Double { offset.withLockedValue { $0 } }
}
