/// A namespace-aware XML element tree, parsed strictly for signed SAML messages: no DOCTYPE (so no
/// entities beyond the five predefined ones and character references, no external references),
/// no comments, processing instructions or CDATA sections (each could split or hide signed text), at
/// most 256 levels deep and 10,000 elements. Attribute values are normalised as XML 1.0 §3.3.3 says;
/// text keeps its characters, with line ends normalised to `\n`.
package struct XMLElement: Sendable {
    /// A qualified name: the prefix as written, the local name, and the namespace the prefix stands for.
    package struct Name: Sendable, Hashable {
        package var prefix: String
        package var local: String
        package var namespace: String
    }

    /// An attribute (namespace declarations are kept apart, in ``namespaces``).
    package struct Attribute: Sendable {
        package var name: Name
        package var value: String
    }

    /// A child: an element or a run of text.
    package enum Child: Sendable {
        case element(XMLElement)
        case text(String)
    }

    package var name: Name
    package var attributes: [Attribute]
    /// The namespaces in scope here, prefix → URI (`""` is the default namespace).
    package var namespaces: [String: String]
    package var children: [Child]

    /// The child elements.
    package var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The child elements named `local` in `namespace`.
    package func elements(_ local: String, in namespace: String) -> [XMLElement] {
        elements.filter { $0.name.local == local && $0.name.namespace == namespace }
    }

    /// The text of the element's own text children, joined.
    package var text: String {
        children.map { if case .text(let text) = $0 { text } else { "" } }.joined()
    }

    /// The value of the unqualified attribute `name`.
    package func attribute(_ name: String) -> String? {
        attributes.first { $0.name.prefix.isEmpty && $0.name.local == name }?.value
    }

    /// Every element of the tree, this one first, in document order.
    package var descendants: [XMLElement] {
        [self] + elements.flatMap(\.descendants)
    }
}

/// Why a document was refused.
package struct XMLRefusal: Error, Sendable, Equatable {
    package var reason: String
}

extension XMLElement {
    static let maximumDepth = 256
    static let maximumElements = 10_000

    /// Parses a document with one root element.
    package static func parse(_ text: String) throws(XMLRefusal) -> XMLElement {
        var parser = XMLTreeParser(Array(text.utf8))
        return try parser.document()
    }
}

/// The parser behind ``XMLElement/parse(_:)``.
private struct XMLTreeParser {
    let bytes: [UInt8]
    var at = 0
    var count = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func document() throws(XMLRefusal) -> XMLElement {
        if starts(with: "\u{FEFF}") { at += 3 }
        if starts(with: "<?xml") {
            guard let end = find("?>") else { throw refuse("the XML declaration is not closed") }
            at = end + 2
        }
        skipSpace()
        if starts(with: "<!") || starts(with: "<?") { throw refuse("a DOCTYPE, comment or processing instruction is not accepted") }
        guard peek == UInt8(ascii: "<") else { throw refuse("the document has no root element") }
        let root = try element(inScope: ["xml": "http://www.w3.org/XML/1998/namespace"], depth: 0)
        skipSpace()
        guard at == bytes.count else { throw refuse("content follows the root element") }
        return root
    }

    mutating func element(inScope: [String: String], depth: Int) throws(XMLRefusal) -> XMLElement {
        guard depth < XMLElement.maximumDepth else { throw refuse("elements nest too deeply") }
        count += 1
        guard count <= XMLElement.maximumElements else { throw refuse("the document has too many elements") }
        at += 1  // "<"
        let qualified = try name()
        var raw: [(String, String)] = []
        var rawNames: Set<String> = []
        var namespaces = inScope
        var empty = false
        while true {
            let spaced = skipSpace()
            if starts(with: "/>") {
                at += 2
                empty = true
                break
            }
            if peek == UInt8(ascii: ">") {
                at += 1
                break
            }
            guard spaced else { throw refuse("attributes must be separated by white space") }
            let attribute = try name()
            skipSpace()
            guard peek == UInt8(ascii: "=") else { throw refuse("attribute \(attribute) has no value") }
            at += 1
            skipSpace()
            let value = try quoted()
            if attribute == "xmlns" {
                namespaces[""] = value
            } else if attribute.hasPrefix("xmlns:") {
                let prefix = String(attribute.dropFirst(6))
                guard !value.isEmpty, !prefix.isEmpty, prefix != "xmlns" else {
                    throw refuse("namespace prefix \(prefix) cannot be undeclared or bound")
                }
                namespaces[prefix] = value
            } else {
                guard rawNames.insert(attribute).inserted else { throw refuse("attribute \(attribute) is repeated") }
                raw.append((attribute, value))
            }
        }
        let elementName = try resolve(qualified, namespaces, isAttribute: false)
        var attributes: [XMLElement.Attribute] = []
        var expanded: Set<[String]> = []
        for (attribute, value) in raw {
            let resolved = try resolve(attribute, namespaces, isAttribute: true)
            guard expanded.insert([resolved.namespace, resolved.local]).inserted else { throw refuse("attribute \(attribute) is repeated") }
            attributes.append(.init(name: resolved, value: value))
        }
        var element = XMLElement(name: elementName, attributes: attributes, namespaces: namespaces, children: [])
        if empty { return element }
        while true {
            guard at < bytes.count else { throw refuse("element \(qualified) is not closed") }
            if starts(with: "</") {
                at += 2
                let closing = try name()
                skipSpace()
                guard closing == qualified, peek == UInt8(ascii: ">") else { throw refuse("element \(qualified) is closed by \(closing)") }
                at += 1
                return element
            }
            if starts(with: "<!") || starts(with: "<?") { throw refuse("comments, CDATA and processing instructions are not accepted") }
            if peek == UInt8(ascii: "<") {
                element.children.append(.element(try self.element(inScope: namespaces, depth: depth + 1)))
            } else {
                let text = try characters()
                if case .text(let previous)? = element.children.last {
                    element.children[element.children.count - 1] = .text(previous + text)
                } else {
                    element.children.append(.text(text))
                }
            }
        }
    }

