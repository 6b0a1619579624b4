/// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, six digits), as authenticator
/// apps and Cognito's software-token MFA compute them, and the RFC 4648 Base32 their secrets are shared in.
public enum TOTP {
    /// The code for a secret at a moment (seconds since 1970).
    public static func code(secret: [UInt8], at time: Double, step: Double = 30, digits: Int = 6) -> String {
        var counter = UInt64(max(0, (time / step).rounded(.down)))
        var message = [UInt8](repeating: 0, count: 8)
        for index in (0..<8).reversed() {
            message[index] = UInt8(counter & 0xFF)
            counter >>= 8
        }
        let mac = Digest.hmacSHA1(key: secret, message: message)
        let offset = Int(mac[19] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(value % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// Whether `code` is the code at `time` or one step either side (clock drift), compared in constant time.
    public static func verify(_ code: String, secret: [UInt8], at time: Double, step: Double = 30) -> Bool {
        var matched = false
        for drift in [-1.0, 0, 1] {
            matched = Digest.constantTimeEquals(Array(self.code(secret: secret, at: time + drift * step).utf8), Array(code.utf8)) || matched
        }
        return matched
    }
}

/// RFC 4648 Base32 (upper case, no padding), the form authenticator apps take secrets in.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// The Base32 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of Base32 text (case-insensitive, `=` padding ignored), or nil when it is not Base32.
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output
    }
}
