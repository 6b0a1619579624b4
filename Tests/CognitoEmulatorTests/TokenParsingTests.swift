import CognitoEmulator
import EmulatorCrypto
import Testing

@Suite("JWT and JSON parsing refuse what they must")
struct TokenParsingTests {
    @Test("JSON keeps key order, decodes escapes and surrogate pairs, and refuses repeated keys")
    func json() throws {
        let value = try #require(JSONValue.parse(Array(#"{"b":1,"a":"\u00e9\ud83d\ude00","c":[true,null,-1.5e2]}"#.utf8)))
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(value["a"] == .string("é😀"))
        #expect(value["c"] == .array([.bool(true), .null, .double(-150)]))
        #expect(JSONValue.parse(Array(#"{"a":1,"a":2}"#.utf8)) == nil)
        #expect(JSONValue.parse(Array(#"{"a":01}"#.utf8)) == nil)
        #expect(JSONValue.parse(Array(String(repeating: "[", count: 100).utf8)) == nil)
        #expect(JSONValue.object([.init("k", .string("q\"\n"))]).serialized == #"{"k":"q\"\n"}"#)
    }

    @Test("a JWT with alg none, a bad segment or duplicate claims is refused")
    func jwtShapes() throws {
        let key = try RSAKey.generate()
        let token = try JWT.sign(claims: .object([.init("sub", .string("x"))]), key: key, keyID: "k1")
        let jwt = try #require(JWT(token))
        #expect(jwt.keyID == "k1" && jwt.isSigned(by: key))
        let parts = token.split(separator: ".")
        let none = Base64URL.encode(Array(#"{"alg":"none","kid":"k1"}"#.utf8)) + "." + parts[1] + "."
        #expect(JWT(none).map { $0.isSigned(by: key) } != true)
        #expect(JWT(parts[0] + "." + parts[1] + ".%%%") == nil)
        #expect(JWT(parts[0] + "." + Base64URL.encode(Array(#"{"sub":"a","sub":"b"}"#.utf8)) + "." + parts[2]) == nil)
        #expect(JWT(" " + token) == nil)
        let otherKey = try RSAKey.generate()
        #expect(!jwt.isSigned(by: otherKey))
    }

    @Test("a token signed with the right key is still refused with crit, zip or enc headers, or a non-canonical segment")
    func lenientHeaders() throws {
        let key = try RSAKey.generate()
        let claims = Base64URL.encode(Array(#"{"sub":"x"}"#.utf8))
        for header in [
            #"{"alg":"RS256","kid":"k","crit":["exp"]}"#, #"{"alg":"RS256","kid":"k","zip":"DEF"}"#, #"{"alg":"RS256","kid":"k","enc":"A128GCM"}"#,
        ] {
            let input = Base64URL.encode(Array(header.utf8)) + "." + claims
            let token = input + "." + Base64URL.encode(try key.signRS256(Array(input.utf8)))
            #expect(JWT(token) == nil, "\(header)")
        }
        let token = try JWT.sign(claims: .object([.init("sub", .string("x"))]), key: key, keyID: "k1")
        let signature = token.split(separator: ".")[2]
        // The last character of a 256-byte signature carries 4 bits of padding: another character with
        // the same 2 data bits decodes to the same bytes, and must not pass for the same token.
        let last = signature.last!
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let index = alphabet.firstIndex(of: last)!
        let twin = alphabet[(index & ~0xF) | ((index + 1) & 0xF)]
        let tampered = token.dropLast() + String(twin)
        #expect(Base64URL.decode(tampered.split(separator: ".")[2]) == Base64URL.decode(signature))
        #expect(JWT(tampered) == nil)
        #expect(JWT(token) != nil)
    }
}
