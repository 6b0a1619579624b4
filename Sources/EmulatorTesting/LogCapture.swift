public import Logging
import NIOConcurrencyHelpers

/// Collects log lines in memory so a failing expectation can show what the handler logged.
public final class LogCapture: Sendable {
    /// One captured line.
    public struct Line: Sendable {
        /// The level.
        public var level: Logger.Level
        /// The message.
        public var message: String
        /// The request ID it was logged under, if any.
        public var requestID: String?
    }

    private let lines = NIOLockedValueBox<[Line]>([])

    /// An empty capture.
    public init() {}

    /// A logger writing into this capture.
    public func logger(label: String = "emulate.test") -> Logger {
        Logger(label: label) { _ in Handler(capture: self) }
    }

    /// Every line so far, or those of one request.
    public func lines(requestID: String? = nil) -> [Line] {
        lines.withLockedValue { all in requestID.map { id in all.filter { $0.requestID == id } } ?? all }
    }

    func append(_ line: Line) {
        lines.withLockedValue { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
            capture.append(Line(level: event.level, message: event.message.description, requestID: all["emulate.request.id"].map { "\($0)" }))
        }
    }
}
