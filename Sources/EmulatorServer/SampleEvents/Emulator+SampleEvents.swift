import EmulatorCore
import ServerlessConfig

extension Emulator {
    /// The event types ``sampleEvent(_:for:data:)`` builds: serverless.yml's event names, plus `dynamodb`
    /// and `kinesis` for the two kinds of `stream`.
    public static let sampleEventTypes = [
        "http", "httpApi", "s3", "sqs", "sns", "stream", "dynamodb", "kinesis", "schedule", "eventBridge", "cloudwatchEvent",
        "cloudwatchLog", "alb", "websocket", "msk", "kafka",
    ]

    /// An event of `type` (``sampleEventTypes``) for the function under `functionKey`, as AWS's source
    /// would send it, filled from the function's own event of that type when it declares one (its bucket,
    /// queue, topic, stream, rule, route…). `data` is the message: an HTTP body, a queue or topic message,
    /// a stream record, a log line, or (JSON) an EventBridge event's `detail`.
    public func sampleEvent(_ type: String, for functionKey: String, data: String? = nil) throws(EmulatorError) -> [UInt8] {
        guard let function = service.function(named: functionKey) else { throw EmulatorError("no function '\(functionKey)'") }
        return try SampleEventBuilder(service: service, stack: stack, function: function, data: data, time: clock.now).sample(type, gateway: gateway)
    }
}
