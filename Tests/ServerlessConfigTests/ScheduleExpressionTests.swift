import EmulatorCore
import Foundation
import Testing
import YAML

@testable import ServerlessConfig

@Suite("EventBridge schedule expressions")
struct ScheduleExpressionTests {
    /// 2026-12-01T10:17:30Z (a Tuesday).
    static let now = 1_796_120_250.0

    static func utc(_ text: String) -> Double {
        ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970
    }

    @Test(
        "cron's next time, as EventBridge documents the fields",
        arguments: [
            ("15 10 * * ? *", "2026-12-02T10:15:00Z"),
            ("0/5 8-17 ? * MON-FRI *", "2026-12-01T10:20:00Z"),
            ("0 18 ? * MON-FRI *", "2026-12-01T18:00:00Z"),
            ("0 9 ? * 2#1 *", "2026-12-07T09:00:00Z"),
            ("0 12 L * ? *", "2026-12-31T12:00:00Z"),
            ("0 0 ? * 6L *", "2026-12-25T00:00:00Z"),
            ("0 8 1W * ? *", "2027-01-01T08:00:00Z"),
            ("30 2 29 2 ? *", "2028-02-29T02:30:00Z"),
            ("0 0 1 JAN ? 2030", "2030-01-01T00:00:00Z"),
            ("* * * * ? *", "2026-12-01T10:18:00Z"),
        ]
    )
    func cron(expression: String, expected: String) throws {
        guard case .success(.cron(let cron)) = ScheduleExpression.parse("cron(\(expression))") else {
            Issue.record("did not parse")
            return
        }
        #expect(cron.next(after: Self.now) == Self.utc(expected))
    }

    @Test("rates count from the rule's creation; singular for 1, plural otherwise")
    func rates() {
        guard case .success(let rate) = ScheduleExpression.parse("rate(5 minutes)") else {
            Issue.record("did not parse")
            return
        }
        #expect(rate.next(after: 1000, start: 1000) == 1300)
        #expect(rate.next(after: 1299, start: 1000) == 1300)
        #expect(rate.next(after: 1300, start: 1000) == 1600)
        for valid in ["rate(1 minute)", "rate(1 hour)", "rate(2 days)"] {
            #expect((try? ScheduleExpression.parse(valid).get()) != nil, "\(valid)")
        }
    }

    @Test(
        "invalid expressions are refused with the reason",
        arguments: [
            ("rate(1 hours)", "singular"), ("rate(5 hour)", "singular"), ("rate(0 minutes)", "positive"), ("rate(5 weeks)", "unit"),
            ("cron(0 12 * * * *)", "'?'"), ("cron(0 12 * *)", "six fields"), ("cron(61 * * * ? *)", "out of range"),
            ("every day", "neither"), ("cron(0 9 ? * 9#1 *)", "not understood"),
        ]
    )
    func invalid(text: String, reason: String) {
        guard case .failure(let error) = ScheduleExpression.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(error.description.contains(reason), "\(error.description)")
    }

    @Test("schedule events: the string form, the object form with input, and errors at their line")
    func decoding() throws {
        let yaml = """
            service: s
            provider: { name: aws }
            functions:
              f:
                handler: f.handler
                events:
                  - schedule: rate(1 hour)
                  - schedule:
                      rate: [cron(0 12 * * ? *), rate(2 days)]
                      enabled: false
                      input: { key: value }
            """
        let loaded = try ConfigLoader.load(yaml: yaml, path: "serverless.yml")
        let schedules = loaded.service.schedules
        #expect(schedules.count == 2 && schedules[1].event.expressions.count == 2 && !schedules[1].event.enabled)
        guard case .constant(let input) = schedules[1].event.input else {
            Issue.record("expected a constant input")
            return
        }
        #expect(input.serialized == #"{"key":"value"}"#)
        do {
            _ = try ConfigLoader.load(yaml: yaml.replacingOccurrences(of: "rate(1 hour)", with: "rate(1 hours)"), path: "serverless.yml")
            Issue.record("rate(1 hours) was accepted")
        } catch {
            let first = error.diagnostics.first { $0.severity == .error }
            #expect(first?.mark.line == 7 && first?.message.contains("singular") == true, "\(error.diagnostics)")
        }
    }
}
