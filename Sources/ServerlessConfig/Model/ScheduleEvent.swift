public import EmulatorCore
public import YAML

/// A `schedule` event: EventBridge invokes the function on a rate or cron schedule.
/// See https://www.serverless.com/framework/docs/providers/aws/events/schedule
public struct ScheduleEvent: Sendable {
    /// What the function receives.
    public enum Input: Sendable {
        /// The whole Scheduled Event (the default).
        case event
        /// `input`: this JSON instead of the event.
        case constant(JSONValue)
        /// `inputPath`: the part of the event at this JSONPath (`$.detail`).
        case path(String)
        /// `inputTransformer`: the template with `<name>` replaced by the values at `inputPathsMap`'s paths.
        case transformer(paths: [(name: String, path: String)], template: String)
    }

    /// The expressions (`rate` may list several).
    public var expressions: [ScheduleExpression]
    /// `enabled` (true unless `false`).
    public var enabled: Bool
    /// `name`, if given.
    public var name: String?
    /// What the function receives.
    public var input: Input
    /// Where it is declared.
    public var mark: Mark
}
