import ServerlessConfig
import Testing

@Suite("the seed serverless.yml at the repository root")
struct SeedConfigTests {
    let loaded: ConfigLoader.Loaded

    init() throws {
        loaded = try ConfigLoader.load(path: Fixture.repositoryRoot + "/serverless.yml")
    }

    @Test("loads without warnings, with the tutorial's service, stage and provider")
    func service() {
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.service.name == "serverless-cognito-auth")
        #expect(loaded.service.stage == "dev")
        #expect(loaded.service.region == "us-east-1")
        #expect(loaded.service.provider.runtime == "provided.al2023")
    }

    @Test("the environment refers to the pool and client")
    func environment() {
        let environment = loaded.service.provider.environment
        #expect(environment.map(\.name) == ["user_pool_id", "client_id"])
        #expect(environment.map(\.value) == [.ref("UserPool"), .ref("UserClient")])
    }

    @Test("the role allows the three admin operations the handlers call")
    func iam() {
        let statements = loaded.service.provider.iamStatements
        #expect(statements.count == 1)
        #expect(statements[0].effect == .allow)
        #expect(statements[0].actions == ["cognito-idp:AdminInitiateAuth", "cognito-idp:AdminCreateUser", "cognito-idp:AdminSetUserPassword"])
        #expect(statements[0].resources == [.string("*")])
    }

    @Test("three POST routes with CORS; the private one behind the pool's Cognito authorizer")
    func routes() throws {
        let routes = loaded.service.routes
        #expect(
            routes.map { "\($0.method) \($0.urlPath(in: APIPaths(rest: "/dev", http: ""))) \($0.functionKey)" } == [
                "POST /dev/user/login loginUser", "POST /dev/user/signup signupUser", "POST /dev/user/private privateAPI",
            ]
        )
        #expect(routes.map(\.authorizer) == [nil, nil, "COGNITO_USER_POOLS"])
        guard case .http(let event) = try #require(loaded.service.function(named: "privateAPI")?.events.first) else {
            Issue.record("privateAPI has no http event")
            return
        }
        #expect(event.cors == .enabled(method: "post"))
        let authorizer = try #require(event.authorizer)
        #expect(authorizer.name == "PrivateAuthorizer")
        #expect(authorizer.claims == ["email"])
        #expect(authorizer.identitySource == "method.request.header.Authorization")
        guard case .cognitoUserPools(let arn) = authorizer.kind else {
            Issue.record("expected a Cognito authorizer, got \(authorizer.kind)")
            return
        }
        #expect(arn == .getAtt("UserPool", "Arn"))
    }

    @Test("functions take Lambda's defaults and Serverless's generated names")
    func functions() throws {
        let signup = try #require(loaded.service.function(named: "signupUser"))
        #expect(signup.handler == "user/signup.handler")
        #expect(signup.name == "serverless-cognito-auth-dev-signupUser")
        #expect(signup.timeout == 6)
        #expect(signup.memorySize == 1024)
        #expect(signup.logicalID == "SignupUserLambdaFunction")
        #expect(Function.normalizedName("my-fn_v2") == "MyDashfnUnderscorev2")
        #expect(Function.normalizedName("ßig") == "SSig")
    }

    @Test("the pool and client keep their properties, typed")
    func resources() throws {
        let pool = try #require(loaded.service.resources["UserPool"])
        #expect(pool.type == "AWS::Cognito::UserPool")
        #expect(pool.properties["UserPoolName"] == .string("serverless-auth-pool"))
        #expect(pool.properties["Policies"]?["PasswordPolicy"]?["MinimumLength"] == .int(6))
        #expect(pool.properties["AutoVerifiedAttributes"] == .list([.string("email")]))
        let client = try #require(loaded.service.resources["UserClient"])
        #expect(client.properties["UserPoolId"] == .ref("UserPool"))
        #expect(client.properties["GenerateSecret"] == .bool(false))
        #expect(client.properties["ExplicitAuthFlows"] == .list([.string("ADMIN_NO_SRP_AUTH")]))
        #expect(loaded.service.resources.resources.filter(\.isCognito).count == 2)
    }

    @Test("--stage and --region override the provider's")
    func overrides() throws {
        let prod = try ConfigLoader.load(
            path: Fixture.repositoryRoot + "/serverless.yml",
            options: LoadOptions(stage: "prod", region: "eu-central-1")
        )
        #expect(prod.service.stage == "prod")
        #expect(prod.service.region == "eu-central-1")
        #expect(prod.service.routes.first?.urlPath(in: prod.service.apiPaths) == "/prod/user/login")
    }
}
