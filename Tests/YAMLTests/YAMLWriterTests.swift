import Testing
import YAML

@Suite("YAML written back reads as the same document")
struct YAMLWriterTests {
    /// The node's shape: kinds, texts and tags (no positions or styles).
    func shape(_ node: YAMLNode) -> String {
        let tag = node.tag ?? ""
        switch node.content {
        case .scalar: return tag + "'" + String(describing: node.scalarValue) + "'"
        case .sequence(let items): return tag + "[" + items.map(shape).joined(separator: ",") + "]"
        case .mapping(let pairs): return tag + "{" + pairs.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}"
        }
    }

    @Test("mappings, sequences of mappings, empty collections, tags and texts that need quotes survive a round trip")
    func roundTrip() throws {
        let source = """
            service: s
            list:
              - a
              - { k: v, n: 1 }
              - [x, y]
              - []
            quoted: ["true", "1.5", "a: b", " lead", "#x", "multi\\nline", "tab\\there", "", "-dash", "null", ".inf", "...", "\\u2028x", "True"]
            "<<": merge-looking key
            nothing:
            plain: [true, 1.5, null]
            tagged: !GetAtt [Pool, Arn]
            ref: !Ref Pool
            empty: {}
            nested: { a: { b: [ { c: d } ] } }
            """
        let node = try #require(try YAMLParser().parse(bytes: Array(source.utf8), source: "in.yml"))
        let written = YAMLWriter.text(of: node)
        let again = try #require(try YAMLParser().parse(bytes: Array(written.utf8), source: "out.yml"))
        #expect(shape(again) == shape(node), "\\(written)")
        #expect(written.contains("- k: v\n"))
    }
}
