import Testing
import YAML

@Suite("YAML parser")
struct YAMLParserTests {
    let parser = YAMLParser()

    @Test("marks are 1-based and point at the node; tags are kept")
    func marksAndTags() throws {
        let root = try #require(try parser.parse("a: 1\nb:\n  c: !Ref Thing\n  d: !GetAtt Pool.Arn\n", source: "s.yml"))
        #expect(root.mark == Mark(line: 1, column: 1, source: "s.yml"))
        let c = try #require(root["b"]?["c"])
        #expect(c.tag == "!Ref")
        #expect(c.scalarText == "Thing")
        #expect(c.mark.line == 3 && c.mark.column == 6)
        #expect(root["b"]?["d"]?.tag == "!GetAtt")
    }

    @Test("a tagged flow sequence carries its tag")
    func taggedSequence() throws {
        let root = try #require(try parser.parse("x: !Split [',', 'a,b']"))
        #expect(root["x"]?.tag == "!Split")
        #expect(root["x"]?.items?.count == 2)
    }

    @Test(
        "plain scalars resolve with the YAML 1.2 core schema",
        arguments: [
            ("true", ScalarValue.bool(true)), ("False", .bool(false)), ("yes", .string("yes")), ("on", .string("on")),
            ("~", .null), ("null", .null), ("", .null), ("42", .int(42)), ("-7", .int(-7)), ("0x1F", .int(31)),
            ("0o17", .int(15)), ("3.5", .double(3.5)), ("1e3", .double(1000)), ("-.inf", .double(-.infinity)),
            ("1.2.3", .string("1.2.3")), ("0.5x", .string("0.5x")), ("'true'", .string("true")), ("\"5\"", .string("5")),
            ("!!str 5", .string("5")), ("!!int 12", .int(12)),
        ]
    )
    func coreSchema(source: String, expected: ScalarValue) throws {
        let root = try #require(try parser.parse("v: \(source)"))
        #expect(root["v"]?.scalarValue == expected)
    }

    @Test("anchors and aliases expand to copies of the anchored node")
    func aliases() throws {
        let root = try #require(try parser.parse("base: &b {x: 1, y: [a, b]}\ncopy: *b\n"))
        #expect(root["copy"]?["y"]?.items?.map(\.scalarText) == ["a", "b"])
    }

    @Test("merge keys add entries; explicit keys win; earlier sources win")
    func mergeKeys() throws {
        let yaml = """
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            m:
              <<: [*one, *two]
              c: 3
            """
        let m = try #require(try parser.parse(yaml)?["m"])
        #expect(m.pairs?.map { $0.key.scalarText ?? "" } == ["a", "b", "c"])
        #expect(m["a"]?.scalarValue == .int(1))
        #expect(m["b"]?.scalarValue == .int(1))
        #expect(m["c"]?.scalarValue == .int(3))
    }

    @Test("an empty stream or one with only comments has no document")
    func emptyInput() throws {
        #expect(try parser.parse("") == nil)
        #expect(try parser.parse("# just a comment\n") == nil)
    }

    @Test(
        "errors come with a 1-based line and column",
        arguments: [
            ("a: [1, 2\nb: }", 2, 2, "did not find expected ',' or ']'"),
            ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first defined at line 1, column 1)"),
            ("a: 1\n---\nb: 2\n", 2, 1, "expected a single YAML document"),
            ("a:\n\tb: 1\n", 2, 1, "a tab character; YAML indentation must use spaces"),
            ("a: *nope\n", 1, 4, "unknown anchor 'nope'"),
            ("a: &x 1\nb:\n  <<: *x\n", 3, 7, "a '<<' merge key takes a mapping"),
            ("key: value: other\n", 1, 11, "mapping values are not allowed in this context"),
        ]
    )
    func errors(yaml: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try parser.parse(yaml)
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.mark.line == line && error.mark.column == column && error.message.contains(message)
        }
    }

    @Test("bytes that are not UTF-8 are an error with a position, not a crash")
    func invalidUTF8() throws {
        var bytes = Array("a: 1\nb: ".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        let error = try #require(throws: YAMLError.self) { try parser.parse(bytes: bytes) }
        #expect(error.mark.line == 2)
        #expect(error.message.contains("UTF-8"))
    }

    @Test("a billion-laughs document stops at the expansion limit instead of hanging")
    func aliasBomb() throws {
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let error = try #require(throws: YAMLError.self) { try parser.parse(yaml) }
        #expect(error.message.contains("aliases expand this document"))
        #expect(error.mark.line > 1)
    }

    @Test("deep nesting is refused with a position")
    func deepNesting() throws {
        let yaml = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(throws: YAMLError.self) { try parser.parse(yaml) }
        #expect(error.message.contains("nested more than 256"))
        #expect(error.mark == Mark(line: 1, column: 257))
    }

    @Test("multi-line and block scalars keep their text and style")
    func blockScalars() throws {
        let root = try #require(try parser.parse("a: |\n  line1\n  line2\nb: >\n  folded\n  text\n"))
        #expect(root["a"]?.content == .scalar("line1\nline2\n", .literal))
        #expect(root["b"]?.content == .scalar("folded text\n", .folded))
    }
}
