public import EmulatorCore
import EmulatorCrypto
import Foundation
public import LambdaEmulator
public import Logging
import NIOConcurrencyHelpers
public import ServerlessConfig

/// EventBridge's scheduled rules for a service's `schedule` events: each enabled rule invokes its
/// function (asynchronously, as EventBridge does) when its rate or cron expression comes due on the
/// emulator's clock, with EventBridge's "Scheduled Event" payload or the input the event configures.
/// A clock moved by `POST /_emulate/clock` fires what became due, once per rule (the occurrences in
/// between are skipped, and logged as such).
public final class Scheduler: Sendable {
    /// One rule.
    public struct Rule: Sendable {
        /// The rule's name (`name`, else the framework's `<service>-<stage>-<Function>EventsRuleSchedule<N>`).
        public var name: String
        /// The rule's ARN.
        public var arn: String
        /// The function's key.
        public var functionKey: String
        /// The expression.
        public var expression: ScheduleExpression
        /// What the function receives.
        public var input: ScheduleEvent.Input

        /// A rule.
        public init(name: String, arn: String, functionKey: String, expression: ScheduleExpression, input: ScheduleEvent.Input) {
            self.name = name
            self.arn = arn
            self.functionKey = functionKey
            self.expression = expression
            self.input = input
        }
    }

    /// The enabled rules.
    public let rules: [Rule]
    private let functions: [String: LambdaFunction]
    private let invoker: LambdaInvoker
    private let clock: any TimeSource
    private let region: String
    private let accountID: String
    private let logger: Logger
    private let started: Double
    private let nextFires: NIOLockedValueBox<[Double?]>

    /// The rules of `service`'s enabled `schedule` events, for `functions`.
    public init(
        service: ServerlessService,
        functions: [String: LambdaFunction],
        invoker: LambdaInvoker,
        clock: any TimeSource,
        accountID: String,
        logger: Logger
    ) {
        let rules = Self.rules(of: service, accountID: accountID)
        self.rules = rules
        self.functions = functions
        self.invoker = invoker
        self.clock = clock
        self.region = service.region
        self.accountID = accountID
        self.logger = logger
        let now = clock.now
        started = now
        nextFires = NIOLockedValueBox(rules.map { $0.expression.next(after: now, start: now) })
    }

    /// The rules of `service`'s `schedule` events (the enabled ones unless `includingDisabled`), named as
    /// the framework names them (`<service>-<stage>-<Function>EventsRuleSchedule<n>`, or the event's `name`).
    public static func rules(of service: ServerlessService, accountID: String, includingDisabled: Bool = false) -> [Rule] {
        var rules: [Rule] = []
        var counts: [String: Int] = [:]
        for (key, event) in service.schedules {
            for expression in event.expressions {
                counts[key, default: 0] += 1
                guard event.enabled || includingDisabled else { continue }
                let name = event.name ?? "\(service.name)-\(service.stage)-\(Function.normalizedName(key))EventsRuleSchedule\(counts[key]!)"
                let arn = "arn:aws:events:\(service.region):\(accountID):rule/\(name)"
                rules.append(Rule(name: name, arn: arn, functionKey: key, expression: expression, input: event.input))
            }
        }
        return rules
    }

    /// What `rule`'s target receives when it fires at `time`: the Scheduled Event, or what the rule's input makes of it.
    public static func payload(for rule: Rule, at time: Double, region: String, accountID: String) -> [UInt8] {
        payload(for: rule, event: event(rule, at: time, region: region, accountID: accountID))
    }

    /// Fires rules as they come due until cancelled (checking at least once a second, so a moved clock is seen).
    public func run() async {
        while !Task.isCancelled {
            fireDue()
            let wait = nextFires.withLockedValue { $0.compactMap { $0 }.min() }.map { $0 - clock.now } ?? 1
            try? await Task.sleep(for: .milliseconds(Int(min(1, max(0.01, wait)) * 1000)))
        }
    }

    /// The next time each rule fires, on the emulator's clock (for `emulate routes` and the console).
    public var upcoming: [(rule: Rule, at: Double?)] {
        let fires = nextFires.withLockedValue { $0 }
        return zip(rules, fires).map { ($0, $1) }
    }

    /// Invokes every rule that is due now; answers how many were.
    @discardableResult
    public func fireDue() -> Int {
        let now = clock.now
        let due = nextFires.withLockedValue { fires -> [(Int, Double, Int)] in
            var due: [(Int, Double, Int)] = []
            for index in fires.indices {
                guard let at = fires[index], at <= now else { continue }
                var skipped = 0
                var next = rules[index].expression.next(after: at, start: started)
                while let upcoming = next, upcoming <= now, skipped < 10_000 {
                    skipped += 1
                    next = rules[index].expression.next(after: upcoming, start: started)
                }
                fires[index] = rules[index].expression.next(after: now, start: started)
                due.append((index, at, skipped))
            }
            return due
        }
        for (index, at, skipped) in due {
            let rule = rules[index]
            guard let function = functions[rule.functionKey] else { continue }
            let payload = Self.payload(for: rule, event: Self.event(rule, at: at, region: region, accountID: accountID))
            if skipped > 0 { logger.info("schedule \(rule.name): \(skipped) occurrences skipped (the clock was moved)") }
            let invoker = self.invoker
            let logger = self.logger
            Task {
                let requestID = SecureRandom.uuidString()
                let outcome = await invoker.invoke(function, json: payload, request: InvocationRequest(requestID: requestID))
                switch outcome {
                case .success:
                    logger.info(
                        "schedule \(rule.name) (\(rule.expression)) invoked \(rule.functionKey)",
                        metadata: ["emulate.request.id": "\(requestID)"]
                    )
                case .failure(let failure):
                    logger.warning(
                        "schedule \(rule.name) invoked \(rule.functionKey): \(failure.description)",
                        metadata: ["emulate.request.id": "\(requestID)"]
                    )
                }
            }
        }
        return due.count
    }

    /// EventBridge's Scheduled Event.
    static func event(_ rule: Rule, at time: Double, region: String, accountID: String) -> JSONValue {
        .object([
            .init("version", .string("0")),
            .init("id", .string(SecureRandom.uuidString())),
            .init("detail-type", .string("Scheduled Event")),
            .init("source", .string("aws.events")),
            .init("account", .string(accountID)),
            .init("time", .string(Self.timestamp(time))),
            .init("region", .string(region)),
            .init("resources", .array([.string(rule.arn)])),
            .init("detail", .object([])),
        ])
    }

    /// What the target receives: the event, a constant, a JSONPath's part of it, or a transformed template.
    static func payload(for rule: Rule, event: JSONValue) -> [UInt8] {
        switch rule.input {
        case .event: return Array(event.serialized.utf8)
        case .constant(let value): return Array(value.serialized.utf8)
        case .path(let path): return Array((InputPath.select(path, in: event) ?? .null).serialized.utf8)
        case .transformer(let paths, let template):
            var values: [String: JSONValue] = [:]
            for (name, path) in paths { values[name] = InputPath.select(path, in: event) ?? .null }
            values["aws.events.rule-arn"] = .string(rule.arn)
            values["aws.events.rule-name"] = .string(rule.name)
            values["aws.events.event"] = event
            values["aws.events.event.json"] = event
            return Array(InputPath.render(template, values).utf8)
        }
    }

    static func timestamp(_ time: Double) -> String {
        SourceEvents.Origin.iso(time.rounded(.down), fraction: false)
    }
}
