import CognitoEmulator
import CognitoShapes
import EmulatorCore
import Testing

/// Operations sent at once keep Cognito's invariants (run under ThreadSanitizer by `make tsan-test`).
@Suite("parallel operations on one service")
struct ConcurrencyTests {
    static let rotating = """
        service: test
        provider: { name: aws }
        resources:
          Resources:
            UserPool:
              Type: AWS::Cognito::UserPool
              Properties:
                UserPoolName: pool
                Policies: { PasswordPolicy: { MinimumLength: 6 } }
            UserClient:
              Type: AWS::Cognito::UserPoolClient
              Properties:
                UserPoolId: { Ref: UserPool }
                ExplicitAuthFlows: [ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
                RefreshTokenRotation: { Feature: ENABLED, RetryGracePeriodSeconds: 10 }
        """

    /// Runs `count` copies of `body` at once; each answers "ok" or its error's type.
    static func outcomes(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async -> [String] {
        await withTaskGroup(of: String.self) { group in
            for index in 0..<count {
                group.addTask {
                    do {
                        try await body(index)
                        return "ok"
                    } catch let error as CognitoError {
                        return error.type
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
    }

    @Test("a hundred CreateUserPool calls at once make a hundred pools, each with its own ID")
    func parallelPoolCreation() async throws {
        let (service, _) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let ids = await withTaskGroup(of: String?.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let answer = try? await service.createUserPool(CreateUserPoolRequest([("PoolName", .string("parallel-\(index)"))]))
                    guard case .string(let id)? = answer?["UserPool"]?["Id"] else { return nil }
                    return id
                }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(ids.compactMap { $0 }.count == 100)
        #expect(Set(ids.compactMap { $0 }).count == 100)
        let listed = try await service.listUserPools(ListUserPoolsRequest(MaxResults: 60))
        var names = Set(listed.UserPools.map(\.Name))
        var next = listed.NextToken
        while let token = next {
            let page = try await service.listUserPools(ListUserPoolsRequest(MaxResults: 60, NextToken: token))
            names.formUnion(page.UserPools.map(\.Name))
            next = page.NextToken
        }
        #expect((0..<100).allSatisfy { names.contains("parallel-\($0)") })
    }

    @Test("a thousand sign-ups of distinct users at once all succeed; a hundred of one user let exactly one win")
    func parallelSignUps() async throws {
        let (service, configuration) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let clientID = configuration.clientID(forLogicalID: "UserClient")
        let signUp = { @Sendable (username: String) in
            _ = try await service.signUp(
                SignUpRequest(
                    ClientId: clientID,
                    Username: username,
                    Password: "secret1",
                    UserAttributes: [AttributeType(Name: "email", Value: username)]
                )
            )
        }
        let distinct = await Self.outcomes(1000) { try await signUp("user\($0)@example.com") }
        #expect(distinct.filter { $0 == "ok" }.count == 1000)
        let contested = await Self.outcomes(100) { _ in try await signUp("contested@example.com") }
        #expect(contested.filter { $0 == "ok" }.count == 1)
        #expect(contested.filter { $0 == "UsernameExistsException" }.count == 99)
    }

    @Test("fifty rotations of one refresh token at once all answer within the grace period; exactly one new token stays valid")
    func parallelRotations() async throws {
        let (service, configuration) = try await CognitoTestSupport.service(Self.rotating)
        let poolID = configuration.poolID(forLogicalID: "UserPool")
        let clientID = configuration.clientID(forLogicalID: "UserClient")
        _ = try await service.adminCreateUser(AdminCreateUserRequest(UserPoolId: poolID, Username: "rotor", MessageAction: "SUPPRESS"))
        _ = try await service.adminSetUserPassword(
            AdminSetUserPasswordRequest(UserPoolId: poolID, Username: "rotor", Password: "secret1", Permanent: true)
        )
        let signedIn = try await service.adminInitiateAuth(
            AdminInitiateAuthRequest(
                UserPoolId: poolID,
                ClientId: clientID,
                AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
                AuthParameters: ["USERNAME": "rotor", "PASSWORD": "secret1"]
            )
        )
        let original = try #require(signedIn.AuthenticationResult?.RefreshToken)
        let rotated = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    let answer = try? await service.getTokensFromRefreshToken(
                        GetTokensFromRefreshTokenRequest(RefreshToken: original, ClientId: clientID)
                    )
                    return answer?.AuthenticationResult.RefreshToken
                }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        let issued = rotated.compactMap { $0 }
        #expect(issued.count == 50)
        #expect(Set(issued).count == 50)
        // Each is tried once, in turn: the rotations answered at once leave one of them current, and no other.
        var accepted = 0
        for token in issued {
            let renewed = try? await service.getTokensFromRefreshToken(GetTokensFromRefreshTokenRequest(RefreshToken: token, ClientId: clientID))
            if renewed != nil { accepted += 1 }
        }
        #expect(accepted == 1)
    }
}
