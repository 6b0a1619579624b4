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
}
