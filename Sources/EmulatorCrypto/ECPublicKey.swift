internal import COpenSSL

/// A P-256 public key, for WebAuthn's ES256 signatures (ECDSA with SHA-256, DER-encoded signatures).
/// Owns an `EVP_PKEY`, freed in `deinit`.
public final class ECPublicKey: @unchecked Sendable {
    private let key: OpaquePointer

    /// SubjectPublicKeyInfo's prefix for an uncompressed P-256 point (id-ecPublicKey, prime256v1).
    private static let spkiPrefix: [UInt8] = [
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03,
        0x01, 0x07, 0x03, 0x42, 0x00,
    ]

    /// The key at the point (`x`, `y`), 32 bytes each, as a COSE EC2 key gives them.
    /// - Throws: ``CryptoError`` when the point is not on the curve.
    public init(p256X x: [UInt8], y: [UInt8]) throws {
        OpenSSLRuntime.prepare()
        guard x.count == 32, y.count == 32 else { throw CryptoError("a P-256 point of two 32-byte coordinates") }
        let der = Self.spkiPrefix + [0x04] + x + y
        let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var pointer = buffer.baseAddress
            return d2i_PUBKEY(nil, &pointer, buffer.count)
        }
        guard let key else {
            ERR_clear_error()
            throw CryptoError("reading a P-256 public key")
        }
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// Whether `signature` (DER `Ecdsa-Sig-Value`) is a valid ES256 signature of `message`.
    public func verifyES256(signature: [UInt8], message: [UInt8]) -> Bool {
        verifySHA256Signature(signature, of: message, key: key)
    }
}

/// Whether `signature` signs `message` with SHA-256 under `key` (RSA PKCS#1 v1.5 or ECDSA, by the key's type).
func verifySHA256Signature(_ signature: [UInt8], of message: [UInt8], key: OpaquePointer) -> Bool {
    guard let context = EVP_MD_CTX_new() else { return false }
    defer { EVP_MD_CTX_free(context) }
    guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else {
        ERR_clear_error()
        return false
    }
    let valid = EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    if !valid { ERR_clear_error() }
    return valid
}
