import APIGatewayEmulator
import Provisioning
import ServerlessConfig
import Testing

@Suite("Resources the emulator does not run resolve as on AWS")
struct StandInResourceTests {
    static let yaml = """
        service: photos
        provider:
          name: aws
          environment:
            TABLE: !Ref Items
            TABLE_ARN: !GetAtt Items.Arn
            STREAM: !GetAtt Items.StreamArn
            QUEUE: !Ref Jobs
            QUEUE_ARN: !GetAtt Jobs.Arn
            BUCKET: !Ref S3BucketPhotouploads
            BUCKET_ARN: !GetAtt S3BucketPhotouploads.Arn
            TOPIC: !Ref SNSTopicDone
            ROLE: !GetAtt IamRoleLambdaExecution.Arn
            LOGS: !Ref ResizeLogGroup
            DEPLOYMENT: !Ref ServerlessDeploymentBucket
            NAMED: !Sub "${Jobs.QueueName}/${Items}"
            ORDERS: !GetAtt Orders.QueueName
        functions:
          resize:
            handler: h
            events:
              - s3: { bucket: photo-uploads, event: "s3:ObjectCreated:*" }
              - sns: done
        resources:
          Resources:
            Items:
              Type: AWS::DynamoDB::Table
              Properties: { TableName: items-table }
            Jobs:
              Type: AWS::SQS::Queue
            Orders:
              Type: AWS::SQS::Queue
              Properties: { QueueName: !Sub "${AWS::StackName}-orders.fifo", FifoQueue: true }
        """

    @Test("tables, queues, the generated buckets, topics, log groups and role get AWS's shapes of names and ARNs")
    func standIns() throws {
        let loaded = try ConfigLoader.load(yaml: Self.yaml, path: "serverless.yml")
        let result = StackProvisioner().provision(loaded.service, endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let environment = try #require(result.stack.function("resize")).environment
        #expect(environment["TABLE"] == "items-table" && environment["TABLE_ARN"] == "arn:aws:dynamodb:us-east-1:000000000000:table/items-table")
        #expect(environment["STREAM"]?.hasPrefix("arn:aws:dynamodb:us-east-1:000000000000:table/items-table/stream/") == true)
        let queue = try #require(environment["QUEUE"])
        #expect(queue.hasPrefix("https://sqs.us-east-1.amazonaws.com/000000000000/photos-dev-Jobs-"))
        #expect(environment["QUEUE_ARN"] == "arn:aws:sqs:us-east-1:000000000000:" + (queue.split(separator: "/").last.map(String.init) ?? ""))
        #expect(environment["BUCKET"] == "photo-uploads" && environment["BUCKET_ARN"] == "arn:aws:s3:::photo-uploads")
        #expect(environment["TOPIC"] == "arn:aws:sns:us-east-1:000000000000:done")
        #expect(environment["ROLE"] == "arn:aws:iam::000000000000:role/photos-dev-us-east-1-lambdaRole")
        #expect(environment["LOGS"] == "/aws/lambda/photos-dev-resize")
        #expect(environment["DEPLOYMENT"]?.hasPrefix("photos-dev-serverlessdeploymentbucket-") == true)
        #expect(environment["NAMED"] == (queue.split(separator: "/").last.map(String.init) ?? "") + "/items-table")
        #expect(environment["ORDERS"] == "photos-dev-orders.fifo", "a name written with intrinsics is the name they give")
        // The same names every time (a restart does not change what a function sees).
        let again = StackProvisioner().provision(loaded.service, endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229))
        #expect(again.stack.function("resize")?.environment["QUEUE"] == queue)
    }

    @Test("the framework's logical IDs for event buckets and topics follow its normalisation")
    func names() {
        #expect(FrameworkNames.bucketLogicalID("my-bucket.v2") == "S3BucketMybucketv2")
        #expect(FrameworkNames.topicLogicalID("thumbnail-done") == "SNSTopicThumbnaildone")
        #expect(
            FrameworkNames.restResourceLogicalIDs(path: "/user-profiles/{userId}/{proxy+}") == [
                "ApiGatewayResourceUserDashprofiles", "ApiGatewayResourceUserDashprofilesUseridVar",
                "ApiGatewayResourceUserDashprofilesUseridVarProxyVar",
            ]
        )
        #expect(FrameworkNames.restMethodLogicalID(path: "/users/{id}", method: "get") == "ApiGatewayMethodUsersIdVarGet")
        #expect(FrameworkNames.restMethodLogicalID(path: "/", method: "ANY") == "ApiGatewayMethodAny")
    }

    @Test("the REST API's generated resources and methods can be referred to")
    func restResources() throws {
        let yaml = """
            service: api
            provider: { name: aws }
            functions:
              get:
                handler: h
                events: [{ http: 'GET users/{userId}' }]
            resources:
              Outputs:
                UsersResource: { Value: !Ref ApiGatewayResourceUsers }
                Method: { Value: !Ref ApiGatewayMethodUsersUseridVarGet }
            """
        let loaded = try ConfigLoader.load(yaml: yaml, path: "serverless.yml")
        let result = StackProvisioner().provision(loaded.service, endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.stack.resources["ApiGatewayResourceUsersUseridVar"]?.type == "AWS::ApiGateway::Resource")
        #expect(result.stack.resources["ApiGatewayMethodUsersUseridVarGet"]?.physicalID.hasPrefix(result.stack.gateway.apiID + "-") == true)
    }
}
