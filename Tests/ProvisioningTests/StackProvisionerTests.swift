import APIGatewayEmulator
import EmulatorServer
import Foundation
import LambdaEmulator
import Logging
import Provisioning
import ServerlessConfig
import Testing
import YAML

/// A resource type only these tests know: its `Ref` is `widget-<logical ID>`, `Fn::GetAtt … Color` its `Color`
/// property, and every widget is counted in the stack.
struct WidgetProvisioner: ResourceProvisioner {
    let resourceType = "Test::Widget::Widget"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: "widget-\(resource.logicalID)"))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource) else { return }
        guard let color = properties["Color"]?.stringValue else {
            context.diagnostics.error("Test::Widget::Widget '\(resource.logicalID)' needs Color", at: resource.mark)
            return
        }
        context.register(
            resource.logicalID,
            ProvisionedResource(type: resourceType, physicalID: "widget-\(resource.logicalID)", attributes: ["Color": color])
        )
    }
}

@Suite("the provisioning stage")
struct StackProvisionerTests {
    static let yaml = """
        service: widgets
        provider:
          name: aws
          environment:
            WIDGET: !Ref Paint
            COLOR: !GetAtt Paint.Color
            POOL: !Ref UserPool
        functions:
          hello: { handler: emulate/echo.handler, events: [{ http: { path: hello, method: get } }] }
        resources:
          Resources:
            Paint:
              Type: Test::Widget::Widget
              Properties: { Color: !Sub '${AWS::Region}-blue' }
            UserPool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: widgets } }
        """

    static let endpoints = ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229)

    static func service(_ yaml: String = yaml) throws -> ServerlessService {
        try ConfigLoader.load(yaml: yaml, path: "serverless.yml").service
    }

    @Test("a new resource type is provisioned by adding one provisioner: Ref and Fn::GetAtt reach a function's environment")
    func addedProvisioner() throws {
        let provisioner = StackProvisioner(provisioners: StackProvisioner.standard + [WidgetProvisioner()])
        let result = provisioner.provision(try Self.service(), endpoints: Self.endpoints)
        #expect(result.diagnostics.isEmpty)
        #expect(
            result.stack.resources["Paint"]
                == ProvisionedResource(type: "Test::Widget::Widget", physicalID: "widget-Paint", attributes: ["Color": "us-east-1-blue"])
        )
        let hello = try #require(result.stack.function("hello"))
        #expect(hello.environment["WIDGET"] == "widget-Paint")
        #expect(hello.environment["COLOR"] == "us-east-1-blue")
        #expect(hello.environment["POOL"] == result.stack.resources["UserPool"]?.physicalID)
    }

    @Test("without its provisioner, a resource stands in with a stable name and an ARN; an attribute it lacks warns at the variable")
    func missingProvisioner() throws {
        let result = StackProvisioner().provision(try Self.service(), endpoints: Self.endpoints)
        #expect(!result.hasErrors)
        let paint = try #require(result.stack.resources["Paint"])
        #expect(
            paint.physicalID.hasPrefix("widgets-dev-Paint-")
                && paint.attributes["Arn"] == "arn:aws:widget:us-east-1:000000000000:widget/\(paint.physicalID)"
        )
        #expect(result.stack.function("hello")?.environment["WIDGET"] == paint.physicalID)
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("environment variable 'COLOR' of function 'hello'") })
    }

    @Test("a provisioner's errors stop the emulator from starting, positioned at the resource")
    func provisionerErrors() async throws {
        let yaml = Self.yaml.replacingOccurrences(of: "Properties: { Color: !Sub '${AWS::Region}-blue' }", with: "Properties: { Shade: dark }")
        var options = EmulatorOptions()
        options.inMemory = true
        options.allowMissingHandlers = true
        do {
            _ = try await Emulator.prepare(
                source: .text(yaml, path: "serverless.yml"),
                options: options,
                provisioner: StackProvisioner(provisioners: StackProvisioner.standard + [WidgetProvisioner()]),
                logger: Logger(label: "test")
            )
            Issue.record("prepared a stack with an invalid widget")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.message) == ["Test::Widget::Widget 'Paint' needs Color"])
            #expect(error.diagnostics.first?.mark.line == 12)
        }
    }

    @Test("the stack names every resource by ARN, the functions their role and principal, the endpoints their pool")
    func stackValues() throws {
        let yaml = """
            service: seedlike
            provider: { name: aws, region: eu-west-1 }
            functions:
              private:
                handler: h
                events: [{ http: { path: p, method: post, authorizer: { type: COGNITO_USER_POOLS, arn: !GetAtt UserPool.Arn } } }]
            resources:
              Resources:
                UserPool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }
            """
        let stack = StackProvisioner().provision(
            try Self.service(yaml),
            endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 1234, cognitoPort: 5678)
        ).stack
        let pool = try #require(stack.resources["UserPool"])
        #expect(pool.attributes["Arn"] == "arn:aws:cognito-idp:eu-west-1:000000000000:userpool/\(pool.physicalID)")
        #expect(pool.attributes["ProviderURL"] == "http://127.0.0.1:5678/\(pool.physicalID)")
        let function = try #require(stack.function("private"))
        #expect(function.arn.description == "arn:aws:lambda:eu-west-1:000000000000:function:seedlike-dev-private")
        #expect(function.roleARN.description == "arn:aws:iam::000000000000:role/seedlike-dev-eu-west-1-lambdaRole")
        #expect(function.principal.description == "arn:aws:sts::000000000000:assumed-role/seedlike-dev-eu-west-1-lambdaRole/seedlike-dev-private")
        #expect(stack.resources["PrivateLambdaFunction"]?.physicalID == "seedlike-dev-private")
        let endpoint = try #require(stack.gateway.endpoints.first)
        guard case .cognito(poolID: let poolID, headerName: let header, scopes: let scopes) = endpoint.authorizer else {
            Issue.record("expected a Cognito authorizer, got \(endpoint.authorizer)")
            return
        }
        #expect(poolID == pool.physicalID && header == "Authorization" && scopes.isEmpty)
    }
}