    func resolve(_ qualified: String, _ namespaces: [String: String], isAttribute: Bool) throws(XMLRefusal) -> XMLElement.Name {
        let parts = qualified.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { throw refuse("\(qualified) is not a qualified name") }
        guard parts.count == 2 else {
            return .init(prefix: "", local: qualified, namespace: isAttribute ? "" : namespaces[""] ?? "")
        }
        guard let namespace = namespaces[parts[0]] else { throw refuse("prefix \(parts[0]) is not declared") }
        return .init(prefix: parts[0], local: parts[1], namespace: namespace)
    }

    mutating func name() throws(XMLRefusal) -> String {
        let start = at
        while at < bytes.count, !Self.isDelimiter(bytes[at]) { at += 1 }
        guard at > start else { throw refuse("a name was expected") }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    mutating func quoted() throws(XMLRefusal) -> String {
        guard let quote = peek, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw refuse("an attribute value must be quoted") }
        at += 1
        var value: [UInt8] = []
        while true {
            guard at < bytes.count else { throw refuse("an attribute value is not closed") }
            let byte = bytes[at]
            if byte == quote {
                at += 1
                return String(decoding: value, as: UTF8.self)
            }
            switch byte {
            case UInt8(ascii: "<"): throw refuse("< is not allowed in an attribute value")
            case UInt8(ascii: "&"): value += try reference()
            case 0x09, 0x0A, 0x0D:
                // A CR LF pair is one line end, and every white-space character becomes a space.
                if byte == 0x0D, at + 1 < bytes.count, bytes[at + 1] == 0x0A { at += 1 }
                value.append(0x20)
                at += 1
            default:
                value.append(byte)
                at += 1
            }
        }
    }

    mutating func characters() throws(XMLRefusal) -> String {
        var text: [UInt8] = []
        while at < bytes.count, bytes[at] != UInt8(ascii: "<") {
            let byte = bytes[at]
            if byte == UInt8(ascii: "&") {
                text += try reference()
            } else if byte == 0x0D {
                text.append(0x0A)
                at += (at + 1 < bytes.count && bytes[at + 1] == 0x0A) ? 2 : 1
            } else {
                if byte == UInt8(ascii: ">"), text.suffix(2) == [UInt8(ascii: "]"), UInt8(ascii: "]")] { throw refuse("]]> is not allowed in text") }
                text.append(byte)
                at += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `&amp;` and the other predefined entities, `&#NN;` and `&#xHH;`.
    mutating func reference() throws(XMLRefusal) -> [UInt8] {
        guard let end = bytes[at...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { throw refuse("an entity reference is not closed") }
        let body = String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
        at = end + 1
        switch body {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let hex = body.hasPrefix("#x")
            let digits = body.dropFirst(hex ? 2 : 1)
            let allowed = hex ? "0123456789abcdefABCDEF" : "0123456789"
            let number: UInt32? =
                body.hasPrefix("#") && !digits.isEmpty && digits.allSatisfy(allowed.contains) ? UInt32(digits, radix: hex ? 16 : 10) : nil
            guard let number, let scalar = Unicode.Scalar(number), number == 0x9 || number == 0xA || number == 0xD || number >= 0x20 else {
                throw refuse("&\(body); is not a predefined entity or a character reference")
            }
            return Array(String(Character(scalar)).utf8)
        }
    }

    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = at
        while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
        return at > start
    }

    var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    func starts(with text: String) -> Bool {
        let prefix = Array(text.utf8)
        return bytes.count - at >= prefix.count && bytes[at..<(at + prefix.count)].elementsEqual(prefix)
    }

    func find(_ text: String) -> Int? {
        let needle = Array(text.utf8)
        var index = at
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'")]
            .contains(byte)
    }

    func refuse(_ reason: String) -> XMLRefusal { XMLRefusal(reason: reason) }
}
