public import YAML

/// A problem found in a configuration: its severity, message and position.
///
/// Rendered as `file:line:col: error: message`, then the source line and a caret under the column.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The configuration cannot be used.
        case error
        /// The configuration works, but something in it is probably a mistake (an unknown key, say).
        case warning
    }

    /// How serious it is.
    public var severity: Severity
    /// A one-line explanation.
    public var message: String
    /// Where it is: file, line and column.
    public var mark: Mark
    /// The text of the line the mark points into, when the file could be read.
    public var sourceLine: String?
    /// Whether it is about the configuration's shape (an unknown key), as the framework's schema
    /// validation is: what `configValidationMode` escalates or silences.
    public var isSchema = false

    /// The diagnostic as an error (for `--strict` and `configValidationMode: error`).
    public var escalated: Diagnostic {
        var error = self
        error.severity = .error
        return error
    }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at mark: Mark, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.mark = mark
        self.sourceLine = sourceLine
    }

    /// `file:line:col: severity: message`.
    public var description: String { "\(mark): \(severity.rawValue): \(message)" }

    /// The one-line description followed by the source line and a caret under the column.
    public var rendered: String {
        guard let sourceLine else { return description }
        let prefix = sourceLine.prefix(max(mark.column - 1, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(description)\n    \(sourceLine)\n    \(prefix)^"
    }
}
