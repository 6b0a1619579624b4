import Foundation
import Testing
import YAML

@testable import ServerlessConfig

@Suite("what the Serverless Framework fills in, reads from elsewhere, and tolerates")
struct FrameworkLoadingTests {
    static func load(_ yaml: String, options: LoadOptions = LoadOptions()) throws -> ConfigLoader.Loaded {
        try ConfigLoader.load(yaml: yaml, path: "serverless.yml", options: options)
    }

    @Test("${self:provider.stage} and region have the framework's defaults when not written")
    func defaults() throws {
        let yaml = """
            service: s
            custom:
              stage: ${opt:stage, self:provider.stage}
              region: ${self:provider.region}
              memory: ${self:provider.memorySize}
            provider: { name: aws }
            functions: {}
            """
        let loaded = try Self.load(yaml)
        #expect(loaded.service.custom?["stage"]?.scalarText == "dev" && loaded.service.custom?["region"]?.scalarText == "us-east-1")
        #expect(loaded.service.custom?["memory"]?.scalarText == "1024")
        let west = try Self.load(yaml, options: LoadOptions(stage: "prod", region: "eu-west-1"))
        #expect(west.service.custom?["stage"]?.scalarText == "prod" && west.service.custom?["region"]?.scalarText == "eu-west-1")
    }

    @Test("--param wins over stages.<stage>.params, params.<stage>, stages.default.params and params.default")
    func params() throws {
        let yaml = """
            service: s
            params:
              default: { a: params-default, b: params-default, c: params-default }
              dev: { b: params-dev }
            stages:
              default: { params: { c: stages-default } }
            provider: { name: aws, environment: { A: "${param:a}", B: "${param:b}", C: "${param:c}" } }
            functions: { f: { handler: h } }
            """
        var options = LoadOptions()
        let plain = try Self.load(yaml).service.provider.environment
        #expect(plain.map(\.name) == ["A", "B", "C"])
        #expect(plain.map { $0.value.stringValue } == ["params-default", "params-dev", "stages-default"])
        options.params = ["a": "cli"]
        let cli = try Self.load(yaml, options: options).service.provider.environment
        #expect(cli.first?.value.stringValue == "cli")
    }

    @Test("an unresolvable secret names the line to add to the values file, which then gives it")
    func offlineValues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("values-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/.emulate", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = """
            service: s
            provider: { name: aws, environment: { DB: "${ssm:/app/${sls:stage}/db}", KEY: "${env:KEY_ONLY_IN_CI}" } }
            functions: { f: { handler: h } }
            """
        try yaml.write(toFile: folder + "/serverless.yml", atomically: true, encoding: .utf8)
        do {
            _ = try ConfigLoader.load(path: folder + "/serverless.yml")
            Issue.record("loaded without the values")
        } catch {
            let text = error.diagnostics.map(\.message).joined(separator: "\n")
            #expect(text.contains("give it offline with 'ssm:/app/dev/db: <value>' in \(folder)/.emulate/values.yml"))
            #expect(text.contains("'env:KEY_ONLY_IN_CI: <value>'"))
        }
        try "ssm:/app/dev/db: local\nenv:KEY_ONLY_IN_CI: k\n".write(toFile: folder + "/.emulate/values.yml", atomically: true, encoding: .utf8)
        let environment = try ConfigLoader.load(path: folder + "/serverless.yml").service.provider.environment
        #expect(environment.map { $0.value.stringValue } == ["local", "k"])
    }

