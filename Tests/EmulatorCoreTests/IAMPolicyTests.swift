import EmulatorCore
import Testing

@Suite("IAM policy evaluation")
struct IAMPolicyTests {
    static func policy(_ json: String) throws -> IAMPolicy {
        try IAMPolicy(document: try #require(JSONValue.parse(Array(json.utf8))))
    }

    @Test("an explicit deny wins over an allow; nothing matching is an implicit deny")
    func explicitDenyWins() throws {
        let policy = try Self.policy(
            """
            {"Statement": [{"Effect": "Allow", "Action": "cognito-idp:*", "Resource": "*"},
                           {"Effect": "Deny", "Action": "cognito-idp:AdminDelete*", "Resource": "arn:aws:cognito-idp:*:*:userpool/us-east-1_A*"}]}
            """
        )
        #expect(policy.evaluate(action: "cognito-idp:AdminCreateUser", resource: "arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_A") == .allowed)
        #expect(
            policy.evaluate(action: "cognito-idp:AdminDeleteUser", resource: "arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_A")
                == .explicitlyDenied
        )
        #expect(policy.evaluate(action: "cognito-idp:AdminDeleteUser", resource: "arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_B") == .allowed)
        #expect(policy.evaluate(action: "sts:AssumeRole", resource: "*") == .implicitlyDenied)
    }

    @Test("NotAction and NotResource exclude what they name")
    func notActionAndNotResource() throws {
        let policy = try Self.policy(
            #"{"Statement": {"Effect": "Allow", "NotAction": ["iam:*", "sts:*"], "NotResource": "arn:aws:s3:::secret*"}}"#
        )
        #expect(policy.evaluate(action: "cognito-idp:ListUsers", resource: "arn:aws:cognito-idp:us-east-1:1:userpool/p") == .allowed)
        #expect(policy.evaluate(action: "IAM:CreateUser", resource: "*") == .implicitlyDenied)
        #expect(policy.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::secret-bucket") == .implicitlyDenied)
    }

    @Test("policy variables fill resources from the request's context; a missing key matches nothing")
    func policyVariables() throws {
        let policy = try Self.policy(
            """
            {"Statement": {"Effect": "Allow", "Action": "execute-api:Invoke",
              "Resource": "arn:aws:execute-api:us-east-1:1:api/dev/GET/users/${cognito-identity.amazonaws.com:sub}"}}
            """
        )
        let mine = IAMRequest(
            action: "execute-api:Invoke",
            resource: "arn:aws:execute-api:us-east-1:1:api/dev/GET/users/us-east-1:abc",
            context: IAMContext(["cognito-identity.amazonaws.com:sub": ["us-east-1:abc"]])
        )
        #expect(policy.evaluate(mine) == .allowed)
        var theirs = mine
        theirs.resource = "arn:aws:execute-api:us-east-1:1:api/dev/GET/users/us-east-1:xyz"
        #expect(policy.evaluate(theirs) == .implicitlyDenied)
        #expect(policy.evaluate(action: mine.action, resource: mine.resource) == .implicitlyDenied)
        #expect(IAMContext().substitutingVariables(in: "a/${aws:username, 'nobody'}/${*}") == "a/nobody/*")
    }

