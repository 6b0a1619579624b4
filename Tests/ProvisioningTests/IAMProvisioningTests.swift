import EmulatorCore
import Foundation
import IdentityEmulator
import Provisioning
import ServerlessConfig
import Testing

@Suite("IAM roles, policies and identity pools from serverless.yml")
struct IAMProvisioningTests {
    static let yaml = """
        service: roles
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: cognito-idp:ListUsers
                  Resource: !GetAtt UserPool.Arn
                  Condition: { StringEquals: { "aws:PrincipalTag/team": red } }
        functions:
          hello: { handler: h }
          reader: { handler: h, role: Reader }
        resources:
          Resources:
            UserPool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }
            Reader:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement: [{ Effect: Allow, Principal: { Federated: cognito-identity.amazonaws.com }, Action: sts:AssumeRoleWithWebIdentity }]
                MaxSessionDuration: 7200
            ReadUsers:
              Type: AWS::IAM::Policy
              Properties:
                PolicyName: read-users
                Roles: [!Ref Reader]
                PolicyDocument: { Statement: [{ Effect: Allow, Action: "cognito-idp:List*", Resource: "*" }] }
            Identities:
              Type: AWS::Cognito::IdentityPool
              Properties: { AllowUnauthenticatedIdentities: false }
            Attachment:
              Type: AWS::Cognito::IdentityPoolRoleAttachment
              Properties: { IdentityPoolId: !Ref Identities, Roles: { authenticated: !GetAtt Reader.Arn } }
        """

    static func provision(_ yaml: String = yaml) throws -> StackProvisioner.Result {
        StackProvisioner().provision(
            try ConfigLoader.load(yaml: yaml, path: "serverless.yml").service,
            endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229)
        )
    }

    @Test("a role gets its trust policy and the policies attached to it; the functions' role keeps its statements' conditions")
    func rolesAndPolicies() throws {
        let result = try Self.provision()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let reader = try #require(result.stack.roles.first { $0.arn == result.stack.resources["Reader"]?.attributes["Arn"] })
        #expect(reader.name.hasPrefix("roles-dev-Reader-") && reader.maxSessionDuration == 7200)
        #expect(reader.trust.allows("sts:AssumeRoleWithWebIdentity", by: .federated("cognito-identity.amazonaws.com"), context: IAMContext()))
        #expect(reader.permissions.evaluate(action: "cognito-idp:ListGroups", resource: "*") == .allowed)
        let function = try #require(result.stack.function("hello"))
        let pool = try #require(result.stack.resources["UserPool"]?.attributes["Arn"])
        #expect(function.policy.evaluate(action: "cognito-idp:ListUsers", resource: pool) == .implicitlyDenied)
        let red = IAMRequest(action: "cognito-idp:ListUsers", resource: pool, context: IAMContext(["aws:PrincipalTag/team": ["red"]]))
        #expect(function.policy.evaluate(red) == .allowed)
        #expect(result.stack.roles.contains { $0.arn == function.roleARN.description })
        let own = try #require(result.stack.function("reader"))
        #expect(own.roleARN.description == reader.arn && own.principal.description.hasSuffix("assumed-role/\(reader.name)/roles-dev-reader"))
        #expect(own.policy.evaluate(action: "cognito-idp:ListGroups", resource: "*") == .allowed)
    }

    @Test("an identity pool's ID is stable for the stack and logical ID, and its attachment gives it roles")
    func identityPools() throws {
        let first = try Self.provision().stack
        let second = try Self.provision().stack
        let pool = try #require(first.identityPools.first)
        #expect(pool.id == second.identityPools.first?.id && pool.id.hasPrefix("us-east-1:") && pool.id.count == "us-east-1:".count + 36)
        #expect(first.resources["Identities"]?.physicalID == pool.id)
        #expect(pool.roles?["authenticated"]?.stringValue == first.resources["Reader"]?.attributes["Arn"])
    }

    @Test("a policy IAM would refuse is an error at its resource; an attachment naming no pool of the service too")
    func refusedPolicies() throws {
        let yaml = Self.yaml.replacingOccurrences(
            of: "Action: \"cognito-idp:List*\"",
            with: "Action: \"cognito-idp:List*\", Condition: { StringLikeish: { a: b } }"
        )
        .replacingOccurrences(of: "IdentityPoolId: !Ref Identities", with: "IdentityPoolId: us-east-1:nope")
        let messages = try Self.provision(yaml).diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains("AWS::IAM::Policy 'ReadUsers': statement 1: unknown condition operator 'StringLikeish'"))
        #expect(
            messages.contains(
                "AWS::Cognito::IdentityPoolRoleAttachment 'Attachment' needs IdentityPoolId: { Ref: <an identity pool of this service> }"
            )
        )
    }
}

@Suite("managed policies of the stack")
struct ManagedPolicyProvisioningTests {
    @Test("a role listing the stack's own managed policy in ManagedPolicyArns gets its permissions")
    func ownManagedPolicy() throws {
        let yaml = """
            service: managed
            provider: { name: aws }
            functions:
              hello: { handler: h }
            resources:
              Resources:
                ReadPolicy:
                  Type: AWS::IAM::ManagedPolicy
                  Properties:
                    ManagedPolicyName: read
                    PolicyDocument: { Statement: [{ Effect: Allow, Action: "cognito-idp:Describe*", Resource: "*" }] }
                Reader:
                  Type: AWS::IAM::Role
                  Properties:
                    RoleName: reader
                    AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
                    ManagedPolicyArns: [!Ref ReadPolicy]
            """
        let result = StackProvisioner().provision(
            try ConfigLoader.load(yaml: yaml, path: "serverless.yml").service,
            endpoints: ServiceEndpoints(host: "127.0.0.1", apiPort: 3000, cognitoPort: 9229)
        )
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let reader = try #require(result.stack.roles.first { $0.name == "reader" })
        #expect(reader.permissions.evaluate(action: "cognito-idp:DescribeUserPool", resource: "*") == .allowed)
        #expect(reader.permissions.evaluate(action: "cognito-idp:DeleteUserPool", resource: "*") == .implicitlyDenied)
    }
}
