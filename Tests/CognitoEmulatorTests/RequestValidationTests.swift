import EmulatorCore
import Testing

@testable import CognitoEmulator

@Suite("requests are checked against botocore's model before the service sees them")
struct RequestValidationTests {
    let validator = RequestValidator()

    private func message(_ json: String, _ operation: String) -> String? {
        guard let value = JSONValue.parse(Array(json.utf8), duplicateKeys: .lastWins) else { return "not JSON" }
        do {
            try validator.validate(value, operation: operation)
            return nil
        } catch {
            return "\(error.type): \(error.message)"
        }
    }

    @Test(
        "each constraint gets AWS's text",
        arguments: [
            (
                #"{}"#, "AdminGetUser",
                "InvalidParameterException: 2 validation errors detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null"
            ),
            (
                #"{"UserPoolId": "bad pool", "Username": "a"}"#, "AdminGetUser",
                "InvalidParameterException: 1 validation error detected: Value 'bad pool' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"
            ),
            (
                #"{"MaxResults": 0}"#, "ListUserPools",
                "InvalidParameterException: 1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
            ),
            (
                #"{"PoolName": "p", "MfaConfiguration": "MAYBE"}"#, "CreateUserPool",
                "InvalidParameterException: 1 validation error detected: Value 'MAYBE' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]"
            ),
            (
                #"{"PoolName": "p", "Schema": [{"Name": "abcdefghijklmnopqrstu"}]}"#, "CreateUserPool",
                "InvalidParameterException: 1 validation error detected: Value 'abcdefghijklmnopqrstu' at 'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 20"
            ),
            (#"{"MaxResults": "ten"}"#, "ListUserPools", "SerializationException: STRING_VALUE can not be converted to an Integer"),
            (#"{"PoolName": {"a": 1}}"#, "CreateUserPool", "SerializationException: Start of structure or map found where not expected."),
        ] as [(String, String, String)]
    )
    func constraintTexts(json: String, operation: String, expected: String) {
        #expect(message(json, operation) == expected)
    }

    @Test("a valid request passes; unknown members and nulls are ignored, as AWS ignores them")
    func validRequests() {
        #expect(message(#"{"UserPoolId": "us-east-1_abc", "Username": "ann", "Whatever": 7, "ClientMetadata": null}"#, "AdminGetUser") == nil)
        #expect(message(#"{"MaxResults": 60}"#, "ListUserPools") == nil)
    }

    @Test("every pattern of the model compiles, so none is silently skipped but the lookbehind Swift cannot express")
    func patternsCompile() {
        let unsupported = CognitoModel.shared.patterns.values.filter { !$0.isSupported }.map(\.source)
        #expect(unsupported.allSatisfy { $0.contains("(?<") }, "\(unsupported)")
        #expect(unsupported.count <= 1)
    }

    @Test("a repeated key keeps its last value")
    func duplicateKeys() {
        #expect(
            JSONValue.parse(Array(#"{"a": 1, "b": 2, "a": 3}"#.utf8), duplicateKeys: .lastWins)
                == .object([.init("a", .int(3)), .init("b", .int(2))])
        )
        #expect(JSONValue.parse(Array(#"{"a": 1, "a": 3}"#.utf8)) == nil)
    }

    @Test("the operation table and the model agree on names; the dispatcher serves the table")
    func tableMatchesModel() {
        let model = Set(CognitoModel.shared.operationNames)
        let served = Set(CognitoOperations.byName.keys)
        #expect(model.count == 122)
        #expect(served.isSubset(of: model), "\(served.subtracting(model))")
        #expect(Set(CognitoJSONDispatcher.operationNames) == served)
    }

    @Test("user-given text in logs cannot forge a line")
    func logEscaping() {
        #expect(LogText.escaped("ann") == "ann")
        #expect(LogText.escaped("ann\nINFO forged") == "ann\\nINFO forged")
        #expect(LogText.escaped("a\u{0}b\u{2028}c\\") == "a\\u0000b\\u2028c\\\\")
    }
}
