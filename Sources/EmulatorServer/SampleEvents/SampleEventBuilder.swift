import APIGatewayEmulator
import EmulatorCore
import EventsEmulator
import Provisioning
import ServerlessConfig
import YAML

/// Fills AWS's sample events (``SourceEvents``) from what a function's own events declare, with
/// names derived from the service for what they leave out.
struct SampleEventBuilder {
    let service: ServerlessService
    let stack: ProvisionedStack
    let function: Function
    let data: String?
    let time: Double

    private var origin: SourceEvents.Origin { .init(region: service.region, accountID: stack.accountID, time: time) }
    private var sampleName: String { "\(service.name)-\(service.stage)-sample" }

    /// The function's first declared event of `type`, as written.
    private func declared(_ type: String) -> YAMLNode? {
        for case .other(let eventType, let node) in function.events where eventType == type { return node[type] ?? node }
        return nil
    }

    /// A declared setting as text (intrinsics resolved): the node itself when it is a scalar, else its `key`.
    private func setting(_ node: YAMLNode?, _ key: String) -> String? {
        guard let node else { return nil }
        if node.pairs == nil || node.tag != nil || node["Ref"] != nil || node["Fn::GetAtt"] != nil { return stack.text(of: node) }
        return node[key].flatMap(stack.text(of:))
    }

    private func arn(_ service: String, _ resource: String) -> String {
        "arn:aws:\(service):\(self.service.region):\(stack.accountID):\(resource)"
    }

    /// The event of `type` as JSON: `http`/`httpApi` ones from `gateway`'s own integrations for the
    /// function's first route of that API (with `data` as the body), the others from AWS's sources.
    func sample(_ type: String, gateway: APIGateway) throws(EmulatorError) -> [UInt8] {
        switch type {
        case "http", "httpApi":
            let api: GatewayAPI = type == "http" ? .rest : .http
            guard let event = gateway.sampleEvent(functionKey: function.key, api: api, body: Array((data ?? "").utf8)) else {
                throw EmulatorError(
                    "function '\(function.key)' has no \(type) event to build a sample from; give the event with --data or --data-file"
                )
            }
            return event
        case "schedule":
            return schedule()
        default:
            guard let event = try event(type) else {
                if type == "cognitoUserPool" {
                    throw EmulatorError(
                        "cognitoUserPool triggers are run by the service's pools (sign a user up or in to run them); give a trigger event with --data"
                    )
                }
                throw EmulatorError(
                    "there is no sample '\(type)' event; samples: \(Emulator.sampleEventTypes.joined(separator: ", ")); or give the event with --data"
                )
            }
            return Array(event.serialized.utf8)
        }
    }

