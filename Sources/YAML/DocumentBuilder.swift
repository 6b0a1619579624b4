/// Builds the node tree from parser events: expands aliases, applies `<<` merge keys, rejects
/// duplicate keys, and enforces the expansion and depth limits.
struct DocumentBuilder {
    private struct Frame {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        var mark: Mark
        var children: [YAMLNode] = []
        var size = 1
    }

    private let source: String
    private let maxExpandedNodes: Int
    private let maxDepth: Int
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var expandedNodes = 0
    private(set) var root: YAMLNode?

    init(source: String, maxExpandedNodes: Int, maxDepth: Int) {
        self.source = source
        self.maxExpandedNodes = maxExpandedNodes
        self.maxDepth = maxDepth
    }

    mutating func scalar(_ text: String, style: YAMLNode.ScalarStyle, tag: String?, anchor: String?, at mark: Mark) throws(YAMLError) {
        try add(.scalar(text, style: style, tag: tag, mark: mark), size: 1, anchor: anchor, at: mark)
    }

    mutating func alias(_ name: String, at mark: Mark) throws(YAMLError) {
        guard let anchored = anchors[name] else { throw .unknownAnchor(name, at: mark) }
        var node = anchored.node
        if node.scalarText != nil { node.mark = mark }
        try add(node, size: anchored.size, anchor: nil, at: mark)
    }

    mutating func beginSequence(tag: String?, anchor: String?, at mark: Mark) throws(YAMLError) {
        try begin(Frame(isMapping: false, tag: tag, anchor: anchor, mark: mark))
    }

    mutating func beginMapping(tag: String?, anchor: String?, at mark: Mark) throws(YAMLError) {
        try begin(Frame(isMapping: true, tag: tag, anchor: anchor, mark: mark))
    }

    mutating func endCollection() throws(YAMLError) {
        let frame = stack.removeLast()
        let node: YAMLNode
        if frame.isMapping {
            node = YAMLNode(.mapping(try Self.pairs(from: frame.children)), tag: frame.tag, mark: frame.mark)
        } else {
            node = YAMLNode(.sequence(frame.children), tag: frame.tag, mark: frame.mark)
        }
        // The frame's own node was counted when it began; only its size travels up.
        try add(node, size: frame.size, anchor: frame.anchor, at: frame.mark, countSelf: false)
    }

    private mutating func begin(_ frame: Frame) throws(YAMLError) {
        guard stack.count < maxDepth else { throw .nestingLimit(maxDepth, at: frame.mark) }
        try count(1, at: frame.mark)
        stack.append(frame)
    }

    private mutating func count(_ nodes: Int, at mark: Mark) throws(YAMLError) {
        expandedNodes += nodes
        if expandedNodes > maxExpandedNodes { throw .aliasExpansionLimit(maxExpandedNodes, at: mark) }
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, at mark: Mark, countSelf: Bool = true) throws(YAMLError) {
        if countSelf { try count(size, at: mark) }
        if let anchor { anchors[anchor] = (node, size) }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
            stack[stack.count - 1].size += size
        }
    }

    /// Pairs up a mapping's alternating key and value nodes, applying merge keys and rejecting
    /// duplicate explicit keys. Explicit keys win over merged ones; earlier merge sources win over later ones.
    private static func pairs(from children: [YAMLNode]) throws(YAMLError) -> [YAMLNode.Pair] {
        var explicit: [String: Mark] = [:]
        var hasMerge = false
        var index = 0
        while index + 1 < children.count {
            let key = children[index]
            if isMergeKey(key) {
                hasMerge = true
            } else if let text = key.scalarText {
                if let first = explicit[text] { throw .duplicateKey(text, at: key.mark, firstAt: first) }
                explicit[text] = key.mark
            }
            index += 2
        }
        var result: [YAMLNode.Pair] = []
        result.reserveCapacity(children.count / 2)
        var merged: Set<String> = []
        index = 0
        while index + 1 < children.count {
            let key = children[index]
            let value = children[index + 1]
            index += 2
            guard hasMerge, isMergeKey(key) else {
                result.append(.init(key: key, value: value))
                continue
            }
            let sources: [YAMLNode]
            switch value.content {
            case .mapping: sources = [value]
            case .sequence(let items) where items.allSatisfy({ $0.pairs != nil }): sources = items
            default: throw .invalidMerge(at: value.mark)
            }
            for pair in sources.flatMap({ $0.pairs ?? [] }) {
                guard let text = pair.key.scalarText else { continue }
                if explicit[text] == nil, merged.insert(text).inserted { result.append(pair) }
            }
        }
        return result
    }

    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar("<<", .plain) = key.content else { return false }
        return key.tag == nil || key.tag == "tag:yaml.org,2002:merge"
    }
}
