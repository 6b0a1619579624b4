package import EmulatorCrypto

/// A compact JWS (`header.payload.signature`) split and decoded, not yet verified.
package struct JWT: Sendable {
    /// The header object.
    package let header: JSONValue
    /// The claims object.
    package let claims: JSONValue
    /// `header.payload` as sent: what the signature covers.
    let signingInput: [UInt8]
    /// The signature bytes.
    let signature: [UInt8]

    /// Header members this reader does not implement: a token naming them is refused (RFC 7515 4.1.11
    /// for `crit`; `zip` and `enc` belong to encrypted tokens).
    static let refusedHeaders: Set = ["crit", "zip", "enc"]

    /// Decodes a token, or returns nil when it is not three canonical base64url segments holding JSON
    /// objects (whitespace, padding, non-zero trailing bits, repeated keys and the headers in
    /// ``refusedHeaders`` are refused).
    package init?(_ token: some StringProtocol) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.canonical(parts[0]), let payloadBytes = Self.canonical(parts[1]),
            let signature = Self.canonical(parts[2]),
            case .object(let headerMembers) = JSONValue.parse(headerBytes), case .object = JSONValue.parse(payloadBytes),
            !headerMembers.contains(where: { Self.refusedHeaders.contains($0.key) }),
            let header = JSONValue.parse(headerBytes), let claims = JSONValue.parse(payloadBytes)
        else { return nil }
        self.header = header
        self.claims = claims
        self.signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
        self.signature = signature
    }

    /// A segment's bytes when it is the one base64url text of them (no padding, zero trailing bits).
    private static func canonical(_ segment: some StringProtocol) -> [UInt8]? {
        guard let bytes = Base64URL.decode(segment), Base64URL.encode(bytes).utf8.elementsEqual(segment.utf8) else { return nil }
        return bytes
    }

    /// The clock skew allowed for `iat` and `nbf`: five minutes, as JWT libraries commonly allow.
    package static let allowedSkew: Double = 300

    /// Whether `iat` and `nbf` (when present) are not in the future beyond the allowed skew.
    package func isIssued(before now: Double) -> Bool {
        usableFrom <= now
    }

    /// The earliest time the token may be used: its later `iat` or `nbf` less ``allowedSkew``
    /// (minus infinity without either; plus infinity when one is not a number).
    package var usableFrom: Double {
        ["iat", "nbf"].compactMap { name -> Double? in
            guard let claim = claims[name] else { return nil }
            return claim.numberValue ?? .infinity
        }.max().map { $0 - Self.allowedSkew } ?? -.infinity
    }

    /// `kid` of the header.
    package var keyID: String? { header["kid"]?.stringValue }

    /// Whether the header says RS256 and the signature verifies under `key`.
    package func isSigned(by key: RSAKey) -> Bool {
        header["alg"]?.stringValue == "RS256" && key.verifyRS256(signature: signature, message: signingInput)
    }

    /// Signs claims with RS256 under `key`, naming it `kid`.
    package static func sign(claims: JSONValue, key: RSAKey, keyID: String) throws -> String {
        let header = JSONValue.object([.init("kid", .string(keyID)), .init("alg", .string("RS256"))])
        let input = Base64URL.encode(Array(header.serialized.utf8)) + "." + Base64URL.encode(Array(claims.serialized.utf8))
        return input + "." + Base64URL.encode(try key.signRS256(Array(input.utf8)))
    }
}
