/// A value that writes itself as JSON text straight into bytes, with no `Encoder` in between: the events
/// the emulator sends to a function's process on every invocation (a proxy event) are written this way.
/// What it writes must read back as the same JSON as its `Encodable` form, if it has one.
public protocol JSONWritable {
    /// Writes the value (one JSON value) to `writer`.
    func write(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value's compact JSON text, as UTF-8.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }
}

/// Compact JSON text appended to a byte array. Objects are written member by member: `key(_:)` puts the
/// comma before every member but the first, so a writer needs no stack of open containers.
public struct JSONWriter: Sendable {
    /// The text written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {
        bytes.reserveCapacity(1024)
    }

    /// `{`.
    public mutating func beginObject() { bytes.append(UInt8(ascii: "{")) }
    /// `}`.
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")) }
    /// `[`.
    public mutating func beginArray() { bytes.append(UInt8(ascii: "[")) }
    /// `]`.
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// An object member's key (and the comma before it, unless it is the first member).
    public mutating func key(_ key: String) {
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Before an array's element: the comma, unless it is the first.
    public mutating func separate() {
        if let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
    }

    /// A string, escaped as JSON requires (`"`, `\` and control characters; the rest as UTF-8).
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Most strings (IDs, tokens, names, paths) need no escape: appended whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return bytes.append(contentsOf: utf8) }
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case ..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer.
    public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    /// A number (`null` when it is not finite, as JSON has no such number).
    public mutating func double(_ value: Double) { bytes.append(contentsOf: (value.isFinite ? String(value) : "null").utf8) }
    /// `true` or `false`.
    public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    /// `null`.
    public mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// A member holding a string.
    public mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// A member holding a string, left out when there is none.
    public mutating func member(_ name: String, ifPresent value: String?) {
        if let value { member(name, value) }
    }

    /// A member holding an object of strings, left out when there is none.
    public mutating func member(_ name: String, ifPresent map: [String: String]?) {
        guard let map else { return }
        key(name)
        object(map)
    }

    /// A member holding a list of strings, left out when there is none.
    public mutating func member(_ name: String, ifPresent list: [String]?) {
        guard let list else { return }
        key(name)
        array(list)
    }

    /// A member holding a value that writes itself, left out when there is none.
    public mutating func member(_ name: String, ifPresent value: (some JSONWritable)?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    /// A member holding an integer, left out when there is none.
    public mutating func member(_ name: String, ifPresent value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// A member holding a string, `null` when there is none.
    public mutating func member(_ name: String, orNull value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    /// A member holding an object of strings, `null` when there is none.
    public mutating func member(_ name: String, orNull map: [String: String]?) {
        key(name)
        if let map { object(map) } else { null() }
    }

    /// A member holding an object of lists of strings, `null` when there is none.
    public mutating func member(_ name: String, orNull map: [String: [String]]?) {
        key(name)
        guard let map else { return null() }
        beginObject()
        for (entry, list) in map {
            key(entry)
            array(list)
        }
        endObject()
    }

    /// An object of strings.
    public mutating func object(_ map: [String: String]) {
        beginObject()
        for (name, value) in map { member(name, value) }
        endObject()
    }

    /// A list of strings.
    public mutating func array(_ list: [String]) {
        beginArray()
        for item in list {
            separate()
            string(item)
        }
        endArray()
    }
}

extension JSONValue: JSONWritable {
    /// Writes the value, objects' members in their order.
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let value): writer.string(value)
        case .int(let value): writer.int(value)
        case .double(let value): writer.double(value)
        case .bool(let value): writer.bool(value)
        case .null: writer.null()
        case .array(let items):
            writer.beginArray()
            for item in items {
                writer.separate()
                item.write(to: &writer)
            }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for member in members {
                writer.key(member.key)
                member.value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}
