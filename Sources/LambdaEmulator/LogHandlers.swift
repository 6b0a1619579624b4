package import Logging

/// A log handler over another: its level and metadata provider are the base handler's.
package protocol ForwardingLogHandler: LogHandler {
    /// The handler written through to.
    var base: any LogHandler { get set }
}

extension ForwardingLogHandler {
    package var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }
    package var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }
}

/// A log handler that writes through to another and shows each event, with the logger's metadata, to
/// `observe` (an invocation's log keeps a copy; the console files it under its request ID).
package struct ObservingLogHandler: ForwardingLogHandler {
    package var base: any LogHandler
    let observe: @Sendable (LogEvent, Logger.Metadata) -> Void

    package init(base: any LogHandler, observe: @escaping @Sendable (LogEvent, Logger.Metadata) -> Void) {
        self.base = base
        self.observe = observe
    }

    package var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    package func log(event: LogEvent) {
        base.log(event: event)
        observe(event, base.metadata)
    }
}

/// A log handler that adds an invocation's metadata (its request ID and function) to each event as it is
/// logged, over another handler's. Handing a logger to every invocation then changes nothing in the base
/// handler, which may re-render all its metadata on each change (swift-log's `StreamLogHandler` does).
package struct InvocationLogHandler: ForwardingLogHandler {
    package var base: any LogHandler
    /// The invocation's own metadata, shown over the base handler's.
    private var own: Logger.Metadata

    package init(base: any LogHandler, metadata: Logger.Metadata) {
        self.base = base
        self.own = metadata
    }

    package var metadata: Logger.Metadata {
        get { base.metadata.merging(own) { $1 } }
        set {
            own = [:]
            base.metadata = newValue
        }
    }
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { own[key] ?? base[metadataKey: key] }
        set {
            own[key] = newValue
            if newValue == nil, base[metadataKey: key] != nil { base[metadataKey: key] = nil }
        }
    }

    package func log(event: LogEvent) {
        var event = event
        // What the call site passes wins over the handler's, as in swift-log.
        event.metadata = own.merging(event.metadata ?? [:]) { $1 }
        base.log(event: event)
    }
}
