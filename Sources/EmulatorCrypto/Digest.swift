internal import COpenSSL

/// SHA-256, MD5 and HMACs.
public enum Digest {
    /// The SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        digest(EVP_sha256(), size: 32, bytes)
    }

    /// The MD5 digest of `bytes` (what SQS's `md5OfBody` and S3's single-part ETags are; not for security).
    public static func md5(_ bytes: some Collection<UInt8>) -> [UInt8] {
        digest(EVP_md5(), size: 16, bytes)
    }

    private static func digest(_ algorithm: OpaquePointer?, size: Int, _ bytes: some Collection<UInt8>) -> [UInt8] {
        OpenSSLRuntime.prepare()
        let input = Array(bytes)
        var output = [UInt8](repeating: 0, count: size)
        var length: UInt32 = 0
        _ = input.withUnsafeBufferPointer { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &output, &length, algorithm, nil)
        }
        return output
    }

    /// HMAC-SHA256 of `message` under `key`.
    public static func hmacSHA256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        hmac(EVP_sha256(), size: 32, key: key, message: message)
    }

    /// HMAC-SHA1 of `message` under `key` (what RFC 6238 time-based one-time passwords use).
    public static func hmacSHA1(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        hmac(EVP_sha1(), size: 20, key: key, message: message)
    }

    private static func hmac(_ digest: OpaquePointer?, size: Int, key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        OpenSSLRuntime.prepare()
        let key = Array(key)
        let message = Array(message)
        var output = [UInt8](repeating: 0, count: size)
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                _ = HMAC(
                    digest,
                    keyBuffer.baseAddress,
                    Int32(keyBuffer.count),
                    messageBuffer.baseAddress,
                    messageBuffer.count,
                    &output,
                    &length
                )
            }
        }
        return output
    }

    /// Whether two byte strings are equal, in time that depends only on their length.
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// Cryptographically secure random bytes.
public enum SecureRandom {
    /// `count` random bytes from libcrypto's generator.
    public static func bytes(_ count: Int) -> [UInt8] {
        OpenSSLRuntime.prepare()
        var output = [UInt8](repeating: 0, count: count)
        precondition(RAND_bytes(&output, Int32(count)) == 1, "RAND_bytes failed: \(OpenSSLErrors.drain())")
        return output
    }

    /// A random (version 4) UUID in lower case, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`, from libcrypto's
    /// generator (Foundation's `UUID()` opens /dev/urandom each time on Linux).
    public static func uuidString() -> String {
        var bytes = Self.bytes(16)
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                buffer[position] = digits[Int(byte >> 4)]
                buffer[position + 1] = digits[Int(byte & 15)]
                position += 2
            }
            return position
        }
    }
}
