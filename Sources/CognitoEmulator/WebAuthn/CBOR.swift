/// The CBOR (RFC 8949) that WebAuthn's attestation objects and COSE keys are made of: a strict,
/// bounded reader (definite lengths only, at most 16 levels deep), as the authenticator data needs.
package indirect enum CBOR: Equatable, Sendable {
    case unsigned(UInt64)
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBOR])
    case map([(CBOR, CBOR)])
    case bool(Bool)
    case null

    package static func == (lhs: CBOR, rhs: CBOR) -> Bool {
        switch (lhs, rhs) {
        case (.unsigned(let a), .unsigned(let b)), (.negative(let a), .negative(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.text(let a), .text(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.map(let a), .map(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// The integer value (`-1 - n` for negatives), if it fits.
    var integer: Int? {
        switch self {
        case .unsigned(let value): return value <= UInt64(Int.max) ? Int(value) : nil
        case .negative(let value): return value < UInt64(Int.max) ? -1 - Int(value) : nil
        default: return nil
        }
    }

    /// A map's value under a text or integer key.
    subscript(key: CBOR) -> CBOR? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.0 == key }?.1
    }

    subscript(text key: String) -> CBOR? { self[.text(key)] }

    subscript(int key: Int) -> CBOR? { self[key >= 0 ? .unsigned(UInt64(key)) : .negative(UInt64(-1 - key))] }

    /// A byte string's bytes.
    var bytes: [UInt8]? {
        if case .bytes(let value) = self { return value }
        return nil
    }

    /// Reads one item from the start of `data`; answers it and how many bytes it took.
    static func read(_ data: [UInt8], from start: Int = 0) -> (CBOR, Int)? {
        var reader = Reader(data: data, index: start)
        guard let value = reader.item(depth: 0) else { return nil }
        return (value, reader.index - start)
    }

    /// Reads `data`, which must hold exactly one item.
    package static func decode(_ data: [UInt8]) -> CBOR? {
        guard let (value, length) = read(data), length == data.count else { return nil }
        return value
    }

    private struct Reader {
        let data: [UInt8]
        var index: Int

        mutating func item(depth: Int) -> CBOR? {
            guard depth < 16, index < data.count else { return nil }
            let initial = data[index]
            index += 1
            let major = initial >> 5
            guard let argument = argument(initial & 0x1F) else { return nil }
            switch major {
            case 0: return .unsigned(argument)
            case 1: return .negative(argument)
            case 2, 3:
                guard argument <= UInt64(data.count - index) else { return nil }
                let bytes = Array(data[index..<index + Int(argument)])
                index += Int(argument)
                if major == 2 { return .bytes(bytes) }
                return String(validating: bytes, as: UTF8.self).map(CBOR.text)
            case 4:
                guard argument <= UInt64(data.count - index) else { return nil }
                var items: [CBOR] = []
                for _ in 0..<argument {
                    guard let item = item(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .array(items)
            case 5:
                guard argument <= UInt64(data.count - index) else { return nil }
                var entries: [(CBOR, CBOR)] = []
                for _ in 0..<argument {
                    guard let key = item(depth: depth + 1), let value = item(depth: depth + 1) else { return nil }
                    entries.append((key, value))
                }
                return .map(entries)
            case 7:
                switch initial & 0x1F {
                case 20: return .bool(false)
                case 21: return .bool(true)
                case 22: return .null
                default: return nil
                }
            default:
                return nil  // tags are not used by WebAuthn
            }
        }

        /// The argument of an initial byte's low five bits; indefinite lengths (31) are refused.
        mutating func argument(_ low: UInt8) -> UInt64? {
            if major7Simple(low) { return 0 }
            let width: Int
            switch low {
            case 0..<24: return UInt64(low)
            case 24: width = 1
            case 25: width = 2
            case 26: width = 4
            case 27: width = 8
            default: return nil
            }
            guard index + width <= data.count else { return nil }
            var value: UInt64 = 0
            for byte in data[index..<index + width] { value = value << 8 | UInt64(byte) }
            index += width
            return value
        }

        private func major7Simple(_ low: UInt8) -> Bool {
            data[index - 1] >> 5 == 7 && (20...22).contains(low)
        }
    }
}
