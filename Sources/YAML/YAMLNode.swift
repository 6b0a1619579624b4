/// One node of a YAML document: a scalar, a sequence or a mapping, with its tag and position.
///
/// Aliases are expanded when the tree is built (Swift's copy-on-write arrays share the storage),
/// and `<<` merge keys are applied, so users of the tree never see either.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar's text, as written (after YAML's quoting and folding rules).
        case scalar(String, ScalarStyle)
        /// A sequence's items in order.
        case sequence([YAMLNode])
        /// A mapping's entries in the order they were written.
        case mapping([Pair])
    }

    /// How a scalar was written in the source.
    public enum ScalarStyle: Sendable, Hashable {
        /// Unquoted: the core schema decides whether it is null, a bool, a number or a string.
        case plain
        /// 'single quoted'
        case singleQuoted
        /// "double quoted"
        case doubleQuoted
        /// `|` block.
        case literal
        /// `>` block.
        case folded
    }

    /// One key–value entry of a mapping.
    public struct Pair: Sendable, Hashable {
        /// The key node (usually a plain scalar).
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode

        /// Creates an entry.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The node's content.
    public var content: Content
    /// The node's explicit tag as libyaml resolved it (`!Ref`, `tag:yaml.org,2002:str`), or nil.
    public var tag: String?
    /// Where the node starts (for a tagged node, where its tag starts).
    public var mark: Mark

    /// Creates a node.
    public init(_ content: Content, tag: String? = nil, mark: Mark) {
        self.content = content
        self.tag = tag
        self.mark = mark
    }

    /// A plain scalar node.
    public static func scalar(_ text: String, style: ScalarStyle = .plain, tag: String? = nil, mark: Mark) -> YAMLNode {
        YAMLNode(.scalar(text, style), tag: tag, mark: mark)
    }
}
