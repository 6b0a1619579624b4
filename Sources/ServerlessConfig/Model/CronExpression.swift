import EmulatorCore

/// EventBridge's six-field cron: minutes, hours, day of month, month, day of week, year, in UTC, with
/// `, - * / ?` and `L`, `W` (day of month) and `L`, `#` (day of week). One of the two day fields must be `?`.
/// See https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html
public struct CronExpression: Sendable, Equatable {
    /// The expression inside `cron(…)`.
    public let text: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let days: DayOfMonth
    let months: Set<Int>
    let weekdays: DayOfWeek
    let years: Set<Int>

    enum DayOfMonth: Sendable, Equatable {
        case any
        case days(Set<Int>)
        case last
        case nearestWeekday(Int)
    }

    enum DayOfWeek: Sendable, Equatable {
        case any
        case days(Set<Int>)  // 1 = Sunday … 7 = Saturday
        case last(Int)  // the last such weekday of the month
        case nth(Int, Int)  // weekday, occurrence
    }

    static func parse(_ text: String) -> Result<CronExpression, ScheduleExpressionError> {
        let fields = text.split(separator: " ").map(String.init)
        guard fields.count == 6 else { return .failure(ScheduleExpressionError("cron(\(text)): a cron has six fields, not \(fields.count)")) }
        func fail(_ message: String) -> Result<CronExpression, ScheduleExpressionError> {
            .failure(ScheduleExpressionError("cron(\(text)): \(message)"))
        }
        guard (fields[2] == "?") != (fields[4] == "?") else {
            return fail("one of the day-of-month and day-of-week fields must be '?', and only one")
        }
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        let weekdayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        guard let minutes = Self.values(fields[0], 0...59), let hours = Self.values(fields[1], 0...23),
            let monthSet = Self.values(fields[3], 1...12, names: months), let years = Self.values(fields[5], 1970...2199)
        else { return fail("a field is out of range or not understood") }
        var days = DayOfMonth.any
        if fields[2] != "?" {
            if fields[2] == "L" {
                days = .last
            } else if fields[2].hasSuffix("W"), let day = Int(fields[2].dropLast()), (1...31).contains(day) {
                days = .nearestWeekday(day)
            } else if let set = Self.values(fields[2], 1...31) {
                days = .days(set)
            } else {
                return fail("the day-of-month field '\(fields[2])' is not understood")
            }
        }
        var weekdays = DayOfWeek.any
        if fields[4] != "?" {
            let field = fields[4]
            if field.contains("#") {
                let parts = field.split(separator: "#")
                guard parts.count == 2, let day = Self.weekday(String(parts[0]), weekdayNames), let nth = Int(parts[1]), (1...5).contains(nth) else {
                    return fail("the day-of-week field '\(field)' is not understood")
                }
                weekdays = .nth(day, nth)
            } else if field.hasSuffix("L"), field.count > 1, let day = Self.weekday(String(field.dropLast()), weekdayNames) {
                weekdays = .last(day)
            } else if field == "L" {
                weekdays = .days([7])
            } else if let set = Self.values(field, 1...7, names: weekdayNames) {
                weekdays = .days(set)
            } else {
                return fail("the day-of-week field '\(field)' is not understood")
            }
        }
        return .success(CronExpression(text: text, minutes: minutes, hours: hours, days: days, months: monthSet, weekdays: weekdays, years: years))
    }

    private static func weekday(_ text: String, _ names: [String]) -> Int? {
        if let number = Int(text), (1...7).contains(number) { return number }
        return names.firstIndex(of: text.uppercased()).map { $0 + 1 }
    }

    /// A field's values: `*`, numbers or names, ranges `a-b`, steps `a/n` and `*/n`, lists `a,b`.
    private static func values(_ field: String, _ range: ClosedRange<Int>, names: [String] = []) -> Set<Int>? {
        var result = Set<Int>()
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return nil }
            let step = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let step, step > 0 else { return nil }
            var lower = range.lowerBound
            var upper = range.upperBound
            let base = String(pieces[0])
            if base != "*" {
                let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
                func number(_ text: Substring) -> Int? {
                    Int(text) ?? names.firstIndex(of: text.uppercased()).map { $0 + range.lowerBound }
                }
                guard bounds.count <= 2, let first = number(bounds[0]) else { return nil }
                lower = first
                upper = bounds.count == 2 ? (number(bounds[1]) ?? -1) : (pieces.count == 2 ? range.upperBound : first)
            }
            guard range.contains(lower), range.contains(upper), lower <= upper else { return nil }
            result.formUnion(stride(from: lower, through: upper, by: step))
        }
        return result.isEmpty ? nil : result
    }

    /// The first whole minute after `time` (seconds since 1970, UTC) that the expression names, within ten years.
    public func next(after time: Double) -> Double? {
        let startMinute = Int((time / 60).rounded(.down)) + 1
        var day = startMinute.floorDivided(by: 1440)
        let firstMinuteOfDay = startMinute - day * 1440
        for offset in 0..<(366 * 10) {
            let date = CivilDate(daysSince1970: day)
            if date.year > 2199 { return nil }
            if years.contains(date.year), months.contains(date.month), matchesDay(date) {
                let from = offset == 0 ? firstMinuteOfDay : 0
                for minuteOfDay in from..<1440 where hours.contains(minuteOfDay / 60) && minutes.contains(minuteOfDay % 60) {
                    return Double((day * 1440 + minuteOfDay) * 60)
                }
            }
            day += 1
        }
        return nil
    }

    private func matchesDay(_ date: CivilDate) -> Bool {
        let length = CivilDate.daysIn(month: date.month, year: date.year)
        switch days {
        case .any: break
        case .days(let set): return set.contains(date.day)
        case .last: return date.day == length
        case .nearestWeekday(let target):
            let day = min(target, length)
            let weekday = CivilDate(year: date.year, month: date.month, day: day).weekday
            var nearest = day
            if weekday == 7 { nearest = day == 1 ? day + 2 : day - 1 }  // Saturday → Friday (or Monday on the 1st)
            if weekday == 1 { nearest = day == length ? day - 2 : day + 1 }  // Sunday → Monday (or Friday at the end)
            return date.day == nearest
        }
        switch weekdays {
        case .any: return true
        case .days(let set): return set.contains(date.weekday)
        case .last(let weekday): return date.weekday == weekday && date.day + 7 > length
        case .nth(let weekday, let nth): return date.weekday == weekday && (date.day - 1) / 7 + 1 == nth
        }
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
