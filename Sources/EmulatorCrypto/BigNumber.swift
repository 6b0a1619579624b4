internal import COpenSSL

/// An unsigned big integer over libcrypto's `BIGNUM`, with what SRP needs: modular exponentiation,
/// multiplication and addition, and conversion to and from big-endian bytes and hex.
public final class BigNumber: @unchecked Sendable {
    private let number: OpaquePointer

    private init(owning number: OpaquePointer) {
        self.number = number
    }

    deinit {
        BN_free(number)
    }

    /// The number whose big-endian bytes are given.
    public convenience init(bytes: [UInt8]) {
        OpenSSLRuntime.prepare()
        self.init(owning: bytes.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }!)
    }

    /// The number written in hex (either case, no prefix), or nil when the text is not hex.
    public convenience init?(hex: String) {
        OpenSSLRuntime.prepare()
        guard !hex.isEmpty, hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }) else { return nil }
        var result: OpaquePointer?
        guard BN_hex2bn(&result, hex) > 0, let result else { return nil }
        self.init(owning: result)
    }

    /// The number's big-endian bytes, without leading zero bytes (one zero byte for zero).
    public var bytes: [UInt8] {
        let count = (Int(BN_num_bits(number)) + 7) / 8
        guard count > 0 else { return [0] }
        var output = [UInt8](repeating: 0, count: count)
        _ = BN_bn2bin(number, &output)
        return output
    }

    /// The number in lower-case hex without leading zeros ("0" for zero).
    public var hex: String {
        let text = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// Whether the number is zero.
    public var isZero: Bool { BN_is_zero(number) == 1 }

    /// `self ^ exponent mod modulus`.
    public func power(_ exponent: BigNumber, modulo modulus: BigNumber) -> BigNumber {
        Self.compute { result, context in BN_mod_exp(result, number, exponent.number, modulus.number, context) }
    }

    /// `(self * other) mod modulus`.
    public func multiplied(by other: BigNumber, modulo modulus: BigNumber) -> BigNumber {
        Self.compute { result, context in BN_mod_mul(result, number, other.number, modulus.number, context) }
    }

    /// `(self + other) mod modulus`.
    public func adding(_ other: BigNumber, modulo modulus: BigNumber) -> BigNumber {
        Self.compute { result, context in BN_mod_add(result, number, other.number, modulus.number, context) }
    }

    /// `self mod modulus`.
    public func modulo(_ modulus: BigNumber) -> BigNumber {
        Self.compute { result, context in BN_nnmod(result, number, modulus.number, context) }
    }

    /// `(self - other) mod modulus`.
    public func subtracting(_ other: BigNumber, modulo modulus: BigNumber) -> BigNumber {
        Self.compute { result, context in BN_mod_sub(result, number, other.number, modulus.number, context) }
    }

    private static func compute(_ operation: (OpaquePointer, OpaquePointer) -> Int32) -> BigNumber {
        let context = BN_CTX_new()!
        defer { BN_CTX_free(context) }
        let result = BN_new()!
        precondition(operation(result, context) == 1, "BIGNUM operation failed: \(OpenSSLErrors.drain())")
        return BigNumber(owning: result)
    }
}

extension BigNumber: Equatable {
    /// Whether two numbers are equal.
    public static func == (lhs: BigNumber, rhs: BigNumber) -> Bool {
        BN_cmp(lhs.number, rhs.number) == 0
    }
}
