/// A position in a YAML source: 1-based line and column, and the name of the source it came from.
///
/// libyaml reports 0-based marks; ``YAMLParser`` converts them at the C boundary so that every
/// position the rest of the emulator sees is the one an editor shows.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars as libyaml counts them.
    public var column: Int
    /// The name of the source (usually a file path as the user gave it); empty when unnamed.
    public var source: String

    /// Creates a mark.
    /// - Parameters:
    ///   - line: The 1-based line.
    ///   - column: The 1-based column.
    ///   - source: The source name, for example `serverless.yml`.
    public init(line: Int, column: Int, source: String = "") {
        self.line = line
        self.column = column
        self.source = source
    }

    /// `source:line:column`, or `line:column` when the source has no name.
    public var description: String {
        source.isEmpty ? "\(line):\(column)" : "\(source):\(line):\(column)"
    }

    /// The same position moved `count` columns to the right.
    public func advanced(byColumns count: Int) -> Mark {
        Mark(line: line, column: column + count, source: source)
    }
}
