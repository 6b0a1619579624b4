import Testing

@testable import ServerlessConfig

@Suite("the framework's generated names")
struct FrameworkNamesTests {
    @Test("an ASCII path part is named in one pass exactly as the general rule names it")
    func asciiPathPartsMatchTheGeneralRule() {
        let parts = [
            "users", "Users", "USERS", "{id}", "{ID}", "{proxy+}", "user-id", "{user-id}", "-", "--x", "a_b.c~d", "v1", "1v", "{", "}", "{}",
            "{{x}}", "x}", "{x", "", "ÄpI", "İd", "%20", "a-{b}-c",
        ]
        for part in parts {
            #expect(FrameworkNames.pathPart(Substring(part)) == FrameworkNames.unicodePathPart(Substring(part)), "\(part)")
        }
        #expect(FrameworkNames.restResourceLogicalIDs(path: "users/{id}") == ["ApiGatewayResourceUsers", "ApiGatewayResourceUsersIdVar"])
    }
}