    /// The event for `type`, or nil when the type has no sample.
    private func event(_ type: String) throws(EmulatorError) -> JSONValue? {
        switch type {
        case "s3": return s3()
        case "sqs":
            let queue = setting(declared("sqs"), "arn") ?? arn("sqs", sampleName + "-queue")
            return SourceEvents.sqs(queueARN: queue, body: data ?? #"{"message":"sample"}"#, at: origin)
        case "sns": return sns()
        case "stream", "dynamodb", "kinesis": return stream(type)
        case "eventBridge", "cloudwatchEvent": return try eventBridge(type)
        case "cloudwatchLog":
            let group = setting(declared("cloudwatchLog"), "logGroup") ?? "/aws/lambda/\(sampleName)"
            return SourceEvents.cloudWatchLogs(logGroup: group, filterName: sampleName + "-filter", message: data ?? "sample log line", at: origin)
        case "alb": return alb()
        case "websocket":
            let node = declared("websocket")
            let route = setting(node, "route") ?? "$connect"
            let apiID = APIGateway.stableID("websocket|\(service.name)|\(service.stage)", length: 10)
            return SourceEvents.webSocket(route: route, apiID: apiID, stage: service.stage, body: data, at: origin)
        case "msk", "kafka": return kafka(type)
        default: return nil
        }
    }

    private func s3() -> JSONValue {
        let node = declared("s3")
        let bucket = setting(node, "bucket") ?? sampleName + "-bucket"
        var eventName = String((node?["event"]?.scalarText ?? "s3:ObjectCreated:*").dropFirst("s3:".count))
        if eventName.hasSuffix(":*") {
            let family = String(eventName.dropLast(2))
            let action = ["ObjectRemoved": "Delete", "ObjectRestore": "Completed", "LifecycleExpiration": "Delete"][family] ?? "Put"
            eventName = "\(family):\(action)"
        }
        var prefix = ""
        var suffix = ".txt"
        for rule in node?["rules"]?.items ?? [] {
            if let value = rule["prefix"]?.scalarText { prefix = value }
            if let value = rule["suffix"]?.scalarText { suffix = value }
        }
        return SourceEvents.s3(bucket: bucket, key: prefix + "sample" + suffix, eventName: eventName, at: origin)
    }

    private func sns() -> JSONValue {
        let node = declared("sns")
        var topic = setting(node, "arn") ?? setting(node, "topicName") ?? sampleName + "-topic"
        if !topic.hasPrefix("arn:") { topic = arn("sns", topic) }
        return SourceEvents.sns(topicARN: topic, subject: "Sample", message: data ?? #"{"message":"sample"}"#, at: origin)
    }

    /// The function's first stream event of the kind asked for (`stream`: of either kind), or a sample stream.
    private func stream(_ type: String) -> JSONValue {
        for case .other("stream", let event) in function.events {
            let node = event["stream"] ?? event
            let arn = setting(node, "arn")
            let kind = node["type"]?.scalarText ?? ((arn ?? "").hasPrefix("arn:aws:kinesis") ? "kinesis" : "dynamodb")
            guard type == "stream" || type == kind else { continue }
            return kind == "kinesis" ? kinesis(arn) : dynamoDB(arn)
        }
        return type == "kinesis" ? kinesis(nil) : dynamoDB(nil)
    }

    private func dynamoDB(_ arn: String?) -> JSONValue {
        SourceEvents.dynamoDBStream(
            streamARN: arn ?? self.arn("dynamodb", "table/\(sampleName)/stream/2026-01-01T00:00:00.000"),
            at: origin
        )
    }

    private func kinesis(_ arn: String?) -> JSONValue {
        let role = stack.function(function.key)?.roleARN.description ?? self.arn("iam", "role/\(sampleName)-role")
        return SourceEvents.kinesis(
            streamARN: arn ?? self.arn("kinesis", "stream/\(sampleName)"),
            data: data ?? #"{"message":"sample"}"#,
            roleARN: role,
            at: origin
        )
    }

    private func eventBridge(_ type: String) throws(EmulatorError) -> JSONValue {
        let pattern = declared(type)?["pattern"] ?? declared(type)?["event"]
        var detail = pattern?["detail"].flatMap(Self.example) ?? .object([])
        if let data {
            guard let parsed = JSONValue.parse(Array(data.utf8)), case .object = parsed else {
                throw EmulatorError("--data for an \(type) event is its detail, a JSON object; not: \(data.prefix(80))")
            }
            detail = parsed
        }
        return SourceEvents.eventBridge(
            source: pattern?["source"].flatMap(Self.first) ?? "emulate.sample",
            detailType: pattern?["detail-type"].flatMap(Self.first) ?? "Sample Event",
            detail: detail,
            resources: [],
            at: origin
        )
    }

    private func alb() -> JSONValue {
        let conditions = declared("alb")?["conditions"]
        let path = conditions?["path"].flatMap(Self.first) ?? "/"
        let method = conditions?["method"].flatMap(Self.first)?.uppercased() ?? (data == nil ? "GET" : "POST")
        let group = arn("elasticloadbalancing", "targetgroup/\(Function.normalizedName(function.key).prefix(28))-tg/0123456789abcdef")
        return SourceEvents.alb(targetGroupARN: group, method: method, path: path, body: data, at: origin)
    }

    private func kafka(_ type: String) -> JSONValue {
        let node = declared(type)
        let topic = setting(node, "topic") ?? "sample-topic"
        let cluster = type == "msk" ? setting(node, "arn") ?? arn("kafka", "cluster/\(sampleName)/00000000-0000-0000-0000-000000000000-1") : nil
        let servers = node?["bootstrapServers"]?.items?.compactMap(\.scalarText).joined(separator: ",") ?? "b-1.sample.kafka.local:9092"
        return SourceEvents.kafka(topic: topic, clusterARN: cluster, bootstrapServers: servers, value: data ?? #"{"message":"sample"}"#, at: origin)
    }

    /// The Scheduled Event of the function's first `schedule` rule (with its input), or of a sample rule.
    private func schedule() -> [UInt8] {
        let rules = Scheduler.rules(of: service, accountID: stack.accountID, includingDisabled: true)
        let rule =
            rules.first { $0.functionKey == function.key }
            ?? Scheduler.Rule(
                name: sampleName + "-schedule",
                arn: arn("events", "rule/\(sampleName)-schedule"),
                functionKey: function.key,
                expression: .rate(seconds: 60, text: "rate(1 minute)"),
                input: .event
            )
        return Scheduler.payload(for: rule, at: time, region: service.region, accountID: stack.accountID)
    }

    /// The first string of a pattern's list (or the string itself).
    private static func first(_ node: YAMLNode) -> String? {
        node.items?.lazy.compactMap(\.scalarText).first ?? node.scalarText
    }

    /// A value an EventBridge pattern matches: each list of values becomes its first plain value; what
    /// only a content filter (`{ numeric: … }`, `{ prefix: … }`) matches is left out.
    private static func example(_ node: YAMLNode) -> JSONValue? {
        if let pairs = node.pairs {
            return .object(pairs.compactMap { pair in pair.key.scalarText.flatMap { key in example(pair.value).map { JSONValue.Member(key, $0) } } })
        }
        if let items = node.items { return items.first { $0.pairs == nil && $0.items == nil }.flatMap(example) }
        switch node.scalarValue ?? .null {
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .bool(let value): return .bool(value)
        case .string(let value): return .string(value)
        case .null: return .null
        }
    }
}
