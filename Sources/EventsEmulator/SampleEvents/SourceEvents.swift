public import EmulatorCore
import EmulatorCrypto
import Foundation

/// The events AWS's event sources send a function, field for field as AWS documents them (the samples
/// of each service's "Using Lambda with …" guide), filled with the names a service declares. They are
/// what `emulate invoke F --event TYPE` sends when the emulator does not run the source itself.
public enum SourceEvents {
    /// Where the event happens: the region, the account and the time (seconds since 1970).
    public struct Origin: Sendable {
        /// The region.
        public var region: String
        /// The account ID.
        public var accountID: String
        /// The time of the event.
        public var time: Double

        /// An origin.
        public init(region: String, accountID: String, time: Double) {
            self.region = region
            self.accountID = accountID
            self.time = time
        }

        var isoTime: String { Self.iso(time, fraction: true) }
        var milliseconds: Int { Int(time * 1000) }

        static func iso(_ time: Double, fraction: Bool) -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = fraction ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
            return formatter.string(from: Date(timeIntervalSince1970: time))
        }
    }

    /// An S3 event notification for one object.
    /// See https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
    public static func s3(bucket: String, key: String, eventName: String, at origin: Origin) -> JSONValue {
        let content = Array("sample object".utf8)
        var object: JSONValue = ["key": .string(key), "sequencer": "0A1B2C3D4E5F678901"]
        if !eventName.hasPrefix("ObjectRemoved") {
            object = [
                "key": .string(key), "size": .int(content.count), "eTag": .string(hex(Digest.md5(content))), "sequencer": "0A1B2C3D4E5F678901",
            ]
        }
        let record: JSONValue = [
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": .string(origin.region),
            "eventTime": .string(origin.isoTime),
            "eventName": .string(eventName),
            "userIdentity": ["principalId": "AWS:AIDAEXAMPLEPRINCIPAL"],
            "requestParameters": ["sourceIPAddress": "127.0.0.1"],
            "responseElements": [
                "x-amz-request-id": .string(requestID(12)), "x-amz-id-2": .string(Data(SecureRandom.bytes(48)).base64EncodedString()),
            ],
            "s3": [
                "s3SchemaVersion": "1.0",
                "configurationId": "emulate-sample",
                "bucket": ["name": .string(bucket), "ownerIdentity": ["principalId": "A3NL1KOZZKExample"], "arn": .string("arn:aws:s3:::\(bucket)")],
                "object": object,
            ],
        ]
        return ["Records": [record]]
    }

    /// An SQS batch of one message (a FIFO queue's carries its group, deduplication ID and sequence number).
    /// See https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
    public static func sqs(queueARN: String, body: String, at origin: Origin) -> JSONValue {
        var attributes: [JSONValue.Member] = [
            .init("ApproximateReceiveCount", "1"), .init("SentTimestamp", .string(String(origin.milliseconds))),
            .init("SenderId", "AIDAEXAMPLESENDER"), .init("ApproximateFirstReceiveTimestamp", .string(String(origin.milliseconds + 2))),
        ]
        if queueARN.hasSuffix(".fifo") {
            attributes += [
                .init("SequenceNumber", "18849496460467696128"), .init("MessageGroupId", "1"),
                .init("MessageDeduplicationId", .string(hex(Digest.sha256(Array(body.utf8))))),
            ]
        }
        let record: JSONValue = [
            "messageId": .string(SecureRandom.uuidString()),
            "receiptHandle": .string("AQEB" + Data(SecureRandom.bytes(48)).base64EncodedString()),
            "body": .string(body),
            "attributes": .object(attributes),
            "messageAttributes": [:],
            "md5OfBody": .string(hex(Digest.md5(Array(body.utf8)))),
            "eventSource": "aws:sqs",
            "eventSourceARN": .string(queueARN),
            "awsRegion": .string(region(of: queueARN) ?? origin.region),
        ]
        return ["Records": [record]]
    }

    /// An SNS notification of one message.
    /// See https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
    public static func sns(topicARN: String, subject: String?, message: String, at origin: Origin) -> JSONValue {
        let region = region(of: topicARN) ?? origin.region
        let subscription = "\(topicARN):\(SecureRandom.uuidString())"
        var notification: [JSONValue.Member] = [
            .init("SignatureVersion", "1"), .init("Timestamp", .string(origin.isoTime)),
            .init("Signature", .string(Data(SecureRandom.bytes(64)).base64EncodedString())),
            .init("SigningCertUrl", .string("https://sns.\(region).amazonaws.com/SimpleNotificationService-0000000000000000000000.pem")),
            .init("MessageId", .string(SecureRandom.uuidString())), .init("Message", .string(message)), .init("MessageAttributes", [:]),
            .init("Type", "Notification"),
            .init("UnsubscribeUrl", .string("https://sns.\(region).amazonaws.com/?Action=Unsubscribe&SubscriptionArn=\(subscription)")),
            .init("TopicArn", .string(topicARN)),
        ]
        notification.append(.init("Subject", subject.map(JSONValue.string) ?? .null))
        let record: JSONValue = [
            "EventVersion": "1.0", "EventSubscriptionArn": .string(subscription), "EventSource": "aws:sns", "Sns": .object(notification),
        ]
        return ["Records": [record]]
    }

    /// A DynamoDB stream batch of one INSERT.
    /// See https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
    public static func dynamoDBStream(streamARN: String, at origin: Origin) -> JSONValue {
        let keys: JSONValue = ["Id": ["N": "101"]]
        let record: JSONValue = [
            "eventID": .string(SecureRandom.uuidString().replacingOccurrences(of: "-", with: "")),
            "eventName": "INSERT",
            "eventVersion": "1.1",
            "eventSource": "aws:dynamodb",
            "awsRegion": .string(region(of: streamARN) ?? origin.region),
            "dynamodb": [
                "ApproximateCreationDateTime": .int(Int(origin.time)),
                "Keys": keys,
                "NewImage": ["Message": ["S": "New item!"], "Id": ["N": "101"]],
                "SequenceNumber": "111",
                "SizeBytes": 26,
                "StreamViewType": "NEW_AND_OLD_IMAGES",
            ],
            "eventSourceARN": .string(streamARN),
        ]
        return ["Records": [record]]
    }

    /// A Kinesis batch of one record (its data base64).
    /// See https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
    public static func kinesis(streamARN: String, data: String, roleARN: String, at origin: Origin) -> JSONValue {
        let sequence = "49590338271490256608559692538361571095921575989136588898"
        let record: JSONValue = [
            "kinesis": [
                "kinesisSchemaVersion": "1.0", "partitionKey": "1", "sequenceNumber": .string(sequence),
                "data": .string(Data(data.utf8).base64EncodedString()), "approximateArrivalTimestamp": .double(origin.time.rounded(.down) + 0.987),
            ],
            "eventSource": "aws:kinesis",
            "eventVersion": "1.0",
            "eventID": .string("shardId-000000000006:\(sequence)"),
            "eventName": "aws:kinesis:record",
            "invokeIdentityArn": .string(roleARN),
            "awsRegion": .string(region(of: streamARN) ?? origin.region),
            "eventSourceARN": .string(streamARN),
        ]
        return ["Records": [record]]
    }

    /// An EventBridge event.
    /// See https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html
    public static func eventBridge(source: String, detailType: String, detail: JSONValue, resources: [String], at origin: Origin) -> JSONValue {
        [
            "version": "0", "id": .string(SecureRandom.uuidString()), "detail-type": .string(detailType), "source": .string(source),
            "account": .string(origin.accountID), "time": .string(Origin.iso(origin.time, fraction: false)), "region": .string(origin.region),
            "resources": .array(resources.map(JSONValue.string)), "detail": detail,
        ]
    }

    /// A CloudWatch Logs subscription delivery: `awslogs.data`, the base64 of the gzipped log events.
    /// See https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchlogs.html
    public static func cloudWatchLogs(logGroup: String, filterName: String, message: String, at origin: Origin) -> JSONValue {
        let data: JSONValue = [
            "messageType": "DATA_MESSAGE", "owner": .string(origin.accountID), "logGroup": .string(logGroup),
            "logStream": "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef", "subscriptionFilters": [.string(filterName)],
            "logEvents": [["id": .string(String(repeating: "3", count: 56)), "timestamp": .int(origin.milliseconds), "message": .string(message)]],
        ]
        return ["awslogs": ["data": .string(Data(Gzip.stored(Array(data.serialized.utf8))).base64EncodedString())]]
    }

    /// A batch of one Kafka record: from an MSK cluster (`clusterARN`) or a self-managed one (nil).
    /// See https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html
    public static func kafka(topic: String, clusterARN: String?, bootstrapServers: String, value: String, at origin: Origin) -> JSONValue {
        let record: JSONValue = [
            "topic": .string(topic), "partition": 0, "offset": 15, "timestamp": .int(origin.milliseconds), "timestampType": "CREATE_TIME",
            "key": .string(Data("key".utf8).base64EncodedString()), "value": .string(Data(value.utf8).base64EncodedString()),
            "headers": [["headerKey": .array(Array("headerValue".utf8).map { .int(Int($0)) })]],
        ]
        var event: [JSONValue.Member] = [.init("eventSource", clusterARN == nil ? "SelfManagedKafka" : "aws:kafka")]
        if let clusterARN { event.append(.init("eventSourceArn", .string(clusterARN))) }
        event += [.init("bootstrapServers", .string(bootstrapServers)), .init("records", .object([.init("\(topic)-0", [record])]))]
        return .object(event)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func requestID(_ length: Int) -> String {
        String(hex(SecureRandom.bytes(length)).uppercased().prefix(length))
    }

    /// The region of an ARN (`arn:aws:sqs:REGION:…`), when it names one.
    static func region(of arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count > 3, parts[0] == "arn", !parts[3].isEmpty else { return nil }
        return String(parts[3])
    }
}