    @Test("useDotenv loads .env.<stage>, else .env, without overriding the environment; values expand")
    func dotenv() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dotenv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = """
            service: s
            useDotenv: true
            provider: { name: aws, environment: { A: "${env:A}", B: "${env:B}", C: "${env:C}", D: "${env:D, 'none'}" } }
            functions: { f: { handler: h } }
            """
        try yaml.write(toFile: folder + "/serverless.yml", atomically: true, encoding: .utf8)
        try "A=from-dotenv\nB=base\nD=only-in-dot-env\n".write(toFile: folder + "/.env", atomically: true, encoding: .utf8)
        try "# staged\nexport A=from-stage-file\nB='$A literal'\nC=\"${A}/x\" # comment\n".write(
            toFile: folder + "/.env.dev",
            atomically: true,
            encoding: .utf8
        )
        let options = LoadOptions(environment: ["B": "from-environment"])
        let environment = try ConfigLoader.load(path: folder + "/serverless.yml", options: options).service.provider.environment
        // .env.dev exists, so .env is not read (D falls back); the environment's B wins.
        #expect(environment.map { $0.value.stringValue } == ["from-stage-file", "from-environment", "from-stage-file/x", "none"])
    }

    @Test("serverless-dotenv-plugin: .env.<env>.local, .env.<env>, .env.local, .env by precedence, into ${env:} and every function")
    func dotenvPlugin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dotenv-plugin-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = """
            service: s
            plugins: [serverless-dotenv-plugin]
            custom: { dotenv: { exclude: [SECRET_ONLY_FOR_CONFIG] } }
            provider: { name: aws, environment: { TABLE: from-config, FROM_ENV: "${env:SECRET_ONLY_FOR_CONFIG}" } }
            functions: { f: { handler: h } }
            """
        try yaml.write(toFile: folder + "/serverless.yml", atomically: true, encoding: .utf8)
        try "TABLE=base\nSHARED=base\nSECRET_ONLY_FOR_CONFIG=s3cret\n".write(toFile: folder + "/.env", atomically: true, encoding: .utf8)
        try "SHARED=local\n".write(toFile: folder + "/.env.local", atomically: true, encoding: .utf8)
        try "TABLE=development\n".write(toFile: folder + "/.env.development", atomically: true, encoding: .utf8)
        try "TABLE=prod\n".write(toFile: folder + "/.env.prod", atomically: true, encoding: .utf8)
        func environment(_ options: LoadOptions) throws -> [String: String] {
            let variables = try ConfigLoader.load(path: folder + "/serverless.yml", options: options).service.provider.environment
            return Dictionary(variables.map { ($0.name, $0.value.stringValue ?? "") }, uniquingKeysWith: { _, last in last })
        }
        // No NODE_ENV and no --stage: `development`; the files' values win over provider.environment's.
        #expect(try environment(LoadOptions()) == ["TABLE": "development", "FROM_ENV": "s3cret", "SHARED": "local"])
        #expect(try environment(LoadOptions(stage: "prod"))["TABLE"] == "prod")
        #expect(try environment(LoadOptions(environment: ["NODE_ENV": "test"])) == ["TABLE": "base", "FROM_ENV": "s3cret", "SHARED": "base"])
    }

    @Test("numbers as strings, bare-string events, a description that is not text and a short httpApi authorizer load as the framework loads them")
    func leniency() throws {
        let loaded = try Self.load(
            """
            service: s
            provider:
              name: aws
              httpApi:
                authorizers:
                  jwt: { type: jwt, issuerUrl: "https://issuer.example", audience: [a] }
            functions:
              f:
                handler: h
                memorySize: '512'
                timeout: "10"
                description: { "Fn::Join": ["", [a, b]] }
                events:
                  - http
                  - httpApi: { method: GET, path: /x, authorizer: jwt }
            """
        )
        let function = try #require(loaded.service.function(named: "f"))
        #expect(function.memorySize == 512 && function.timeout == 10 && function.description == nil)
        #expect(loaded.service.routes.map { $0.authorizer ?? "-" } == ["JWT"])
        #expect(loaded.warnings.contains { $0.message.contains("written as 'http' alone") })
        #expect(loaded.warnings.contains { $0.message.contains("'description' of function 'f' is a mapping") })
    }

    @Test("a misspelled authorizer key is an error (the route would be public), as is an attribute the resource type does not have")
    func dangerousTypos() throws {
        let yaml = """
            service: s
            provider: { name: aws }
            functions:
              f:
                handler: h
                events:
                  - http: { path: x, method: get, authorizr: { type: aws_iam } }
                  - httpApi: { path: /y, method: get, authoriser: jwt }
            resources:
              Resources:
                Pool: { Type: AWS::Cognito::UserPool }
              Outputs:
                Arn: { Value: !GetAtt Pool.Arnn }
                Function: { Value: !GetAtt FLambdaFunction.Arn }
            """
        let error = try #require(throws: ConfigLoadError.self) { try Self.load(yaml) }
        let messages = error.errors.map(\.message)
        #expect(messages.contains { $0.hasPrefix("unknown key 'authorizr' in") && $0.hasSuffix("the route is public") })
        #expect(messages.contains { $0.hasPrefix("unknown key 'authoriser' in") })
        #expect(messages.contains("Fn::GetAtt Pool.Arnn: AWS::Cognito::UserPool has no attribute 'Arnn' (did you mean 'Arn'?)"))
        #expect(messages.count == 3)
    }

    @Test("configValidationMode: error stops on unknown keys, off keeps quiet about them; the emulator's notes stay warnings")
    func validationMode() throws {
        let yaml = "service: s\nprovider: { name: aws, colour: blue }\nfunctions: { f: { handler: h, events: [{ s3: photos }] } }\n"
        #expect(try Self.load(yaml).warnings.count == 2)
        let error = try #require(throws: ConfigLoadError.self) { try Self.load("configValidationMode: error\n" + yaml) }
        #expect(error.errors.map(\.message) == ["unknown key 'colour' in provider"])
        let quiet = try Self.load("configValidationMode: off\n" + yaml).warnings
        #expect(quiet.count == 1 && quiet[0].message.hasPrefix("'s3' events are not run"))
        #expect(try Self.load("configValidationMode: error\n" + yaml.replacingOccurrences(of: ", colour: blue", with: "")).warnings.count == 1)
    }

    @Test("dotenv as dotenv 16 and dotenv-expand read it: comments, the last repeated key, defaults, no blow-up")
    func dotenvDetails() {
        let parsed = Dotenv.parse(
            "\u{FEFF}A=abc#def\nA=second\nB=${MISSING:-fallback}\nC=$D/x\nD=later\nE=\\$A\n"
                + (1...40).map { "X\($0)=$X\($0 - 1)$X\($0 - 1)" }.joined(separator: "\n") + "\nX0=aa",
            environment: ["D": "from-environment"]
        )
        let values = Dictionary(parsed, uniquingKeysWith: { _, last in last })
        #expect(values["A"] == "second" && values["B"] == "fallback" && values["C"] == "from-environment/x" && values["E"] == "$A")
        #expect(parsed.first?.0 == "A" && (values["X40"]?.count ?? 0) <= Dotenv.maximumExpandedLength)
        #expect(Dotenv.parse("K=abc#def", environment: [:]).first?.1 == "abc")
    }

    @Test("a memorySize or timeout written with its unit loads with a schema warning; other text takes the default")
    func sizesWithUnits() throws {
        let yaml = """
            service: s
            provider: { name: aws }
            functions:
              a: { handler: h, memorySize: 1536MB, timeout: 30 s }
              b: { handler: h, memorySize: lots }
            """
        let loaded = try Self.load(yaml)
        #expect(loaded.service.functions.map(\.memorySize) == [1536, 1024])
        #expect(loaded.service.functions.map(\.timeout) == [30, 6])
        #expect(
            loaded.warnings.filter(\.isSchema).map(\.message) == [
                "'timeout' in function 'a' must be an integer, not '30 s'; the emulator reads it as 30",
                "'memorySize' in function 'a' must be an integer, not '1536MB'; the emulator reads it as 1536",
                "'memorySize' in function 'b' must be an integer, not a string; the default applies",
            ]
        )
    }

    @Test("serverless-offline-ssm's values answer ${ssm:} offline")
    func offlineSSM() throws {
        let yaml = """
            service: s
            plugins: [serverless-offline-ssm]
            custom:
              serverless-offline-ssm:
                stages: [offline]
                ssm: { '/app/db-password': local-secret }
            provider: { name: aws, environment: { DB: "${ssm:/app/db-password}" } }
            functions: {}
            """
        let loaded = try Self.load(yaml)
        #expect(loaded.service.provider.environment.first?.value.stringValue == "local-secret")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }
}
