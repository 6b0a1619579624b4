import EmulatorCore
import Testing

@testable import IdentityEmulator

@Suite("identity pools' role choice and session tokens")
struct RoleResolutionTests {
    static let roles = JSONValue.object([
        .init("authenticated", .string("arn:aws:iam::1:role/auth")), .init("unauthenticated", .string("arn:aws:iam::1:role/guest")),
    ])

    static func mappings(_ mapping: String) -> JSONValue {
        .object([.init("p:client", JSONValue.parse(Array(mapping.utf8))!)])
    }

    static func login(_ claims: String) -> RoleResolution.Login {
        .init(provider: "p", mappingKey: "p:client", claims: JSONValue.parse(Array(claims.utf8))!)
    }

    @Test("a Token mapping takes CustomRoleArn when the token has it, else cognito:preferred_role")
    func tokenMapping() throws {
        let mappings = Self.mappings(#"{"Type": "Token", "AmbiguousRoleResolution": "Deny"}"#)
        let login = Self.login(
            #"{"cognito:roles": ["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"], "cognito:preferred_role": "arn:aws:iam::1:role/a"}"#
        )
        #expect(try RoleResolution.role(roles: Self.roles, mappings: mappings, logins: [login], customRoleARN: nil).get() == "arn:aws:iam::1:role/a")
        #expect(
            try RoleResolution.role(roles: Self.roles, mappings: mappings, logins: [login], customRoleARN: "arn:aws:iam::1:role/b").get()
                == "arn:aws:iam::1:role/b"
        )
        let ambiguous = Self.login(#"{"cognito:roles": ["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"]}"#)
        #expect(throws: IdentityError.invalidConfiguration("Ambiguous role mapping rules for: p:client")) {
            try RoleResolution.role(roles: Self.roles, mappings: mappings, logins: [ambiguous], customRoleARN: nil).get()
        }
    }

    @Test("a Rules mapping takes the first matching rule, else the authenticated role when it says so; guests get the unauthenticated role")
    func rulesMapping() throws {
        let mappings = Self.mappings(
            """
            {"Type": "Rules", "AmbiguousRoleResolution": "AuthenticatedRole", "RulesConfiguration": {"Rules": [
              {"Claim": "custom:dept", "MatchType": "StartsWith", "Value": "eng", "RoleARN": "arn:aws:iam::1:role/eng"},
              {"Claim": "email", "MatchType": "Contains", "Value": "@example.com", "RoleARN": "arn:aws:iam::1:role/staff"}]}}
            """
        )
        #expect(
            try RoleResolution.role(
                roles: Self.roles,
                mappings: mappings,
                logins: [Self.login(#"{"custom:dept": "engineering"}"#)],
                customRoleARN: nil
            )
            .get() == "arn:aws:iam::1:role/eng"
        )
        #expect(
            try RoleResolution.role(roles: Self.roles, mappings: mappings, logins: [Self.login(#"{"email": "a@example.com"}"#)], customRoleARN: nil)
                .get() == "arn:aws:iam::1:role/staff"
        )
        #expect(
            try RoleResolution.role(roles: Self.roles, mappings: mappings, logins: [Self.login(#"{"email": "a@other.org"}"#)], customRoleARN: nil)
                .get() == "arn:aws:iam::1:role/auth"
        )
        #expect(try RoleResolution.role(roles: Self.roles, mappings: nil, logins: [], customRoleARN: nil).get() == "arn:aws:iam::1:role/guest")
    }

    @Test("a session token verifies only under the emulator's key and unchanged")
    func sessionTokens() throws {
        let key = Array("0123456789abcdef0123456789abcdef".utf8)
        let token = SessionToken(
            accessKeyID: "ASIAEXAMPLE",
            roleARN: "arn:aws:iam::1:role/r",
            sessionName: "s",
            expires: 100,
            context: ["aws:PrincipalTag/team": ["red"]],
            identity: .init(
                identityID: "us-east-1:i",
                identityPoolID: "us-east-1:p",
                authenticationType: "authenticated",
                authenticationProvider: nil
            )
        )
        let text = token.encoded(key: key)
        #expect(SessionToken(text, key: key) == token)
        #expect(SessionToken(text, key: Array("another key, another emulator...".utf8)) == nil)
        var bytes = Array(text.utf8)
        bytes[SessionToken.prefix.utf8.count + 3] ^= 1
        #expect(SessionToken(String(decoding: bytes, as: UTF8.self), key: key) == nil)
    }
}
