import CognitoEmulator
import EmulatorCrypto
import Testing

@Suite("The scalar matcher answers as Swift's Regex does for every model pattern it compiles")
struct ScalarPatternTests {
    static let samples: [String] = [
        "", "a", "A_b", "us-east-1_AbC123", "us-east-1_", "_x", "x y", " ", "\t", "\n", "é", "名前", "a@b", "@", "a@", "{####}",
        "Code {####} here", "tab\tnew\nline", "-", "_", "💥", "abc{##x##}def", "12345678-1234-4123-8123-123456789012",
        "12345678-1234-5123-8123-123456789012", "ABCDEF", "abcdef0", "Passw0rd!", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
        "victim\u{0}x", "terms-of-use", "import-ab12", "cognito:english", "a\u{301}", "\u{2028}", "x\u{85}", "ab\u{A0}cd",
        "us-east-1_0123456789abcdef-fedc", "arn:aws:iam::123456789012:role/x", "++==//", "a b\u{2003}c", "*", "#", "\u{7F}",
    ]

    @Test("every sample, every compiled pattern: the same answer as Regex")
    func agreesWithRegex() {
        var compiled = 0
        for pattern in CognitoModel.shared.patterns.values where pattern.isSupported {
            guard let scalar = pattern.scalarPattern else { continue }
            compiled += 1
            for sample in Self.samples {
                #expect(scalar.matches(sample) == pattern.matchesByRegex(sample), "\(pattern.source) on \(sample.debugDescription)")
            }
        }
        // The members on every request (pool and client IDs, usernames, tokens, secret hashes) are among them.
        #expect(compiled >= 25)
        for hot in ["[\\w-]+_[0-9a-zA-Z]+", "[\\w+]+", "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", "[A-Za-z0-9-_=.]+", "[\\w+=/]+"] {
            #expect(CognitoModel.shared.patterns[hot]?.scalarPattern != nil, "\(hot)")
        }
    }

    @Test("random strings over the model's alphabets agree too")
    func randomAgreement() {
        let alphabet = Array("aZ09_-+=/.,@ \t\n{}#é名💥:*\u{0}")
        for pattern in CognitoModel.shared.patterns.values where pattern.isSupported && pattern.scalarPattern != nil {
            for _ in 0..<40 {
                let length = Int(SecureRandom.bytes(1)[0] % 12)
                let text = String((0..<length).map { _ in alphabet[Int(SecureRandom.bytes(1)[0]) % alphabet.count] })
                #expect(pattern.scalarPattern?.matches(text) == pattern.matchesByRegex(text), "\(pattern.source) on \(text.debugDescription)")
            }
        }
    }

    @Test("patterns with groups, alternation or dots are left to Regex")
    func unsupported() {
        for source in ["(?s).*", ".*\\{####\\}.*", "^(terms-of-use|privacy-policy)$", "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$"] {
            #expect(ScalarPattern(source) == nil, "\(source)")
        }
    }
}
