import CognitoEmulator

/// Renders token claims as API Gateway puts them into the event: every value a string, booleans as
/// `true`/`false`, objects as JSON. A REST API's Cognito authorizer (`requestContext.authorizer.claims`)
/// writes `exp` and `iat` as Java's date text (`Fri Jul 29 18:52:53 UTC 2016`) and joins lists with
/// commas (`cognito:groups`); an HTTP API's JWT authorizer (`requestContext.authorizer.jwt.claims`)
/// writes numbers as digits and lists as `[a b]`.
enum ClaimRendering {
    /// Which API renders them.
    enum Style: Sendable {
        case restAPI, httpAPI
    }

    static func render(_ claims: JSONValue, for style: Style = .restAPI) -> [String: String] {
        guard case .object(let members) = claims else { return [:] }
        var result: [String: String] = [:]
        for member in members {
            switch (member.key, member.value) {
            case ("exp", .int(let seconds)) where style == .restAPI, ("iat", .int(let seconds)) where style == .restAPI:
                result[member.key] = javaDate(seconds)
            case (_, .string(let text)): result[member.key] = text
            case (_, .int(let number)): result[member.key] = String(number)
            case (_, .double(let number)): result[member.key] = String(number)
            case (_, .bool(let flag)): result[member.key] = flag ? "true" : "false"
            case (_, .array(let items)):
                let texts = items.map { $0.stringValue ?? $0.serialized }
                result[member.key] = style == .restAPI ? texts.joined(separator: ",") : "[" + texts.joined(separator: " ") + "]"
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
