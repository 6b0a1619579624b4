import Logging

/// A log handler that hands every line logged with a request ID (`emulate.request.id`) to the console,
/// as well as to the handler it wraps.
struct ConsoleLogHandler: LogHandler {
    var wrapped: any LogHandler
    let activity: ConsoleActivity

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    func log(event: LogEvent) {
        wrapped.log(event: event)
        let requestID = event.metadata?["emulate.request.id"] ?? wrapped.metadata["emulate.request.id"]
        if let requestID { activity.logged("\(event.level) \(event.message)", requestID: "\(requestID)") }
    }
}