    @Test("conditions: string, ARN, Bool, numeric, date, IP, Null, IfExists, set operators; keys read case-insensitively")
    func conditions() throws {
        func holds(_ condition: String, _ context: [String: [String]]) throws -> Bool {
            let policy = try Self.policy(#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": \#(condition)}}"#)
            return policy.evaluate(IAMRequest(action: "x:Y", resource: "*", context: IAMContext(context))) == .allowed
        }
        #expect(try holds(#"{"StringEquals": {"aws:PrincipalTag/team": ["red", "blue"]}}"#, ["aws:principaltag/team": ["blue"]]))
        #expect(try !holds(#"{"StringEquals": {"aws:PrincipalTag/team": "red"}}"#, [:]))
        #expect(try holds(#"{"StringNotEquals": {"aws:PrincipalTag/team": "red"}}"#, [:]))
        #expect(try holds(#"{"StringEqualsIfExists": {"aws:PrincipalTag/team": "red"}}"#, [:]))
        #expect(try holds(#"{"StringLike": {"aws:username": "dev-*"}}"#, ["aws:username": ["dev-ann"]]))
        #expect(
            try holds(
                #"{"ArnLike": {"aws:SourceArn": "arn:aws:lambda:*:*:function:svc-*"}}"#,
                ["aws:SourceArn": ["arn:aws:lambda:us-east-1:1:function:svc-a"]]
            )
        )
        #expect(try holds(#"{"Bool": {"aws:SecureTransport": "false"}}"#, ["aws:SecureTransport": ["false"]]))
        #expect(try holds(#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}"#, ["aws:MultiFactorAuthAge": ["60"]]))
        #expect(try holds(#"{"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}"#, ["aws:CurrentTime": ["2026-12-01T10:00:00Z"]]))
        #expect(try holds(#"{"IpAddress": {"aws:SourceIp": "127.0.0.0/8"}}"#, ["aws:SourceIp": ["127.0.0.1"]]))
        #expect(try !holds(#"{"NotIpAddress": {"aws:SourceIp": "127.0.0.0/8"}}"#, ["aws:SourceIp": ["127.0.0.1"]]))
        #expect(try holds(#"{"Null": {"aws:PrincipalTag/team": "true"}}"#, [:]))
        let amr = ["cognito-identity.amazonaws.com:amr": ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_A"]]
        #expect(try holds(#"{"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}"#, amr))
        #expect(try !holds(#"{"ForAllValues:StringEquals": {"cognito-identity.amazonaws.com:amr": "authenticated"}}"#, amr))
        #expect(try holds(#"{"ForAllValues:StringEquals": {"cognito-identity.amazonaws.com:amr": "authenticated"}}"#, [:]))
        #expect(try !holds(#"{"ForAnyValue:StringEquals": {"cognito-identity.amazonaws.com:amr": "authenticated"}}"#, [:]))
    }

    @Test("a condition operator IAM does not have is refused, naming it")
    func unknownOperatorRefused() {
        #expect(throws: IAMPolicyError("statement 1: unknown condition operator 'StringEqualz'")) {
            try Self.policy(#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEqualz": {"a": "b"}}}]}"#)
        }
        #expect(throws: IAMPolicyError("statement 1: unknown condition set operator 'ForSomeValues' (IAM has ForAnyValue and ForAllValues)")) {
            try Self.policy(
                #"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForSomeValues:StringLike": {"a": "b"}}}}"#
            )
        }
    }

    @Test("a trust policy names federated providers, services and the sessions of a role")
    func trustPolicy() throws {
        let trust = try TrustPolicy(
            document: try #require(
                JSONValue.parse(
                    Array(
                        """
                        {"Statement": [
                          {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity",
                           "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:pool"},
                                         "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}},
                          {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:role/ci"}, "Action": "sts:AssumeRole"}]}
                        """.utf8
                    )
                )
            )
        )
        let signedIn = IAMContext(["cognito-identity.amazonaws.com:aud": ["us-east-1:pool"], "cognito-identity.amazonaws.com:amr": ["authenticated"]])
        #expect(trust.allows("sts:AssumeRoleWithWebIdentity", by: .federated("cognito-identity.amazonaws.com"), context: signedIn))
        let guest = IAMContext(["cognito-identity.amazonaws.com:aud": ["us-east-1:pool"], "cognito-identity.amazonaws.com:amr": ["unauthenticated"]])
        #expect(!trust.allows("sts:AssumeRoleWithWebIdentity", by: .federated("cognito-identity.amazonaws.com"), context: guest))
        #expect(trust.allows("sts:AssumeRole", by: .aws(arn: "arn:aws:sts::1:assumed-role/ci/run-1", account: "1"), context: IAMContext()))
        #expect(!trust.allows("sts:AssumeRole", by: .aws(arn: "arn:aws:sts::1:assumed-role/other/run-1", account: "1"), context: IAMContext()))
    }
}
