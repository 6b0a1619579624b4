import CognitoEmulator

/// Renders token claims as a REST API Cognito authorizer puts them into
/// `requestContext.authorizer.claims`: every value a string; `exp` and `iat` as Java's date text
/// (`Fri Jul 29 18:52:53 UTC 2016`), other numbers as digits, booleans as `true`/`false`, lists
/// joined with commas (`cognito:groups`), objects as JSON.
enum ClaimRendering {
    static func render(_ claims: JSONValue) -> [String: String] {
        guard case .object(let members) = claims else { return [:] }
        var result: [String: String] = [:]
        for member in members {
            switch (member.key, member.value) {
            case ("exp", .int(let seconds)), ("iat", .int(let seconds)): result[member.key] = javaDate(seconds)
            case (_, .string(let text)): result[member.key] = text
            case (_, .int(let number)): result[member.key] = String(number)
            case (_, .double(let number)): result[member.key] = String(number)
            case (_, .bool(let flag)): result[member.key] = flag ? "true" : "false"
            case (_, .array(let items)): result[member.key] = items.map { $0.stringValue ?? $0.serialized }.joined(separator: ",")
            case (_, .null): result[member.key] = ""
            case (_, .object): result[member.key] = member.value.serialized
            }
        }
        return result
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `EEE MMM dd HH:mm:ss zzz yyyy` in UTC.
    static func javaDate(_ seconds: Int) -> String {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = weekdays[((days % 7) + 7) % 7]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday) \(months[month - 1]) \(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) UTC \(year)"
    }

    /// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
