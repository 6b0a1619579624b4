/// Loading a configuration failed: the diagnostics say why (warnings found on the way included).
public struct ConfigLoadError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic of the load, errors and warnings, in the order they were found.
    public let diagnostics: [Diagnostic]

    /// Creates the error.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The errors alone.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Each diagnostic rendered with its source line and caret, one after another.
    public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
