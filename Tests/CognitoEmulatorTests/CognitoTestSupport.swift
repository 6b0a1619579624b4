import CognitoEmulator
import ServerlessConfig

/// Builds an in-memory Cognito service from a serverless.yml text.
enum CognitoTestSupport {
    static func service(_ yaml: String) async throws -> (CognitoService, CognitoConfiguration) {
        let loaded = try ConfigLoader.load(yaml: yaml, path: "test.yml")
        var resolver = IntrinsicResolver(region: "us-east-1", accountID: "000000000000", stackName: "test-dev")
        let result = CognitoProvisioner().provision(loaded.service, resolver: &resolver, issuerBase: "http://127.0.0.1:9229")
        precondition(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let service = try await CognitoService(configuration: result.configuration, store: try CognitoStore(path: nil))
        return (service, result.configuration)
    }

    static let seedLike = """
        service: test
        provider: { name: aws }
        resources:
          Resources:
            UserPool:
              Type: AWS::Cognito::UserPool
              Properties:
                UserPoolName: pool
                Schema: [{ Name: email, Required: true, Mutable: true }]
                Policies: { PasswordPolicy: { MinimumLength: 6 } }
                AutoVerifiedAttributes: [email]
            UserClient:
              Type: AWS::Cognito::UserPoolClient
              Properties:
                UserPoolId: { Ref: UserPool }
                AccessTokenValidity: 5
                IdTokenValidity: 5
                ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH]
        """
}
