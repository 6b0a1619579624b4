import CognitoEmulator
import EmulatorTesting
import Foundation
import StoreApp
import Testing

@Suite("the store example, in process")
struct StoreAppTests {
    static func emulator() async throws -> TestEmulator {
        try await TestEmulator(configPath: #filePath.replacing("examples/StoreAppTests/StoreAppTests.swift", with: "examples/store/serverless.yml")) {
            StoreApp.register(in: &$0)
        }
    }

    /// A request that must answer `status`; its JSON body.
    static func call(
        _ store: TestEmulator,
        _ method: String,
        _ path: String,
        json: [String: String]? = nil,
        token: String? = nil,
        status: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: String] {
        let response = await store.request(method, path, json: json, headers: token.map { ["Authorization": $0] } ?? [:])
        response.expect(status: status, sourceLocation: sourceLocation)
        return try response.decode([String: String].self)
    }

    @Test("the PreTokenGeneration trigger's plan and storeId reach the handlers; an upgrade shows after a refresh")
    func planFromTheTrigger() async throws {
        let store = try await Self.emulator()
        _ = try await Self.call(
            store,
            "POST",
            "/auth/signup",
            json: ["email": "o@example.com", "password": "Owner-Passw0rd", "store": "s9", "role": "owner"],
            status: 200
        )
        let login = try await Self.call(store, "POST", "/auth/login", json: ["email": "o@example.com", "password": "Owner-Passw0rd"], status: 200)
        let token = try #require(login["token"])
        let refreshToken = try #require(login["refreshToken"])
        let profile = try await Self.call(store, "GET", "/store/profile", token: token, status: 200)
        #expect(profile == ["email": "o@example.com", "role": "owner", "plan": "free", "storeId": "s9"])
        _ = try await Self.call(store, "GET", "/store/reports", token: token, status: 403)
        _ = try await Self.call(store, "POST", "/store/upgrade", token: token, status: 200)
        let refreshed = try await Self.call(store, "POST", "/auth/refresh", json: ["refreshToken": refreshToken], status: 200)
        let premium = try #require(refreshed["token"])
        #expect(JWT(premium)?.claims["plan"] == .string("premium"))
        let reports = try await Self.call(store, "GET", "/store/reports", token: premium, status: 200)
        #expect(reports["message"] == "Reports for store s9")
    }

    @Test("the role claim decides: staff may not see the team; the password policy needs 12 characters with a number")
    func roleAndPolicy() async throws {
        let store = try await Self.emulator()
        let weak = try await Self.call(
            store,
            "POST",
            "/auth/signup",
            json: ["email": "w@example.com", "password": "Short1A", "store": "s1"],
            status: 400
        )
        #expect(weak["message"] == "Password did not conform with policy: Password not long enough")
        _ = try await Self.call(
            store,
            "POST",
            "/auth/signup",
            json: ["email": "s@example.com", "password": "Staff-Passw0rd", "store": "s1"],
            status: 200
        )
        let login = try await Self.call(store, "POST", "/auth/login", json: ["email": "s@example.com", "password": "Staff-Passw0rd"], status: 200)
        let token = try #require(login["token"])
        let denied = try await Self.call(store, "GET", "/store/team", token: token, status: 403)
        #expect(denied["message"] == "Only the store's owner may see the team")
        _ = try await Self.call(store, "POST", "/store/upgrade", token: token, status: 403)
    }

    @Test("the web client may not write custom:role, the attribute the routes trust")
    func roleIsReadOnlyForClients() async throws {
        let store = try await Self.emulator()
        let pool = try #require(store.cognito.livePools.first)
        let web = try #require(store.cognito.liveClients(poolID: pool.id).first { $0.configuration.name == "store-web" })
        do {
            _ = try await store.cognito.signUp(
                SignUpRequest(
                    ClientId: web.id,
                    Username: "x@example.com",
                    Password: "Sneaky-Passw0rd",
                    UserAttributes: [.init(Name: "email", Value: "x@example.com"), .init(Name: "custom:role", Value: "owner")]
                )
            )
            Issue.record("a client wrote custom:role")
        } catch {
            #expect(error.type == "NotAuthorizedException")
        }
    }
}
