/// An EventBridge schedule expression: `rate(5 minutes)` or `cron(0 12 * * ? *)`, in UTC.
/// See https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
public enum ScheduleExpression: Sendable, Equatable, CustomStringConvertible {
    /// Every so many seconds from when the rule is created (a whole number of minutes, hours or days).
    case rate(seconds: Int, text: String)
    /// At the times a cron expression names.
    case cron(CronExpression)

    /// Parses an expression; the error says what is wrong, in EventBridge's terms.
    public static func parse(_ text: String) -> Result<ScheduleExpression, ScheduleExpressionError> {
        if text.hasPrefix("rate("), text.hasSuffix(")") {
            let inner = text.dropFirst(5).dropLast()
            let parts = inner.split(separator: " ")
            guard parts.count == 2, let value = Int(parts[0]), value > 0, value <= 1_000_000 else {
                return .failure(ScheduleExpressionError("'\(text)': a rate is 'rate(<positive number up to 1000000> <unit>)'"))
            }
            let units: [String: Int] = ["minute": 60, "hour": 3600, "day": 86_400]
            let unit = String(parts[1])
            let singular = unit.hasSuffix("s") ? String(unit.dropLast()) : unit
            guard let seconds = units[singular] else {
                return .failure(ScheduleExpressionError("'\(text)': the unit must be minute(s), hour(s) or day(s)"))
            }
            guard (value == 1) == (unit == singular) else {
                return .failure(
                    ScheduleExpressionError("'\(text)': the unit is singular for 1 and plural otherwise (rate(1 hour), rate(5 hours))")
                )
            }
            return .success(.rate(seconds: value * seconds, text: text))
        }
        if text.hasPrefix("cron("), text.hasSuffix(")") {
            return CronExpression.parse(String(text.dropFirst(5).dropLast())).map(ScheduleExpression.cron)
        }
        return .failure(ScheduleExpressionError("'\(text)' is neither rate(…) nor cron(…)"))
    }

    /// The first time after `time` (seconds since 1970) it fires; `start` is when a rate's rule was created.
    public func next(after time: Double, start: Double) -> Double? {
        switch self {
        case .rate(let seconds, _):
            let elapsed = max(0, time - start)
            return start + (floor(elapsed / Double(seconds)) + 1) * Double(seconds)
        case .cron(let cron):
            return cron.next(after: time)
        }
    }

    /// As written.
    public var description: String {
        switch self {
        case .rate(_, let text): return text
        case .cron(let cron): return "cron(\(cron.text))"
        }
    }
}

/// Why a schedule expression is not valid.
public struct ScheduleExpressionError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    init(_ description: String) { self.description = description }
}

private func floor(_ value: Double) -> Double { value.rounded(.down) }
