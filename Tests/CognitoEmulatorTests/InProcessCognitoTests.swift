import CognitoEmulator
import Foundation
import Testing

@Suite("the Cognito service called in process, as handlers call it")
struct InProcessCognitoTests {
    @Test("the seed's handler calls: create, set password, sign in; tokens carry Cognito's claims")
    func seedCalls() async throws {
        let (service, configuration) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let poolID = configuration.poolID(forLogicalID: "UserPool")
        let clientID = configuration.clientID(forLogicalID: "UserClient")
        _ = try await service.adminCreateUser(
            AdminCreateUserRequest(
                UserPoolId: poolID,
                Username: "a@example.com",
                UserAttributes: [AttributeType(Name: "email", Value: "a@example.com"), AttributeType(Name: "email_verified", Value: "true")],
                MessageAction: "SUPPRESS"
            )
        )
        _ = try await service.adminSetUserPassword(
            AdminSetUserPasswordRequest(UserPoolId: poolID, Username: "a@example.com", Password: "secret1", Permanent: true)
        )
        let result = try await service.adminInitiateAuth(
            AdminInitiateAuthRequest(
                UserPoolId: poolID,
                ClientId: clientID,
                AuthFlow: "ADMIN_NO_SRP_AUTH",
                AuthParameters: ["USERNAME": "a@example.com", "PASSWORD": "secret1"]
            )
        )
        let tokens = try #require(result.AuthenticationResult)
        let jwt = try #require(JWT(tokens.IdToken))
        #expect(jwt.claims["token_use"] == .string("id"))
        #expect(jwt.claims["email"] == .string("a@example.com"))
        #expect(jwt.claims["email_verified"] == .bool(true))
        #expect(jwt.claims["aud"] == .string(clientID))
        #expect(jwt.claims["iss"] == .string("http://127.0.0.1:9229/\(poolID)"))
        guard case .object(let members) = jwt.claims else { return }
        #expect(
            members.map(\.key) == [
                "sub", "email_verified", "iss", "cognito:username", "origin_jti", "aud", "event_id", "token_use", "auth_time", "exp", "iat", "jti",
                "email",
            ]
        )
        let user = try service.getUser(GetUserRequest(AccessToken: tokens.AccessToken))
        #expect(user.Username == "a@example.com")
    }

    @Test("the store refuses text with a NUL rather than keep what comes before it")
    func nulNeverTruncates() async throws {
        let (service, configuration) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let poolID = configuration.poolID(forLogicalID: "UserPool")
        // Called on the service directly, past the request validator that refuses this on the wire.
        let error = await #expect(throws: CognitoError.self) {
            _ = try await service.adminCreateUser(
                AdminCreateUserRequest(
                    UserPoolId: poolID,
                    Username: "victim\u{0}x",
                    UserAttributes: [AttributeType(Name: "email", Value: "v@example.com")],
                    MessageAction: "SUPPRESS"
                )
            )
        }
        #expect(error?.type == "InvalidParameterException")
        #expect(error?.message.contains("NUL") == true)
        let users = try await service.listUsers(ListUsersRequest(UserPoolId: poolID))
        #expect(users.Users.isEmpty)
    }

    @Test("a wrong password is NotAuthorizedException with Cognito's text, never a crash")
    func wrongPassword() async throws {
        let (service, configuration) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let poolID = configuration.poolID(forLogicalID: "UserPool")
        _ = try await service.adminCreateUser(
            AdminCreateUserRequest(
                UserPoolId: poolID,
                Username: "b",
                UserAttributes: [AttributeType(Name: "email", Value: "b@example.com")],
                MessageAction: "SUPPRESS"
            )
        )
        _ = try await service.adminSetUserPassword(
            AdminSetUserPasswordRequest(UserPoolId: poolID, Username: "b", Password: "secret1", Permanent: true)
        )
        await #expect(throws: CognitoError.self) {
            _ = try await service.adminInitiateAuth(
                AdminInitiateAuthRequest(
                    UserPoolId: poolID,
                    ClientId: configuration.clientID(forLogicalID: "UserClient"),
                    AuthFlow: "ADMIN_NO_SRP_AUTH",
                    AuthParameters: ["USERNAME": "b", "PASSWORD": "wrong1"]
                )
            )
        }
        do {
            _ = try await service.adminInitiateAuth(
                AdminInitiateAuthRequest(
                    UserPoolId: poolID,
                    ClientId: configuration.clientID(forLogicalID: "UserClient"),
                    AuthFlow: "ADMIN_NO_SRP_AUTH",
                    AuthParameters: ["USERNAME": "b", "PASSWORD": "wrong1"]
                )
            )
        } catch {
            #expect(error.type == "NotAuthorizedException")
            #expect(error.message == "Incorrect username or password.")
        }
    }

    @Test("the JSON dispatcher renders AWS error bodies for bad input")
    func dispatcherErrors() async throws {
        let (service, _) = try await CognitoTestSupport.service(CognitoTestSupport.seedLike)
        let dispatcher = CognitoJSONDispatcher(service: service)
        let unknown = await dispatcher.handle(target: "AWSCognitoIdentityProviderService.Nope", body: Array("{}".utf8))
        #expect(unknown.status == 400)
        #expect(
            String(decoding: unknown.body, as: UTF8.self).hasPrefix(
                #"{"__type":"UnknownOperationException","message":"The emulator does not implement Cognito's Nope operation"#
            )
        )
        let missing = await dispatcher.handle(target: "AWSCognitoIdentityProviderService.AdminGetUser", body: Array(#"{"Username":"x"}"#.utf8))
        #expect(
            String(decoding: missing.body, as: UTF8.self)
                == #"{"__type":"InvalidParameterException","message":"1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"}"#
        )
        let garbage = await dispatcher.handle(target: "AWSCognitoIdentityProviderService.AdminGetUser", body: [0xff, 0x00, 0x7b])
        #expect(garbage.status == 400)
        #expect(String(decoding: garbage.body, as: UTF8.self).contains("SerializationException"))
    }
}
