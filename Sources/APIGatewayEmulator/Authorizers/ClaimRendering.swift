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

    /// `EEE MMM dd HH:mm:ss zzz yyyy` in UTC.
    static func javaDate(_ seconds: Int) -> String {
        let time = UTCTime(secondsSince1970: seconds)
        let two = UTCTime.two
        return "\(time.weekday) \(time.monthName) \(two(time.day)) \(two(time.hour)):\(two(time.minute)):\(two(time.second)) UTC \(time.year)"
    }
}
