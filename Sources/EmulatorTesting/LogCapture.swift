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

    /// The lines kept, and the same lines by request ID (a request's lines are read once per request).
    private struct Lines {
        var all: [Line] = []
        var byRequest: [String: [Line]] = [:]
    }

    /// How many lines are kept: a long-lived test emulator keeps its latest lines, not all of them.
    static let capacity = 100_000
    private let lines = NIOLockedValueBox(Lines())

    /// An empty capture.
    public init() {}

    /// A logger writing into this capture.
    public func logger(label: String = "emulate.test") -> Logger {
        Logger(label: label) { _ in Handler(capture: self) }
    }

    /// Every line kept (the latest 100,000), or those of one request.
    public func lines(requestID: String? = nil) -> [Line] {
        lines.withLockedValue { lines in requestID.map { lines.byRequest[$0] ?? [] } ?? lines.all }
    }

    func append(_ line: Line) {
        lines.withLockedValue { lines in
            lines.all.append(line)
            if let id = line.requestID { lines.byRequest[id, default: []].append(line) }
            guard lines.all.count > Self.capacity else { return }
            // Drop the older half at once, so each line costs O(1) on average.
            lines.all.removeFirst(Self.capacity / 2)
            lines.byRequest = Dictionary(grouping: lines.all.filter { $0.requestID != nil }) { $0.requestID ?? "" }
        }
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
