import ServerlessConfig
import Testing
import YAML

@Suite("real-world-shaped configurations load to the expected model")
struct GoodConfigTests {
    @Test("httpApi events, JWT and request authorizers, CORS")
    func httpAPI() throws {
        let service = try Fixture.load("httpapi.yml").service
        #expect(service.region == "eu-west-1")
        let settings = try #require(service.provider.httpApi)
        #expect(settings.payloadVersion == "2.0")
        #expect(settings.cors != nil)
        #expect(settings.authorizers.map(\.name) == ["cognitoJwt", "customAuth"])
        guard case .jwt(let issuer, let audience) = settings.authorizers[0].kind else {
            Issue.record("cognitoJwt is not a JWT authorizer")
            return
        }
        #expect(issuer == .sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${NotesPool}", []))
        #expect(audience == [.ref("NotesClient")])
        guard case .request(let function, let ttl, let simple, _) = settings.authorizers[1].kind else {
            Issue.record("customAuth is not a request authorizer")
            return
        }
        #expect(function == "authorize" && ttl == 0 && simple)
        #expect(
            service.routes.map { "\($0.method) \($0.path) \($0.authorizer ?? "-")" } == [
                "GET /notes JWT", "POST /notes -", "* /admin/{proxy+} REQUEST", "* * -",
            ]
        )
        #expect(service.routes.allSatisfy { $0.api == .http })
        #expect(service.routes[0].urlPath(in: service.apiPaths) == "/notes")
    }

    @Test("Lambda TOKEN and REQUEST authorizers, aws_iam and authorizerId")
    func lambdaAuthorizers() throws {
        let service = try Fixture.load("lambda-authorizers.yml").service
        #expect(service.stage == "staging")
        #expect(service.function(named: "getOrder")?.timeout == 10)
        #expect(service.function(named: "listOrders")?.timeout == 20)
        #expect(service.function(named: "getOrder")?.memorySize == 512)
        func authorizer(_ function: String) -> HTTPAuthorizer? {
            guard case .http(let event)? = service.function(named: function)?.events.first else { return nil }
            return event.authorizer
        }
        guard case .lambda("tokenAuthorizer", nil, .token)? = authorizer("getOrder")?.kind else {
            Issue.record("getOrder: \(String(describing: authorizer("getOrder")))")
            return
        }
        let request = try #require(authorizer("listOrders"))
        guard case .lambda("requestAuthorizer", nil, .request) = request.kind else {
            Issue.record("listOrders: \(request.kind)")
            return
        }
        #expect(request.resultTTLInSeconds == 0)
        #expect(request.identitySource == "method.request.header.X-Api-Token, method.request.querystring.tenant")
        #expect(authorizer("shipOrder")?.identityValidationExpression == "^Bearer [-0-9a-zA-Z._]*$")
        #expect(authorizer("shipOrder")?.resultTTLInSeconds == 60)
        #expect(authorizer("internal")?.kind.summary == "AWS_IAM")
        guard case .existing(.ref("SharedAuthorizer"), "COGNITO_USER_POOLS")? = authorizer("shared")?.kind else {
            Issue.record("shared: \(String(describing: authorizer("shared")?.kind))")
            return
        }
    }

    @Test("${file()} includes, with stage-dependent paths and a resources list")
    func fileIncludes() throws {
        let dev = try Fixture.load("file-includes.yml").service
        #expect(dev.provider.environment.map(\.value) == [.string("inventory-dev"), .string("debug"), .bool(true)])
        #expect(dev.function(named: "listItems")?.memorySize == 256)
        #expect(dev.resources.resources.map(\.logicalID) == ["InventoryPool", "InventoryClient"])
        #expect(dev.resources["InventoryPool"]?.properties["UserPoolName"] == .string("inventory-dev"))
        #expect(dev.resources.outputs.map(\.logicalID) == ["PoolId"])
        let prod = try Fixture.load("file-includes.yml", options: LoadOptions(stage: "prod")).service
        #expect(prod.provider.environment.first?.value == .string("inventory-prod"))
    }

    @Test("${env:} with fallbacks, chained and nested; AWS-only sources fall back offline")
    func environmentFallbacks() throws {
        let unset = try Fixture.load("env-fallbacks.yml").service
        #expect(unset.stage == "dev")
        #expect(unset.region == "us-east-1")
        let values = Dictionary(uniqueKeysWithValues: unset.provider.environment.map { ($0.name, $0.value) })
        #expect(values["FROM_ADDRESS"] == .string("noreply@example.com"))
        #expect(values["SMTP_HOST"] == .string("localhost"))
        #expect(values["QUEUE_NAME"] == .string("mailer-dev-queue"))
        #expect(values["RETRIES"] == .int(3))
        #expect(values["SECRET"] == .string("offline-secret"))
        #expect(values["ACCOUNT"] == .string("000000000000"))
        #expect(values["DEBUG"] == .bool(false))
        #expect(unset.function(named: "send")?.environment.first?.value == .string("mailer-templates-dev"))

        let set = try Fixture.load(
            "env-fallbacks.yml",
            options: LoadOptions(environment: [
                "STAGE": "qa", "AWS_DEFAULT_REGION": "ap-south-1", "FALLBACK_SMTP_HOST": "smtp.internal", "DEBUG": "true",
            ])
        ).service
        #expect(set.stage == "qa")
        #expect(set.region == "ap-south-1")
        let setValues = Dictionary(uniqueKeysWithValues: set.provider.environment.map { ($0.name, $0.value) })
        #expect(setValues["SMTP_HOST"] == .string("smtp.internal"))
        #expect(setValues["QUEUE_NAME"] == .string("mailer-qa-queue"))
        #expect(setValues["DEBUG"] == .bool(true))
    }

    @Test("short-form tags read to the same expressions as the long forms")
    func shortFormTags() throws {
        let service = try Fixture.load("short-form-tags.yml").service
        let values = Dictionary(uniqueKeysWithValues: service.provider.environment.map { ($0.name, $0.value) })
        #expect(values["POOL_ARN"] == .getAtt("UserPool", "Arn"))
        #expect(values["POOL_ID"] == .ref("UserPool"))
        #expect(values["ISSUER"] == .sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}", []))
        #expect(
            values["BUCKET_ARN"]
                == .join(":", .list([.string("arn"), .ref("AWS::Partition"), .string("s3"), .string(""), .string(""), .ref("Bucket")]))
        )
        #expect(values["FIRST_AZ"] == .select(.int(0), .function("Fn::GetAZs", .string(""))))
        #expect(values["DOMAIN"] == .select(.int(1), .split("//", .getAtt("UserPool", "ProviderURL"))))
        #expect(values["MODE"] == .if("IsProd", .string("production"), .string("development")))
        let statements = service.provider.iamStatements
        #expect(
            statements.map(\.resources) == [
                [.getAtt("UserPool", "Arn")],
                [.join("", .list([.getAtt("Bucket", "Arn"), .string("/*")])), .sub("${Bucket.Arn}/public/*", [])],
            ]
        )
        #expect(service.resources.conditions["IsProd"] == .function("Fn::Equals", .list([.string("dev"), .string("prod")])))
        let bucket = try #require(service.resources["Bucket"])
        #expect(bucket.condition == "IsProd")
        #expect(bucket.dependsOn == ["UserPool"])
        #expect(service.resources.outputs.first?.exportName == .sub("${AWS::StackName}-PoolArn", []))
        #expect(values["ISSUER"]?.referencedLogicalIDs == ["UserPool"])
    }

    @Test("anchors and merge keys share function settings; explicit keys win")
    func anchors() throws {
        let loaded = try Fixture.load("anchors.yml")
        #expect(loaded.warnings.isEmpty)
        let read = try #require(loaded.service.function(named: "read"))
        let write = try #require(loaded.service.function(named: "write"))
        #expect(read.timeout == 15 && read.memorySize == 256)
        #expect(write.timeout == 30 && write.memorySize == 256)
        #expect(read.environment.map(\.name) == ["LOG_LEVEL"])
        #expect(write.environment.map(\.name) == ["LOG_LEVEL", "TABLE"])
        guard case .http(let event)? = write.events.first else {
            Issue.record("write has no http event")
            return
        }
        #expect(event.cors?.origins == ["https://app.example.com"])
        #expect(event.cors?.headers == ["Content-Type", "Authorization"])
        #expect(event.cors?.allowCredentials == true)
        #expect(event.cors?.methods == ["OPTIONS", "POST"])
    }

    @Test(
        "one file serves several stages: params, nested variables, stage maps",
        arguments: [
            ("dev", 512, "dev.billing.example.com"), ("prod", 2048, "billing.example.com"), ("qa", 0, "dev.billing.example.com"),
        ]
    )
    func multiStage(stage: String, memory: Int, domain: String) throws {
        if memory == 0 {
            let error = try #require(throws: ConfigLoadError.self) {
                try Fixture.load("multi-stage.yml", options: LoadOptions(stage: stage))
            }
            #expect(
                error.errors.first?.message
                    == "cannot resolve ${self:custom.settings.${sls:stage}.memory}: no value at 'custom.settings.qa.memory' in self"
            )
            return
        }
        let service = try Fixture.load("multi-stage.yml", options: LoadOptions(stage: stage)).service
        #expect(service.stage == stage)
        #expect(service.function(named: "invoice")?.memorySize == memory)
        #expect(service.provider.environment.map(\.value) == [.string(domain), .string(stage)])
    }

    @Test("REST details: greedy paths, ANY, CORS object, request parameters, private, schedules read")
    func restAPI() throws {
        let service = try Fixture.load("rest-api-full.yml").service
        #expect(service.provider.apiGateway.binaryMediaTypes == ["image/png", "application/octet-stream"])
        #expect(service.provider.apiGateway.minimumCompressionSize == 1024)
        #expect(
            service.routes.map { "\($0.method) \($0.path)" } == [
                "ANY /{proxy+}", "GET /products/{productId}", "GET /products", "OPTIONS /products", "GET /",
            ]
        )
        #expect(service.routes.last?.urlPath(in: service.apiPaths) == "/dev")
        guard case .http(let get)? = service.function(named: "getProduct")?.events.first else {
            Issue.record("getProduct has no http event")
            return
        }
        #expect(get.cors?.origins == ["https://shop.example.com", "https://admin.example.com"])
        #expect(get.cors?.maxAge == 600)
        #expect(get.requestParameters.paths == ["productId": true])
        #expect(get.requestParameters.queryStrings == ["locale": false, "currency": true])
        #expect(get.requestParameters.headers == ["X-Request-Id": false])
        #expect(get.timeoutInMillis == 10_000)
        guard case .http(let search)? = service.function(named: "search")?.events.first else { return }
        #expect(search.isPrivate)
        guard case .schedule(let schedule)? = service.function(named: "root")?.events.last else {
            Issue.record("the schedule event was not kept")
            return
        }
        #expect(schedule.expressions.map(\.description) == ["rate(5 minutes)"] && schedule.enabled)
        #expect(service.resources.outputs.first?.description == "The API's URL")
    }
}
