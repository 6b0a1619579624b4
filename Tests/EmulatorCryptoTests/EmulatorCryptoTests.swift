import EmulatorCrypto
import Foundation
import Testing

@Suite("crypto over libcrypto, against published vectors")
struct EmulatorCryptoTests {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-256 of 'abc' (FIPS 180-2 example)")
    func sha256() {
        #expect(hex(Digest.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("HMAC-SHA256, RFC 4231 test case 2")
    func hmac() {
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("base64url round-trips without padding and rejects other alphabets")
    func base64url() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xfe, 0x00, 0x01]
        #expect(Base64URL.encode(bytes) == "-__-AAE")
        #expect(Base64URL.decode("-__-AAE") == bytes)
        #expect(Base64URL.decode("+//+AAE=") == nil)
        #expect(Base64URL.decode("-__-AAE=") == bytes)
        #expect(Base64URL.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw")
        #expect(Base64URL.decode("a.b") == nil)
    }

    @Test("RS256: a signature verifies, a changed message or signature does not; keys survive DER")
    func rs256() throws {
        let key = try RSAKey.generate()
        #expect(key.modulus.count == 256)
        #expect(key.exponent == [1, 0, 1])
        let message = Array("header.payload".utf8)
        var signature = try key.signRS256(message)
        #expect(signature.count == 256)
        #expect(key.verifyRS256(signature: signature, message: message))
        #expect(!key.verifyRS256(signature: signature, message: Array("header.payloaD".utf8)))
        let restored = try RSAKey(privateKeyDER: key.privateKeyDER)
        #expect(restored.modulus == key.modulus)
        #expect(restored.verifyRS256(signature: signature, message: message))
        signature[10] ^= 1
        #expect(!key.verifyRS256(signature: signature, message: message))
        #expect(throws: CryptoError.self) { try RSAKey(privateKeyDER: [1, 2, 3]) }
    }

    @Test("BIGNUM modular arithmetic: 4^13 mod 497 = 445 (the textbook example)")
    func bigNumber() throws {
        let base = try #require(BigNumber(hex: "4"))
        let result = base.power(BigNumber(bytes: [13]), modulo: BigNumber(bytes: [0x01, 0xf1]))
        #expect(result.bytes == [0x01, 0xbd])
        #expect(result.hex == "1bd")
        #expect(BigNumber(hex: "zz") == nil)
        #expect(BigNumber(bytes: [7]).multiplied(by: BigNumber(bytes: [9]), modulo: BigNumber(bytes: [10])) == BigNumber(bytes: [3]))
    }

    @Test("random bytes differ between calls")
    func random() {
        #expect(SecureRandom.bytes(16) != SecureRandom.bytes(16))
        #expect(Digest.constantTimeEquals([1, 2], [1, 2]) && !Digest.constantTimeEquals([1, 2], [1, 3]))
    }
}
