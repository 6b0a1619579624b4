public import YAML

/// Gathers the diagnostics of one load, in order and without repeats.
public struct DiagnosticCollector: Sendable {
    /// The diagnostics so far.
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    /// Creates an empty collector.
    public init() {}

    /// Whether any error (not only warnings) was collected.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds an error.
    public mutating func error(_ message: String, at mark: Mark) {
        append(Diagnostic(.error, message, at: mark))
    }

    /// Adds a warning.
    /// A warning about the configuration's shape (``Diagnostic/isSchema``).
    mutating func schemaWarning(_ message: String, at mark: Mark) {
        var diagnostic = Diagnostic(.warning, message, at: mark)
        diagnostic.isSchema = true
        append(diagnostic)
    }

    public mutating func warning(_ message: String, at mark: Mark) {
        append(Diagnostic(.warning, message, at: mark))
    }

    /// Adds a diagnostic unless the same one was already added.
    public mutating func append(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }
}
