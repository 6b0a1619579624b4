import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The server side of Cognito's SRP-6a (USER_SRP_AUTH → PASSWORD_VERIFIER), as Amplify, pycognito and the
/// Cognito SDKs compute the client side: `k = H(0x00 | N | 0x02)`, `B = k·v + g^b`, `u = H(pad(A) | pad(B))`,
/// `S = (A·v^u)^b`, `K = HKDF(pad(S), salt: pad(u), info: "Caldera Derived Key")[0..<16]`, and the claim
/// `HMAC(K, poolName | userIdForSRP | secretBlock | timestamp)` — for a device (DEVICE_PASSWORD_VERIFIER),
/// `HMAC(K, deviceGroupKey | deviceKey | secretBlock | timestamp)`.
enum SRPServer {
    static let modulus = PasswordVerifier.modulus
    static let generator = PasswordVerifier.generator
    static let multiplier = BigNumber(bytes: Digest.sha256([0] + PasswordVerifier.modulus.bytes + [2]))

    /// `B = (k·v + g^b) mod N` for a fresh random `b`.
    static func serverValues(verifier: [UInt8]) async -> (b: BigNumber, bigB: BigNumber) {
        let v = BigNumber(bytes: verifier)
        while true {
            let b = BigNumber(bytes: SecureRandom.bytes(32))
            let bigB = multiplier.multiplied(by: v, modulo: modulus).adding(generator.power(b, modulo: modulus), modulo: modulus)
            if !bigB.isZero { return (b, bigB) }
        }
    }

    /// Whether `claim` (PASSWORD_CLAIM_SIGNATURE) is the signature the exchange's client must have made;
    /// false too when `A` and `B` give `u = 0`.
    static func claimMatches(
        _ claim: String,
        exchange session: SRPExchange,
        verifier: [UInt8],
        realm: String,
        identity: String,
        secretBlock: [UInt8],
        timestamp: String
    ) async -> Bool {
        let u = BigNumber(bytes: Digest.sha256(padded(session.a.bytes) + padded(session.bigB.bytes)))
        guard !u.isZero else { return false }
        let v = BigNumber(bytes: verifier)
        let s = session.a.multiplied(by: v.power(u, modulo: modulus), modulo: modulus).power(session.b, modulo: modulus)
        let prk = Digest.hmacSHA256(key: padded(u.bytes), message: padded(s.bytes))
        let key = Array(Digest.hmacSHA256(key: prk, message: Array("Caldera Derived Key".utf8) + [1]).prefix(16))
        let message = Array(realm.utf8) + Array(identity.utf8) + secretBlock + Array(timestamp.utf8)
        let expected = Data(Digest.hmacSHA256(key: key, message: message)).base64EncodedString()
        return Digest.constantTimeEquals(Array(expected.utf8), Array(claim.utf8))
    }

    /// A number's bytes as the clients' `pad_hex` makes them: a leading zero byte when the high bit is set.
    static func padded(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.first, first & 0x80 != 0 else { return bytes }
        return [0] + bytes
    }
}
