import CognitoEmulator
import Testing

@Suite("SAML's XML: parsed strictly, canonicalized exclusively")
struct XMLCanonicalizationTests {
    func canonical(_ text: String) throws -> String {
        String(decoding: ExclusiveCanonicalization.canonical(try XMLElement.parse(text)), as: UTF8.self)
    }

    @Test("namespaces are declared where used, attributes sorted by namespace then name, empty tags opened and closed")
    func canonicalForm() throws {
        let input = """
            <?xml version="1.0"?>
            <a:root xmlns:a="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u" z='1' a:y="2&#xA;"><b:child xmlns:a="urn:a">t&amp;&lt;&gt;\r\n"'</b:child><empty/></a:root>
            """
        #expect(
            try canonical(input)
                == #"<a:root xmlns:a="urn:a" z="1" a:y="2&#xA;"><b:child xmlns:b="urn:b">t&amp;&lt;&gt;"#
                + "\n" + #""'</b:child><empty></empty></a:root>"#
        )
    }

    @Test("a default namespace is declared once, and undone with xmlns=\"\" only where an ancestor set it")
    func defaultNamespace() throws {
        #expect(try canonical(#"<r xmlns="urn:d"><c><d xmlns=""/></c></r>"#) == #"<r xmlns="urn:d"><c><d xmlns=""></d></c></r>"#)
        #expect(try canonical(#"<r><c a="1"/></r>"#) == #"<r><c a="1"></c></r>"#)
    }

    @Test("an omitted child (the enveloped signature) leaves no trace, and the rest is unchanged")
    func omitting() throws {
        let element = try XMLElement.parse(
            #"<s:A xmlns:s="urn:s" xmlns:ds="urn:ds"><s:I>x</s:I><ds:Signature><ds:V>1</ds:V></ds:Signature><s:B/></s:A>"#
        )
        let signature = try #require(element.elements.first { $0.name.local == "Signature" })
        #expect(
            String(decoding: ExclusiveCanonicalization.canonical(element, omittingChild: signature.name), as: UTF8.self)
                == #"<s:A xmlns:s="urn:s"><s:I>x</s:I><s:B></s:B></s:A>"#
        )
    }

    @Test("DOCTYPEs, comments, CDATA, processing instructions, unknown entities and broken markup are refused")
    func refusals() {
        let hostile = [
            #"<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>"#, "<r><!-- c --></r>", "<r><![CDATA[x]]></r>", "<r><?pi x?></r>", "<r>&x;</r>",
            "<r>&#0;</r>", "<r a='1' a='2'/>", "<p:r/>", "<r></s>", "<r>", "<r/><r/>", #"<r a="<"/>"#, "<r>]]></r>",
            #"<r xmlns:p="urn:1" xmlns:q="urn:1" p:a="1" q:a="2"/>"#, "<r a=1/>", "", "<r>&#x+41;</r>", #"<r xmlns:="urn:x"/>"#,
            String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300),
        ]
        for text in hostile {
            #expect(throws: XMLRefusal.self, "\(text.prefix(40))") { try XMLElement.parse(text) }
        }
    }

    @Test("SAML's times read and write as UTC xs:dateTime")
    func times() {
        #expect(ISO8601Time.parse("2026-12-01T10:00:00Z") == 1_796_119_200)
        #expect(ISO8601Time.parse("2026-12-01T10:00:00.500Z") == 1_796_119_200.5)
        #expect(ISO8601Time.format(1_796_119_200.7) == "2026-12-01T10:00:00Z")
        for bad in ["2026-12-01T10:00:00", "2026-13-01T10:00:00Z", "2026-12-01 10:00:00Z", "x026-12-01T10:00:00Z", "2026-12-01T10:00:00+01:00"] {
            #expect(ISO8601Time.parse(bad) == nil)
        }
    }
}
