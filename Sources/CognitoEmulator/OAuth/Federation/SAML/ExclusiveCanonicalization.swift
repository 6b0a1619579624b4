/// Exclusive XML canonicalization without comments (https://www.w3.org/TR/xml-exc-c14n/), of an element
/// and its descendants, as XML signatures digest and sign them: each element declares the namespaces
/// it and its attributes visibly use that no output ancestor declared the same way; declarations sorted
/// by prefix, attributes by namespace URI then local name; no empty-element tags; text and attribute
/// values escaped as C14N says. `omittingChild` leaves out the root's direct children of that name (the
/// enveloped-signature transform, for a signature that is a child of what it signs).
package enum ExclusiveCanonicalization {
    /// The canonical bytes of `element`.
    package static func canonical(_ element: XMLElement, omittingChild omitted: XMLElement.Name? = nil) -> [UInt8] {
        var root = element
        if let omitted {
            root.children.removeAll {
                if case .element(let child) = $0 { child.name.local == omitted.local && child.name.namespace == omitted.namespace } else { false }
            }
        }
        var output: [UInt8] = []
        write(root, rendered: [:], into: &output)
        return output
    }

    private static func write(
        _ element: XMLElement,
        rendered: [String: String],
        into output: inout [UInt8]
    ) {
        var utilized = [element.name.prefix]
        for attribute in element.attributes where !attribute.name.prefix.isEmpty { utilized.append(attribute.name.prefix) }
        var declarations: [(prefix: String, uri: String)] = []
        var inScope = rendered
        for prefix in Set(utilized) where prefix != "xml" {
            let uri = element.namespaces[prefix] ?? ""
            // The default namespace left empty needs no declaration unless an output ancestor set one.
            if rendered[prefix] == uri || (prefix.isEmpty && uri.isEmpty && rendered[""] == nil) { continue }
            declarations.append((prefix, uri))
            inScope[prefix] = uri
        }
        let qualified = element.name.prefix.isEmpty ? element.name.local : element.name.prefix + ":" + element.name.local
        output += Array("<\(qualified)".utf8)
        for declaration in declarations.sorted(by: { precedes($0.prefix, $1.prefix) }) {
            let name = declaration.prefix.isEmpty ? "xmlns" : "xmlns:" + declaration.prefix
            output += Array(" \(name)=\"".utf8) + escapeAttribute(declaration.uri) + [UInt8(ascii: "\"")]
        }
        let attributes = element.attributes.sorted {
            $0.name.namespace.utf8.elementsEqual($1.name.namespace.utf8)
                ? precedes($0.name.local, $1.name.local) : precedes($0.name.namespace, $1.name.namespace)
        }
        for attribute in attributes {
            let name = attribute.name.prefix.isEmpty ? attribute.name.local : attribute.name.prefix + ":" + attribute.name.local
            output += Array(" \(name)=\"".utf8) + escapeAttribute(attribute.value) + [UInt8(ascii: "\"")]
        }
        output.append(UInt8(ascii: ">"))
        for child in element.children {
            switch child {
            case .text(let text): output += escapeText(text)
            case .element(let inner): write(inner, rendered: inScope, into: &output)
            }
        }
        output += Array("</\(qualified)>".utf8)
    }

    /// C14N's order: by code point (UTF-8's byte order is the same), not by Unicode equivalence.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    static func escapeText(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += Array("&amp;".utf8)
            case UInt8(ascii: "<"): output += Array("&lt;".utf8)
            case UInt8(ascii: ">"): output += Array("&gt;".utf8)
            case 0x0D: output += Array("&#xD;".utf8)
            default: output.append(byte)
            }
        }
        return output
    }

    static func escapeAttribute(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += Array("&amp;".utf8)
            case UInt8(ascii: "<"): output += Array("&lt;".utf8)
            case UInt8(ascii: "\""): output += Array("&quot;".utf8)
            case 0x09: output += Array("&#x9;".utf8)
            case 0x0A: output += Array("&#xA;".utf8)
            case 0x0D: output += Array("&#xD;".utf8)
            default: output.append(byte)
            }
        }
        return output
    }
}
