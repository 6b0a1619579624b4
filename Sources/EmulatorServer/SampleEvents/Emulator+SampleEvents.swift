import APIGatewayEmulator
import EmulatorCore
import EventsEmulator
import Foundation
import ServerlessConfig
import YAML

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
        let builder = SampleEventBuilder(service: service, stack: stack, function: function, data: data, time: clock.now)
        switch type {
        case "http", "httpApi":
            let api: GatewayAPI = type == "http" ? .rest : .http
            guard let event = gateway.sampleEvent(functionKey: functionKey, api: api, body: Array((data ?? "").utf8)) else {
                throw EmulatorError(
                    "function '\(functionKey)' has no \(type) event to build a sample from; give the event with --data or --data-file"
                )
            }
            return event
        case "schedule":
            return builder.schedule()
        default:
            guard let event = try builder.event(type) else {
                if type == "cognitoUserPool" {
                    throw EmulatorError(
                        "cognitoUserPool triggers are run by the service's pools (sign a user up or in to run them); give a trigger event with --data"
                    )
                }
                throw EmulatorError(
                    "there is no sample '\(type)' event; samples: \(Self.sampleEventTypes.joined(separator: ", ")); or give the event with --data"
                )
            }
            return Array(event.serialized.utf8)
        }
    }
}
