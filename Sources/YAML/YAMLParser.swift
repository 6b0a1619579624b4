internal import CYAML

/// Reads YAML text into a ``YAMLNode`` tree with libyaml's event API.
///
/// ```swift
/// let root = try YAMLParser().parse(bytes, source: "serverless.yml")
/// ```
///
/// Hostile input is bounded: aliases may not expand the document past ``maxExpandedNodes`` nodes,
/// and collections may not nest deeper than ``maxDepth``; both give a ``YAMLError`` with a position.
public struct YAMLParser: Sendable {
    /// The most nodes a document may hold once its aliases are expanded.
    public var maxExpandedNodes: Int
    /// The deepest nesting of collections allowed.
    public var maxDepth: Int

    /// Creates a parser.
    /// - Parameters:
    ///   - maxExpandedNodes: The alias-expansion limit (default 2,000,000 nodes).
    ///   - maxDepth: The nesting limit (default 256 levels).
    public init(maxExpandedNodes: Int = 2_000_000, maxDepth: Int = 256) {
        self.maxExpandedNodes = maxExpandedNodes
        self.maxDepth = maxDepth
    }

    /// Parses one YAML document.
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - source: The name put on every node's ``Mark`` (usually the file path).
    /// - Returns: The document's root node, or nil when the stream has no document (empty input).
    /// - Throws: ``YAMLError`` for a syntax error, a second document, a duplicate key, or a limit.
    public func parse(_ text: String, source: String = "") throws(YAMLError) -> YAMLNode? {
        try parse(bytes: Array(text.utf8), source: source)
    }

    /// Parses one YAML document from raw bytes (UTF-8, or UTF-16 with a byte order mark).
    /// - Parameters:
    ///   - bytes: The encoded YAML.
    ///   - source: The name put on every node's ``Mark``.
    /// - Returns: The document's root node, or nil when the stream has no document.
    /// - Throws: ``YAMLError``, also for bytes that are not valid in their encoding.
    public func parse(bytes: [UInt8], source: String = "") throws(YAMLError) -> YAMLNode? {
        let parser = LibYAMLParser(bytes: bytes)
        var builder = DocumentBuilder(source: source, maxExpandedNodes: maxExpandedNodes, maxDepth: maxDepth)
        var documents = 0
        while true {
            let event = try parser.next(source: source)
            defer { event.release() }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return builder.root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw .multipleDocuments(at: event.mark(source)) }
            case YAML_ALIAS_EVENT:
                try builder.alias(Self.string(event.raw.data.alias.anchor) ?? "", at: event.mark(source))
            case YAML_SCALAR_EVENT:
                let scalar = event.raw.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                try builder.scalar(
                    text,
                    style: Self.style(scalar.style),
                    tag: Self.string(scalar.tag),
                    anchor: Self.string(scalar.anchor),
                    at: event.mark(source)
                )
            case YAML_SEQUENCE_START_EVENT:
                let start = event.raw.data.sequence_start
                try builder.beginSequence(tag: Self.string(start.tag), anchor: Self.string(start.anchor), at: event.mark(source))
            case YAML_MAPPING_START_EVENT:
                let start = event.raw.data.mapping_start
                try builder.beginMapping(tag: Self.string(start.tag), anchor: Self.string(start.anchor), at: event.mark(source))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.endCollection()
            default:
                break
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return pointer.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

/// Owns a libyaml parser and the input buffer it reads; both are freed in `deinit`.
private final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(bytes: [UInt8]) {
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or the parser's error as a ``YAMLError``.
    func next(source: String) throws(YAMLError) -> Event {
        let event = Event()
        guard yaml_parser_parse(parser, event.pointer) == 1 else {
            event.discard()
            throw error(source: source)
        }
        return event
    }

    private func error(source: String) -> YAMLError {
        let state = parser.pointee
        var message = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        let mark: Mark
        if state.error == YAML_READER_ERROR {
            // Reader errors (bad encoding, control characters) carry a byte offset, not a mark.
            mark = Self.mark(ofByteOffset: Int(state.problem_offset), in: input, source: source)
            if state.problem_value != -1 { message += " (byte 0x\(String(state.problem_value, radix: 16)))" }
            message += "; the file must be UTF-8 (or UTF-16 with a byte order mark)"
        } else {
            mark = Mark(line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1, source: source)
            let index = Int(state.problem_mark.index)
            if index < input.count, input[index] == UInt8(ascii: "\t") {
                message += " (a tab character; YAML indentation must use spaces)"
            }
            if let context = state.context.map({ String(cString: $0) }) {
                message += " (\(context) started at line \(state.context_mark.line + 1), column \(state.context_mark.column + 1))"
            }
        }
        return .syntax(message, at: mark)
    }

    private static func mark(ofByteOffset offset: Int, in bytes: UnsafeMutableBufferPointer<UInt8>, source: String) -> Mark {
        var line = 1
        var column = 1
        for byte in bytes.prefix(min(offset, bytes.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Mark(line: line, column: column, source: source)
    }
}

/// Owns one `yaml_event_t`; ``release()`` frees what libyaml allocated for it.
private final class Event {
    let pointer: UnsafeMutablePointer<yaml_event_t> = .allocate(capacity: 1)
    private var needsDelete = true

    var raw: yaml_event_t { pointer.pointee }
    var type: yaml_event_type_t { pointer.pointee.type }

    func mark(_ source: String) -> Mark {
        Mark(line: Int(raw.start_mark.line) + 1, column: Int(raw.start_mark.column) + 1, source: source)
    }

    /// Marks the event as never filled in (the parse call failed), so there is nothing to delete.
    func discard() { needsDelete = false }

    func release() {
        if needsDelete { yaml_event_delete(pointer) }
        needsDelete = false
    }

    deinit {
        release()
        pointer.deallocate()
    }
}
