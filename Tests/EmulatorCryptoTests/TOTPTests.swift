import EmulatorCrypto
import Testing

@Suite("time-based one-time passwords and Base32")
struct TOTPTests {
    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; six digits are the last six of the eight.
    @Test("RFC 6238's test vectors", arguments: [(59.0, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (20_000_000_000, "353130")])
    func vectors(time: Double, code: String) {
        #expect(TOTP.code(secret: Array("12345678901234567890".utf8), at: time) == code)
    }

    @Test("a code is accepted one step either side and refused two steps away")
    func drift() {
        let secret = Array("12345678901234567890".utf8)
        let code = TOTP.code(secret: secret, at: 1_111_111_109)
        #expect(TOTP.verify(code, secret: secret, at: 1_111_111_109 + 30))
        #expect(TOTP.verify(code, secret: secret, at: 1_111_111_109 - 30))
        #expect(!TOTP.verify(code, secret: secret, at: 1_111_111_109 + 61))
    }

    @Test("Base32 round-trips and refuses letters outside its alphabet")
    func base32() {
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("mzxw6ytboi======") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
    }
}
