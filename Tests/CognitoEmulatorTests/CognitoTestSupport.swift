import CognitoEmulator
import Provisioning
import ServerlessConfig

/// Builds an in-memory Cognito service from a serverless.yml text.
enum CognitoTestSupport {
    static func service(_ yaml: String) async throws -> (CognitoService, CognitoConfiguration) {
        let loaded = try ConfigLoader.load(yaml: yaml, path: "test.yml")
        let result = StackProvisioner().provision(loaded.service, endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229))
        precondition(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let service = try await CognitoService(configuration: result.stack.cognito, store: try CognitoStore(path: nil))
        return (service, result.stack.cognito)
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
