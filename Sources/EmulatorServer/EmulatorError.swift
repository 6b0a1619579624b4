public import ServerlessConfig

/// Why the emulator could not start: configuration diagnostics, or a state or network problem.
public struct EmulatorError: Error, Sendable, CustomStringConvertible {
    /// Diagnostics with positions (configuration and provisioning problems), if any.
    public let diagnostics: [Diagnostic]
    /// A one-line reason when there are no diagnostics.
    public let reason: String?

    init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        self.reason = nil
    }

    init(_ reason: String) {
        self.diagnostics = []
        self.reason = reason
    }

    /// Every diagnostic rendered, or the reason.
    public var description: String {
        reason ?? diagnostics.map(\.rendered).joined(separator: "\n")
    }
}
