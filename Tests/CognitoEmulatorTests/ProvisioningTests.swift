import CognitoEmulator
import Foundation
import Testing

@Suite("provisioning Cognito resources with AWS's defaults")
struct ProvisioningTests {
    @Test("the seed pool and client: policy, validity in hours, legacy flows allow SRP and refresh too")
    func seed() async throws {
        let (service, configuration) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let pool = try #require(configuration.pools.first)
        #expect(pool.passwordPolicy.MinimumLength == 6)
        #expect(!pool.passwordPolicy.RequireUppercase && !pool.passwordPolicy.RequireSymbols)
        #expect(pool.schema.first { $0.Name == "email" }?.Required == true)
        let client = try #require(configuration.clients.first)
        #expect(client.accessTokenValiditySeconds == 5 * 3600)
        #expect(client.refreshTokenValiditySeconds == 30 * 86_400)
        #expect(client.allows("ADMIN_NO_SRP_AUTH") && client.allows("ADMIN_USER_PASSWORD_AUTH"))
        #expect(client.allows("REFRESH_TOKEN_AUTH") && client.allows("USER_SRP_AUTH"))
        #expect(!client.allows("USER_PASSWORD_AUTH"))
        #expect(service.livePools.count == 1)
    }

    @Test("IDs are stable for the same service, stage and logical ID, and differ otherwise")
    func stableIDs() {
        let dev = CognitoConfiguration(service: "svc", stage: "dev", region: "eu-west-1", accountID: "0")
        let prod = CognitoConfiguration(service: "svc", stage: "prod", region: "eu-west-1", accountID: "0")
        let id = dev.poolID(forLogicalID: "UserPool")
        #expect(id == dev.poolID(forLogicalID: "UserPool"))
        #expect(id != prod.poolID(forLogicalID: "UserPool"))
        #expect(id.hasPrefix("eu-west-1_") && id.count == "eu-west-1_".count + 9)
        #expect(id.dropFirst("eu-west-1_".count).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        let client = dev.clientID(forLogicalID: "UserClient")
        #expect(client.count == 26 && client.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) })
    }

    @Test("a pool with no policy gets Cognito's default: 8 characters, all four classes")
    func defaultPolicy() {
        #expect(PasswordPolicy.cognitoDefault.MinimumLength == 8)
        #expect(PasswordPolicy.cognitoDefault.RequireSymbols && PasswordPolicy.cognitoDefault.RequireNumbers)
    }

    @Test("a client with no ExplicitAuthFlows allows SRP, custom and refresh only")
    func defaultFlows() async throws {
        let yaml = CognitoTestSupport.seedLike.replacingOccurrences(of: "ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH]", with: "GenerateSecret: false")
        let (_, configuration) = try await CognitoTestSupport.service(yaml)
        let client = try #require(configuration.clients.first)
        #expect(client.explicitAuthFlows == ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
        #expect(!client.allows("ADMIN_USER_PASSWORD_AUTH") && !client.allows("USER_PASSWORD_AUTH"))
    }
}
