import EmulatorCore

/// A moment in UTC broken into calendar fields, for the date texts API Gateway writes
/// (claims' `exp`/`iat`, `requestContext.requestTime`).
package struct UTCTime {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// The weekday's short name.
    let weekday: String

    /// The fields of `seconds` since 1970.
    init(secondsSince1970 seconds: Int) {
        let (date, secondOfDay) = CivilDate.split(secondsSince1970: seconds)
        (year, month, day) = (date.year, date.month, date.day)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        weekday = Self.weekdays[date.weekday - 1]
    }

    var monthName: String { Self.months[month - 1] }

    /// `22/Nov/2026:04:40:00 +0000`, as events carry their request time.
    package static func requestTime(secondsSince1970 seconds: Double) -> String {
        let time = UTCTime(secondsSince1970: Int(seconds.rounded(.down)))
        return "\(two(time.day))/\(time.monthName)/\(time.year):\(two(time.hour)):\(two(time.minute)):\(two(time.second)) +0000"
    }

    /// A number as two digits.
    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
