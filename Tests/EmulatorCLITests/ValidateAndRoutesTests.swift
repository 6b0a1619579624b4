import Foundation
import Testing

@Suite("emulate validate and emulate routes, run as a user runs them")
struct ValidateAndRoutesTests {
    @Test("validate on the seed prints the summary and exits 0")
    func validateSeed() throws {
        let result = try EmulateProcess.run(["validate", EmulateProcess.seedConfig])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                \(EmulateProcess.seedConfig) is valid
                service:   serverless-cognito-auth
                stage:     dev (region us-east-1)
                functions: 3: loginUser, signupUser, privateAPI
                routes:    3 (3 REST API, 0 HTTP API)
                resources: 2 (2 Cognito): UserPool AWS::Cognito::UserPool, UserClient AWS::Cognito::UserPoolClient

                """
        )
    }

    @Test("routes on the seed lists the three POST routes, the private one behind COGNITO_USER_POOLS")
    func routesSeed() throws {
        let result = try EmulateProcess.run(["routes", EmulateProcess.seedConfig, "--stage", "test"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                API   METHOD  PATH                FUNCTION    AUTHORIZER
                rest  POST    /test/user/login    loginUser   -
                rest  POST    /test/user/signup   signupUser  -
                rest  POST    /test/user/private  privateAPI  COGNITO_USER_POOLS

                """
        )
    }

    /// Writes the seed with one line changed as ./serverless.yml in a new directory and validates it there.
    private func validateBroken(replacing original: String, with replacement: String) throws -> EmulateProcess.Result {
        let directory = try EmulateProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = try String(contentsOfFile: EmulateProcess.seedConfig, encoding: .utf8)
        #expect(seed.contains(original))
        try seed.replacingOccurrences(of: original, with: replacement)
            .write(to: directory.appendingPathComponent("serverless.yml"), atomically: true, encoding: .utf8)
        return try EmulateProcess.run(["validate"], in: directory)
    }

    @Test("a YAML syntax error prints serverless.yml:LINE:COL and exits 1")
    func syntaxError() throws {
        let result = try validateBroken(replacing: "AutoVerifiedAttributes: [\"email\"]", with: "AutoVerifiedAttributes: [\"email\"")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("serverless.yml:69:5: error: did not find expected ',' or ']'"))
        #expect(result.stderr.hasSuffix("serverless.yml: 1 error, 0 warnings\n"))
    }

    @Test("a misspelled Ref prints its position and a suggestion, and exits 1")
    func misspelledRef() throws {
        let result = try validateBroken(replacing: "client_id: { Ref: UserClient }", with: "client_id: { Ref: UserClinet }")
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                serverless.yml:12:23: error: Ref to 'UserClinet', which is not a resource, parameter or pseudo parameter of this service (did you mean 'UserClient'?)
                        client_id: { Ref: UserClinet }
                                          ^
                serverless.yml: 1 error, 0 warnings

                """
        )
    }

    @Test("a misspelled ${self:} path prints its position and a suggestion, and exits 1")
    func misspelledSelf() throws {
        let result = try validateBroken(replacing: "ClientName: user-pool-ui", with: "ClientName: ${self:service}-${self:provider.stag}")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "serverless.yml:72:37: error: cannot resolve ${self:provider.stag}: no value at 'provider.stag' in self (did you mean 'provider.stage'?)"
            )
        )
    }

    @Test("a missing file is an error, not a crash")
    func missingFile() throws {
        let result = try EmulateProcess.run(["routes", "/nonexistent/serverless.yml"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("/nonexistent/serverless.yml:1:1: error: cannot read the configuration file"))
    }

    @Test("--help documents every command; unknown commands exit 64")
    func help() throws {
        let root = try EmulateProcess.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("USAGE: emulate <subcommand>"))
        #expect(root.stdout.contains("validate"))
        #expect(root.stdout.contains("routes"))
        let validate = try EmulateProcess.run(["validate", "--help"])
        #expect(validate.stdout.contains("USAGE: emulate validate [<config>] [--stage <stage>] [--region <region>]"))
        let routes = try EmulateProcess.run(["routes", "--help"])
        #expect(routes.stdout.contains("USAGE: emulate routes [<config>] [--stage <stage>] [--region <region>]"))
        let unknown = try EmulateProcess.run(["bogus"])
        #expect(unknown.status == 64)
    }
}
