extension String {
    /// Whether the two are equal with ASCII letters compared regardless of case, as HTTP header names
    /// compare; nothing is allocated (`lowercased()` makes a new string each time).
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        var left = utf8.makeIterator()
        var right = other.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let a?, let b?) where a == b || ASCIICase.lowered(a) == ASCIICase.lowered(b): continue
            default: return false
            }
        }
    }

    /// The string with its ASCII letters in lower case: itself, not a copy, when it has no upper-case one.
    public var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return self }
        return String(decoding: utf8.map(ASCIICase.lowered), as: UTF8.self)
    }
}

private enum ASCIICase {
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
