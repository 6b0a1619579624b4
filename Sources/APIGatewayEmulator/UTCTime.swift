/// A moment in UTC broken into calendar fields, for the date texts API Gateway writes
/// (claims' `exp`/`iat`, `requestContext.requestTime`).
package struct UTCTime {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// The weekday's short name.
    let weekday: String

    /// The fields of `seconds` since 1970 (Howard Hinnant's civil-from-days algorithm).
    init(secondsSince1970 seconds: Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        weekday = Self.weekdays[((days % 7) + 7) % 7]
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
