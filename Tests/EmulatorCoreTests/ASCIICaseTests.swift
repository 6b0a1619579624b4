import EmulatorCore
import Testing

@Suite("ASCII case of header names")
struct ASCIICaseTests {
    @Test("names compare regardless of ASCII case only, and lower-casing leaves the rest as it is")
    func asciiCase() {
        #expect("Content-Type".equalsIgnoringASCIICase("content-TYPE"))
        #expect(!"Content-Type".equalsIgnoringASCIICase("Content-Typ"))
        #expect(!"Content-Typ".equalsIgnoringASCIICase("Content-Type"))
        #expect("".equalsIgnoringASCIICase(""))
        // `[` (0x5B) and `{` (0x7B) differ by the case bit but are not letters.
        #expect(!"a[".equalsIgnoringASCIICase("a{"))
        #expect(!"É".equalsIgnoringASCIICase("é"))
        #expect("X-Ünïcode-ABC".asciiLowercased == "x-Ünïcode-abc")
        #expect("already-lower".asciiLowercased == "already-lower")
        #expect("@[`{".asciiLowercased == "@[`{")
    }
}
