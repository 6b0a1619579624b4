import EmulatorCrypto
import NIOConcurrencyHelpers

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What Cognito stores instead of a password: an SRP-6a verifier `v = g^x mod N` with a random salt,
/// where `x = H(salt | H(poolName | username | ":" | password))` over Cognito's 3072-bit group.
/// The same data serves USER_SRP_AUTH; a plain password is checked by recomputing `v`.
struct PasswordVerifier: Sendable {
    /// The salt as the hex string sent as SRP's `SALT`.
    var salt: String
    /// `v`, big-endian.
    var verifier: [UInt8]

    /// RFC 5054's 3072-bit group, which Cognito uses (g = 2).
    static let modulusHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF"
    static let modulus = BigNumber(hex: modulusHex)!
    static let generator = BigNumber(bytes: [2])

    /// A new verifier for a password, with a fresh salt.
    init(poolID: String, username: String, password: String) {
        var saltBytes = SecureRandom.bytes(16)
        saltBytes[0] = saltBytes[0] & 0x7F | 0x10
        salt = saltBytes.hexString
        let x = Self.privateKey(poolID: poolID, username: username, password: password, salt: salt)
        verifier = Self.generator.power(x, modulo: Self.modulus).bytes
        Self.confirmed.remember(x: x, verifier: verifier)
    }

    init(salt: String, verifier: [UInt8]) {
        self.salt = salt
        self.verifier = verifier
    }

    /// Whether `password` is the one this verifier was made from (compared in constant time).
    ///
    /// `v = g^x mod N` costs a 3072-bit exponentiation; once an `x` has been shown to produce this
    /// verifier, the same `x` is accepted by comparing digests (``ConfirmedKeys``).
    func matches(poolID: String, username: String, password: String) -> Bool {
        let x = Self.privateKey(poolID: poolID, username: username, password: password, salt: salt)
        if Self.confirmed.contains(x: x, verifier: verifier) { return true }
        guard Digest.constantTimeEquals(Self.generator.power(x, modulo: Self.modulus).bytes, verifier) else { return false }
        Self.confirmed.remember(x: x, verifier: verifier)
        return true
    }

    static let confirmed = ConfirmedKeys()

    /// A bounded memo of `x` values already shown to produce a verifier: the digest of `x` by the
    /// digest of the verifier. A verifier is salted per password, so an entry can only ever confirm
    /// the one password it was made from; a changed password has a new verifier and misses.
    final class ConfirmedKeys: Sendable {
        private static let capacity = 10_000
        private let entries = NIOLockedValueBox<[[UInt8]: [UInt8]]>([:])

        func contains(x: BigNumber, verifier: [UInt8]) -> Bool {
            let key = Digest.sha256(verifier)
            guard let known = entries.withLockedValue({ $0[key] }) else { return false }
            return Digest.constantTimeEquals(known, Digest.sha256(x.bytes))
        }

        func remember(x: BigNumber, verifier: [UInt8]) {
            let key = Digest.sha256(verifier)
            let value = Digest.sha256(x.bytes)
            entries.withLockedValue { entries in
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = value
            }
        }
    }

    /// `x = H(pad(salt) | H(poolName username ":" password))`, as Cognito's SRP clients compute it.
    static func privateKey(poolID: String, username: String, password: String, salt: String) -> BigNumber {
        let poolName = poolID.split(separator: "_", maxSplits: 1).last.map(String.init) ?? poolID
        let inner = Digest.sha256(Array("\(poolName)\(username):\(password)".utf8))
        return BigNumber(bytes: Digest.sha256(paddedHexBytes(salt) + inner))
    }

    /// The bytes of a hex string padded as Cognito's clients pad it: a leading `0` for odd length,
    /// `00` when the first digit has its high bit set.
    static func paddedHexBytes(_ hex: String) -> [UInt8] {
        var text = hex
        if text.count % 2 == 1 { text = "0" + text } else if let first = text.first, "89ABCDEFabcdef".contains(first) { text = "00" + text }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}

extension [UInt8] {
    /// Lower-case hex.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(count * 2)
        for byte in self {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 15)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
