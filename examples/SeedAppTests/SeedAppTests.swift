import EmulatorTesting
import SeedApp
import Testing

/// The seed app's handlers tested as a user of EmulatorTesting would test theirs: the repository's
/// serverless.yml, in process, no ports, no AWS.
@Suite("the seed app, tested with EmulatorTesting")
struct SeedAppTests {
    static let config: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/serverless.yml"
    }()

    let emulator: TestEmulator

    init() async throws {
        emulator = try await TestEmulator(configPath: Self.config) { SeedApp.register(in: &$0) }
    }

    @Test("the pool's and the client's IDs, by logical ID, are the ones the handlers see")
    func identifiers() throws {
        let pool = try emulator.pool("UserPool").id
        let client = try emulator.clientID("UserClient")
        let only = try emulator.clientID()
        #expect(pool.hasPrefix("us-east-1_") && client.count == 26 && client == only)
        #expect(throws: TestEmulator.Failure.self) { try emulator.clientID("NoSuchClient") }
    }

    @Test("sign up, then a duplicate sign-up is refused with Cognito's message")
    func signup() async {
        let credentials = ["email": "ada@example.com", "password": "secret123"]
        let first = await emulator.request("POST", "/user/signup", json: credentials)
        first.expect(status: 200)
        first.expect(json: "message", equals: "User registration successful")
        let again = await emulator.request("POST", "/user/signup", json: credentials)
        again.expect(status: 409)
        again.expect(json: "message", equals: "User account already exists")
    }

    @Test("log in returns an ID token; a wrong password is 401")
    func login() async throws {
        try await emulator.createUser("bob@example.com", password: "secret123", attributes: ["email": "bob@example.com"])
        let response = await emulator.request("POST", "/user/login", json: ["email": "bob@example.com", "password": "secret123"])
        response.expect(status: 200)
        #expect((response.json?["token"] as? String)?.split(separator: ".").count == 3)
        let wrong = await emulator.request("POST", "/user/login", json: ["email": "bob@example.com", "password": "wrong-one"])
        wrong.expect(status: 401)
        wrong.expect(json: "message", equals: "Incorrect username or password.")
    }

    @Test("the private route needs a token, and answers with the token's e-mail")
    func privateRoute() async throws {
        try await emulator.createUser("cy@example.com", password: "secret123", attributes: ["email": "cy@example.com"])
        let token = try await emulator.tokens(for: "cy@example.com").IdToken
        let authorized = await emulator.request("POST", "/user/private", headers: ["Authorization": token])
        authorized.expect(status: 200)
        authorized.expect(json: "message", equals: "Email cy@example.com has been authorized")
        let anonymous = await emulator.request("POST", "/user/private")
        anonymous.expect(status: 401)
        anonymous.expect(json: "message", equals: "Unauthorized")
    }

    @Test("an expired token is refused once the clock passes its validity (5 hours)")
    func expiry() async throws {
        try await emulator.createUser("di@example.com", password: "secret123", attributes: ["email": "di@example.com"])
        let token = try await emulator.tokens(for: "di@example.com").IdToken
        await emulator.request("POST", "/user/private", headers: ["Authorization": token]).expect(status: 200)
        emulator.advanceClock(seconds: 5 * 3600 + 1)
        let expired = await emulator.request("POST", "/user/private", headers: ["Authorization": token])
        expired.expect(status: 401)
        expired.expect(json: "message", equals: "The incoming token has expired")
    }

    @Test("a handler invoked directly with a synthetic event, claims included")
    func synthetic() async throws {
        let event = try APIGatewayProxyRequest.synthetic("POST", "/user/private").authorized(claims: ["email": "eve@example.com"])
        let result = try await emulator.invoke("privateAPI", event: event)
        let response = try #require(result as? APIGatewayProxyResponse)
        #expect(response.statusCode == 200)
        #expect(response.body == #"{"message":"Email eve@example.com has been authorized"}"#)
    }
}
