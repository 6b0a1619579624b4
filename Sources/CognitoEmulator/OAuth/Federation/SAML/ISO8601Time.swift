import EmulatorCore

/// SAML's times: `xs:dateTime` in UTC, `2026-12-01T10:00:00Z` (fractional seconds read, not written).
package enum ISO8601Time {
    /// Seconds since 1970, or nil for anything but a UTC date and time.
    package static func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard bytes[range].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month), (1...31).contains(day), hour < 24,
            minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count - 21 <= 9, let digits = number(20..<(bytes.count - 1)) else { return nil }
            fraction = Double(digits) / Double([Int](repeating: 10, count: bytes.count - 21).reduce(1, *))
        }
        let days = CivilDate(year: year, month: month, day: day).daysSince1970
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
    }

    /// `seconds` as `YYYY-MM-DDTHH:MM:SSZ`.
    package static func format(_ seconds: Double) -> String {
        let (date, second) = CivilDate.split(secondsSince1970: Int(seconds.rounded(.down)))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(date.year)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)) + year)-\(two(date.month))-\(two(date.day))T"
            + "\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }
}
