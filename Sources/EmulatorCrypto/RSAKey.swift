internal import COpenSSL

/// An RSA key pair for RS256 (RSASSA-PKCS1-v1_5 with SHA-256), as Cognito signs its tokens.
///
/// Owns an `EVP_PKEY`, freed in `deinit`. libcrypto's EVP calls are safe to use from several threads
/// on one key, so the class is `Sendable`.
public final class RSAKey: @unchecked Sendable {
    private let key: OpaquePointer

    private init(key: OpaquePointer) {
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// Generates a new key pair.
    /// - Parameter bits: The modulus size (2048, as Cognito uses).
    /// - Throws: ``CryptoError`` when libcrypto fails.
    public static func generate(bits: Int = 2048) throws -> RSAKey {
        OpenSSLRuntime.prepare()
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else { throw CryptoError("EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1 else {
            throw CryptoError("RSA key generation setup")
        }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen(context, &key) == 1, let key else { throw CryptoError("EVP_PKEY_keygen") }
        return RSAKey(key: key)
    }

    /// Reads a private key from its DER encoding (as ``privateKeyDER`` writes it).
    /// - Throws: ``CryptoError`` when the bytes are not a private key.
    public convenience init(privateKeyDER der: [UInt8]) throws {
        OpenSSLRuntime.prepare()
        let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var pointer = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &pointer, buffer.count)
        }
        guard let key else { throw CryptoError("reading a private key") }
        self.init(key: key)
    }

    /// A public key from its modulus and exponent (big-endian bytes, as a JWK's `n` and `e` decode), for
    /// verifying another issuer's tokens.
    /// - Throws: ``CryptoError`` when they do not make an RSA public key.
    public convenience init(publicModulus modulus: [UInt8], exponent: [UInt8]) throws {
        OpenSSLRuntime.prepare()
        guard !modulus.isEmpty, !exponent.isEmpty, modulus.count <= 2048 else { throw CryptoError("an RSA modulus and exponent") }
        let der = DER.sequence(DER.integer(modulus) + DER.integer(exponent))
        let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var pointer = buffer.baseAddress
            return d2i_PublicKey(EVP_PKEY_RSA, nil, &pointer, buffer.count)
        }
        guard let key else {
            ERR_clear_error()
            throw CryptoError("reading an RSA public key")
        }
        self.init(key: key)
    }

    /// The private key, DER-encoded, for storage.
    public var privateKeyDER: [UInt8] {
        let length = i2d_PrivateKey(key, nil)
        guard length > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: Int(length))
        output.withUnsafeMutableBufferPointer { buffer in
            var pointer = buffer.baseAddress
            _ = i2d_PrivateKey(key, &pointer)
        }
        return output
    }

    /// The public key, DER-encoded (SubjectPublicKeyInfo).
    public var publicKeyDER: [UInt8] {
        let length = i2d_PUBKEY(key, nil)
        guard length > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: Int(length))
        output.withUnsafeMutableBufferPointer { buffer in
            var pointer = buffer.baseAddress
            _ = i2d_PUBKEY(key, &pointer)
        }
        return output
    }

    /// The modulus `n`, big-endian, without leading zeros beyond its size.
    public var modulus: [UInt8] { parameter(OSSL_PKEY_PARAM_RSA_N) }
    /// The public exponent `e`, big-endian (`[1, 0, 1]` for 65537).
    public var exponent: [UInt8] { parameter(OSSL_PKEY_PARAM_RSA_E) }

    private func parameter(_ name: String) -> [UInt8] {
        var number: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key, name, &number) == 1, let number else { return [] }
        defer { BN_free(number) }
        var output = [UInt8](repeating: 0, count: (Int(BN_num_bits(number)) + 7) / 8)
        _ = BN_bn2binpad(number, &output, Int32(output.count))
        return output
    }

    /// Signs `message` with RS256.
    /// - Throws: ``CryptoError`` when libcrypto fails.
    public func signRS256(_ message: [UInt8]) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else { throw CryptoError("EVP_DigestSignInit") }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else { throw CryptoError("EVP_DigestSign") }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else { throw CryptoError("EVP_DigestSign") }
        return Array(signature.prefix(length))
    }

    /// Whether `signature` is a valid RS256 signature of `message` under this key.
    public func verifyRS256(signature: [UInt8], message: [UInt8]) -> Bool {
        verifySHA256Signature(signature, of: message, key: key)
    }

    /// A self-signed X.509 certificate (DER) for the key: `CN=<commonName>`, SHA-256 with RSA, valid
    /// from `notBefore` (seconds since 1970) for `days`.
    /// - Throws: ``CryptoError`` when libcrypto fails.
    public func selfSignedCertificate(commonName: String, notBefore: Double, days: Int) throws -> [UInt8] {
        guard let certificate = X509_new() else { throw CryptoError("X509_new") }
        defer { X509_free(certificate) }
        var start = time_t(notBefore)
        guard X509_set_version(certificate, 2) == 1,
            ASN1_INTEGER_set(X509_get_serialNumber(certificate), Int(notBefore) & 0x7FFF_FFFF) == 1,
            X509_time_adj_ex(X509_getm_notBefore(certificate), 0, 0, &start) != nil,
            X509_time_adj_ex(X509_getm_notAfter(certificate), Int32(days), 0, &start) != nil,
            X509_set_pubkey(certificate, key) == 1,
            let name = X509_get_subject_name(certificate),
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, commonName, -1, -1, 0) == 1,
            X509_set_issuer_name(certificate, name) == 1,
            X509_sign(certificate, key, EVP_sha256()) > 0
        else { throw CryptoError("X509 certificate") }
        var output: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(certificate, &output)
        guard length > 0, let output else { throw CryptoError("i2d_X509") }
        defer { CRYPTO_free(output, #fileID, #line) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

}

/// The few DER encodings an RSAPublicKey (PKCS #1) needs.
enum DER {
    static func length(_ count: Int) -> [UInt8] {
        if count < 0x80 { return [UInt8(count)] }
        var bytes: [UInt8] = []
        var rest = count
        while rest > 0 {
            bytes.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    /// A non-negative INTEGER from big-endian bytes.
    static func integer(_ bytes: [UInt8]) -> [UInt8] {
        var value = Array(bytes.drop { $0 == 0 })
        if value.isEmpty { value = [0] }
        if value[0] & 0x80 != 0 { value.insert(0, at: 0) }
        return [0x02] + length(value.count) + value
    }

    static func sequence(_ content: [UInt8]) -> [UInt8] {
        [0x30] + length(content.count) + content
    }
}
