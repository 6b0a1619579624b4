import APIGatewayEmulator
import EmulatorCore
import ServerlessConfig

/// Resources the emulator does not run — declared ones of other types (a DynamoDB table, a queue, a
/// bucket) and those the framework generates beside what it models (the functions' log groups and role,
/// the deployment bucket, the buckets of `s3` events and topics of `sns` events) — registered with
/// stable stand-in physical IDs and the attributes AWS gives them, so `Ref`, `Fn::GetAtt` and `Fn::Sub`
/// over them resolve as on AWS: a table's name and ARN, a queue's URL, a topic's ARN.
enum StandInResources {
    /// What `Ref` and `Fn::GetAtt` answer for a resource of `type` named `name`.
    static func standIn(type: String, name: String, region: String, account: String) -> ProvisionedResource {
        let arn = { (service: String, resource: String) in "arn:aws:\(service):\(region):\(account):\(resource)" }
        switch type {
        case "AWS::DynamoDB::Table":
            let tableArn = arn("dynamodb", "table/\(name)")
            return .init(type: type, physicalID: name, attributes: ["Arn": tableArn, "StreamArn": tableArn + "/stream/1970-01-01T00:00:00.000"])
        case "AWS::SQS::Queue":
            let url = "https://sqs.\(region).amazonaws.com/\(account)/\(name)"
            return .init(type: type, physicalID: url, attributes: ["Arn": arn("sqs", name), "QueueName": name, "QueueUrl": url])
        case "AWS::SNS::Topic":
            let topic = arn("sns", name)
            return .init(type: type, physicalID: topic, attributes: ["TopicArn": topic, "TopicName": name])
        case "AWS::S3::Bucket":
            return .init(
                type: type,
                physicalID: name,
                attributes: [
                    "Arn": "arn:aws:s3:::\(name)", "DomainName": "\(name).s3.amazonaws.com",
                    "RegionalDomainName": "\(name).s3.\(region).amazonaws.com", "WebsiteURL": "http://\(name).s3-website-\(region).amazonaws.com",
                ]
            )
        case "AWS::Logs::LogGroup":
            return .init(type: type, physicalID: name, attributes: ["Arn": arn("logs", "log-group:\(name):*")])
        case "AWS::Lambda::Function":
            return .init(type: type, physicalID: name, attributes: ["Arn": arn("lambda", "function:\(name)")])
        case "AWS::Kinesis::Stream":
            return .init(type: type, physicalID: name, attributes: ["Arn": arn("kinesis", "stream/\(name)")])
        case "AWS::Events::EventBus":
            return .init(type: type, physicalID: name, attributes: ["Arn": arn("events", "event-bus/\(name)"), "Name": name])
        case "AWS::StepFunctions::StateMachine":
            let machine = arn("states", "stateMachine:\(name)")
            return .init(type: type, physicalID: machine, attributes: ["Arn": machine, "Name": name])
        case "AWS::SecretsManager::Secret":
            let secret = arn("secretsmanager", "secret:\(name)-AbCdEf")
            return .init(type: type, physicalID: secret, attributes: ["Id": secret])
        default:
            // Any other type: its own name as the ID, and an ARN in the type's service.
            let parts = type.split(separator: "::")
            let service = parts.count == 3 ? parts[1].lowercased() : "cloudformation"
            let kind = parts.count == 3 ? parts[2].lowercased() : "resource"
            return .init(type: type, physicalID: name, attributes: ["Arn": arn(service, "\(kind)/\(name)")])
        }
    }

    /// The property that names a resource of `type`, when the template gives one.
    static let nameProperties = [
        "AWS::DynamoDB::Table": "TableName", "AWS::SQS::Queue": "QueueName", "AWS::SNS::Topic": "TopicName", "AWS::S3::Bucket": "BucketName",
        "AWS::Logs::LogGroup": "LogGroupName", "AWS::Lambda::Function": "FunctionName", "AWS::Kinesis::Stream": "Name",
        "AWS::Events::EventBus": "Name", "AWS::StepFunctions::StateMachine": "StateMachineName", "AWS::SecretsManager::Secret": "Name",
    ]

