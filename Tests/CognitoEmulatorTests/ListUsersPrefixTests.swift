import CognitoEmulator
import CognitoShapes
import Testing

@Suite("ListUsers prefix filters")
struct ListUsersPrefixTests {
    @Test("username ^= is case-insensitive, reads its wildcards as text and pages in username order")
    func usernamePrefix() async throws {
        let (service, configuration) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let poolID = configuration.poolID(forLogicalID: "UserPool")
        for name in ["Alice", "alan", "al_x", "alpha", "bob", "ALBERT", "xal"] {
            let email = [AttributeType(Name: "email", Value: "\(name)@example.com")]
            _ = try await service.adminCreateUser(
                AdminCreateUserRequest(UserPoolId: poolID, Username: name, UserAttributes: email, MessageAction: "SUPPRESS")
            )
        }
        var names: [String] = []
        var token: String?
        repeat {
            let page = try await service.listUsers(
                ListUsersRequest(UserPoolId: poolID, Filter: #"username ^= "aL""#, Limit: 2, PaginationToken: token)
            )
            names += page.Users.map(\.Username)
            token = page.PaginationToken
        } while token != nil
        #expect(names == ["ALBERT", "Alice", "al_x", "alan", "alpha"])
        let underscore = try await service.listUsers(ListUsersRequest(UserPoolId: poolID, Filter: #"username ^= "al_""#))
        #expect(underscore.Users.map(\.Username) == ["al_x"])
    }
}
