/// An error found while reading YAML: what went wrong and where.
///
/// A struct over a private code enum, so new kinds of problem can be added without breaking users.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case syntax
        case duplicateKey
        case multipleDocuments
        case aliasExpansionLimit
        case nestingLimit
        case invalidMerge
        case unknownAnchor
    }

    private let code: Code
    /// A one-line explanation of the problem.
    public let message: String
    /// Where the problem is.
    public let mark: Mark

    private init(_ code: Code, _ message: String, at mark: Mark) {
        self.code = code
        self.message = message
        self.mark = mark
    }

    /// The text is not valid YAML (libyaml's scanner, parser or reader rejected it).
    public static func syntax(_ message: String, at mark: Mark) -> YAMLError {
        YAMLError(.syntax, message, at: mark)
    }

    /// A mapping names the same key twice.
    public static func duplicateKey(_ key: String, at mark: Mark, firstAt first: Mark) -> YAMLError {
        YAMLError(.duplicateKey, "duplicate key '\(key)' (first defined at line \(first.line), column \(first.column))", at: mark)
    }

    /// The stream holds more than one document.
    public static func multipleDocuments(at mark: Mark) -> YAMLError {
        YAMLError(.multipleDocuments, "expected a single YAML document, found another document here", at: mark)
    }

    /// Aliases expand the document past the node limit (a "billion laughs" document).
    public static func aliasExpansionLimit(_ limit: Int, at mark: Mark) -> YAMLError {
        YAMLError(.aliasExpansionLimit, "aliases expand this document to more than \(limit) nodes", at: mark)
    }

    /// Collections nest deeper than the limit.
    public static func nestingLimit(_ limit: Int, at mark: Mark) -> YAMLError {
        YAMLError(.nestingLimit, "collections are nested more than \(limit) levels deep", at: mark)
    }

    /// A `<<` merge key whose value is not a mapping or a sequence of mappings.
    public static func invalidMerge(at mark: Mark) -> YAMLError {
        YAMLError(.invalidMerge, "a '<<' merge key takes a mapping or a sequence of mappings", at: mark)
    }

    /// An alias names an anchor that was never defined.
    public static func unknownAnchor(_ name: String, at mark: Mark) -> YAMLError {
        YAMLError(.unknownAnchor, "unknown anchor '\(name)'", at: mark)
    }

    /// `source:line:column: message`.
    public var description: String { "\(mark): \(message)" }
}
