import EmulatorCore
import Testing

@Suite("IAM conditions on hostile values")
struct HostileConditionTests {
    @Test("an empty address block, a bad prefix length and dates past Int evaluate without a crash")
    func hostileConditionValues() throws {
        let json = """
            {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {
              "IpAddress": {"aws:PrincipalArn": ["", "/", "1.2.3.4/99"]},
              "DateLessThan": {"aws:CurrentTime": "999999999999999999-99-99T99:99:99Z"}}}}
            """
        let policy = try IAMPolicy(document: try #require(JSONValue.parse(Array(json.utf8))))
        let context = IAMContext(["aws:PrincipalArn": ["arn:aws:iam::1:role/r"], "aws:CurrentTime": ["2026-12-01"]])
        #expect(policy.evaluate(IAMRequest(action: "x:Y", resource: "*", context: context)) == .implicitlyDenied)
    }
}