    /// Registers every declared resource no provisioner handles, and what the framework generates.
    static func register(in context: inout ProvisioningContext, handledTypes: Set<String>) {
        let stack = context.stack
        let service = context.service
        for resource in service.resources.resources where !handledTypes.contains(resource.type) {
            // A name written with intrinsics (`!Sub '${AWS::StackName}-orders'`, `!Ref Stage`) is resolved with what is known so far.
            let given = nameProperties[resource.type].flatMap { resource.properties[$0] }.flatMap { value in
                value.stringValue ?? (try? context.resolver.text(context.resolver.resolve(value)))
            }
            let name = given ?? generatedName(resource.logicalID, stack: stack.stackName, lowercase: resource.type == "AWS::S3::Bucket")
            context.register(
                resource.logicalID,
                standIn(type: resource.type, name: name, region: stack.region, account: stack.accountID)
            )
        }
        func generated(_ logicalID: String, _ type: String, _ name: String) {
            guard context.stack.resources[logicalID] == nil else { return }
            context.register(logicalID, standIn(type: type, name: name, region: stack.region, account: stack.accountID))
        }
        generated(
            "ServerlessDeploymentBucket",
            "AWS::S3::Bucket",
            generatedName("ServerlessDeploymentBucket", stack: stack.stackName, lowercase: true)
        )
        let roleName = "\(service.name)-\(service.stage)-\(stack.region)-lambdaRole"
        if context.stack.resources["IamRoleLambdaExecution"] == nil {
            context.register(
                "IamRoleLambdaExecution",
                ProvisionedResource(
                    type: "AWS::IAM::Role",
                    physicalID: roleName,
                    attributes: [
                        "Arn": ARN.role(roleName, account: stack.accountID).description,
                        "RoleId": APIGateway.stableID("role|\(roleName)", length: 21),
                    ]
                )
            )
        }
        for function in service.functions {
            generated(Function.normalizedName(function.key) + "LogGroup", "AWS::Logs::LogGroup", "/aws/lambda/\(function.name)")
            for case .http(let http) in function.events {
                let api = stack.gateway.apiID
                for id in FrameworkNames.restResourceLogicalIDs(path: http.path) where context.stack.resources[id] == nil {
                    context.register(
                        id,
                        ProvisionedResource(type: "AWS::ApiGateway::Resource", physicalID: APIGateway.stableID("resource|\(api)|\(id)", length: 6))
                    )
                }
                let method = FrameworkNames.restMethodLogicalID(path: http.path, method: http.method.rawValue)
                if context.stack.resources[method] == nil {
                    let id = "\(api)-\(APIGateway.stableID("method|\(api)|\(method)", length: 12))"
                    context.register(method, ProvisionedResource(type: "AWS::ApiGateway::Method", physicalID: id))
                }
            }
            for event in function.events {
                guard case .other(let type, let node) = event else { continue }
                switch type {
                case "s3":
                    if let bucket = FrameworkNames.s3Bucket(of: node) {
                        generated(FrameworkNames.bucketLogicalID(bucket), "AWS::S3::Bucket", bucket)
                    }
                case "sns":
                    if let topic = FrameworkNames.snsTopic(of: node) {
                        generated(FrameworkNames.topicLogicalID(topic), "AWS::SNS::Topic", topic)
                    }
                default: break
                }
            }
        }
    }

    /// A name as CloudFormation makes one: `<stack>-<LogicalId>-<12 characters>`.
    static func generatedName(_ logicalID: String, stack: String, lowercase: Bool) -> String {
        let name = "\(stack)-\(logicalID)-\(APIGateway.stableID("name|\(stack)|\(logicalID)", length: 12))"
        return lowercase ? name.lowercased() : name
    }
}
