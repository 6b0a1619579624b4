import ServerlessConfig
import Testing
import YAML

/// One bad fixture and the error it must produce.
struct BadCase: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { file }
}

@Suite("bad configurations give an error at the exact line and column, never a crash")
struct BadConfigTests {
    static let cases: [BadCase] = [
        BadCase(
            file: "yaml-syntax.yml",
            line: 5,
            column: 10,
            message: "did not find expected ',' or '}' (while parsing a flow mapping started at line 4, column 16)"
        ),
        BadCase(
            file: "tab-indent.yml",
            line: 3,
            column: 1,
            message: "found character that cannot start any token (a tab character; YAML indentation must use spaces)"
        ),
        BadCase(file: "duplicate-key.yml", line: 5, column: 3, message: "duplicate key 'runtime' (first defined at line 4, column 3)"),
        BadCase(file: "multi-document.yml", line: 4, column: 1, message: "expected a single YAML document, found another document here"),
        BadCase(file: "empty.yml", line: 1, column: 1, message: "the configuration file is empty; it needs at least 'service' and 'provider'"),
        BadCase(file: "not-utf8.yml", line: 4, column: 19, message: "incomplete UTF-8 octet sequence; the file must be UTF-8"),
        BadCase(file: "alias-bomb.yml", line: 10, column: 10, message: "aliases expand this document to more than 2000000 nodes"),
        BadCase(file: "unknown-anchor.yml", line: 6, column: 9, message: "unknown anchor 'defaults'"),
        BadCase(file: "merge-of-scalar.yml", line: 6, column: 7, message: "a '<<' merge key takes a mapping or a sequence of mappings"),
        BadCase(file: "not-a-mapping.yml", line: 1, column: 1, message: "the service file must be a mapping, not a sequence"),
        BadCase(
            file: "misspelled-ref.yml",
            line: 5,
            column: 11,
            message: "Ref to 'UserPol', which is not a resource, parameter or pseudo parameter of this service (did you mean 'UserPool'?)"
        ),
        BadCase(
            file: "misspelled-getatt.yml",
            line: 14,
            column: 27,
            message: "Fn::GetAtt of 'UserPools', which is not a resource of this service (did you mean 'UserPool'?)"
        ),
        BadCase(
            file: "getatt-no-attribute.yml",
            line: 5,
            column: 10,
            message: "Fn::GetAtt takes 'LogicalId.Attribute' or a list [LogicalId, Attribute], not a string"
        ),
        BadCase(
            file: "sub-unknown-ref.yml",
            line: 5,
            column: 13,
            message: "Fn::Sub refers to '${UsrPool}', which is not a resource, parameter or variable (did you mean 'UserPool'?)"
        ),
        BadCase(file: "if-unknown-condition.yml", line: 5, column: 16, message: "unknown condition 'IsProduction'"),
        BadCase(
            file: "misspelled-self.yml",
            line: 7,
            column: 12,
            message: "cannot resolve ${self:custom.tabelName}: no value at 'custom.tabelName' in self (did you mean 'custom.tableName'?)"
        ),
        BadCase(
            file: "missing-env.yml",
            line: 5,
            column: 14,
            message: "cannot resolve ${env:EMULATE_TEST_SURELY_UNSET_VARIABLE}: environment variable 'EMULATE_TEST_SURELY_UNSET_VARIABLE' is not set"
        ),
        BadCase(
            file: "missing-file.yml",
            line: 4,
            column: 9,
            message: "cannot resolve ${file(./does-not-exist.yml)}: file './does-not-exist.yml' does not exist"
        ),
        BadCase(file: "js-file.yml", line: 4, column: 9, message: "JavaScript files cannot be run by the emulator; use YAML or JSON"),
        BadCase(file: "circular-self.yml", line: 5, column: 6, message: "${self:custom.b} refers to itself through a cycle of variables"),
        BadCase(file: "unknown-source.yml", line: 4, column: 10, message: "unknown variable source 'stge'"),
        BadCase(
            file: "ssm-no-fallback.yml",
            line: 5,
            column: 13,
            message: "the 'ssm' source reads from AWS, which the emulator does not reach; give it offline with 'ssm:/app/secret: <value>' in "
        ),
        BadCase(file: "embedded-mapping.yml", line: 8, column: 19, message: "${self:custom.names} is a mapping, which cannot be put inside a string"),
        BadCase(file: "missing-service.yml", line: 1, column: 1, message: "the service file is missing the required key 'service'"),
        BadCase(file: "missing-provider.yml", line: 1, column: 1, message: "the service file is missing the required key 'provider'"),
        BadCase(file: "wrong-provider.yml", line: 3, column: 9, message: "provider 'google' is not supported"),
        BadCase(file: "missing-handler.yml", line: 5, column: 3, message: "function 'hello' is missing the required key 'handler'"),
        BadCase(file: "bad-method.yml", line: 10, column: 19, message: "unknown HTTP method 'fetch'"),
        BadCase(
            file: "bad-timeout.yml",
            line: 9,
            column: 14,
            message: "'timeout' in function 'hello' must be an integer, not a string; the default applies"
        ),
        BadCase(file: "events-not-list.yml", line: 8, column: 7, message: "'events' of function 'hello' must be a list, not a mapping"),
        BadCase(
            file: "authorizer-unknown-function.yml",
            line: 13,
            column: 23,
            message: "'authorise' is not a function of this service (did you mean 'authorize'?)"
        ),
        BadCase(file: "cognito-authorizer-no-arn.yml", line: 12, column: 13, message: "of type COGNITO_USER_POOLS is missing the required key 'arn'"),
        BadCase(
            file: "duplicate-route.yml",
            line: 12,
            column: 15,
            message: "route POST /items conflicts with POST /items of function 'one' at line 8, column 15"
        ),
        BadCase(file: "resource-no-type.yml", line: 7, column: 7, message: "resource 'UserPool' is missing the required key 'Type'"),
        BadCase(file: "bad-resource-type.yml", line: 7, column: 13, message: "'Cognito::UserPool' is not a CloudFormation resource type"),
        BadCase(
            file: "env-var-mapping.yml",
            line: 6,
            column: 7,
            message: "environment variable 'SETTINGS' must be a string, number, boolean or intrinsic function, not a mapping"
        ),
        BadCase(file: "output-no-value.yml", line: 6, column: 5, message: "output 'PoolId' is missing the required key 'Value'"),
        BadCase(file: "iam-bad-effect.yml", line: 7, column: 19, message: "'Effect' must be Allow or Deny, not 'Permit'"),
    ]

    @Test("each bad fixture fails with its diagnostic", arguments: cases)
    func diagnostic(_ bad: BadCase) throws {
        let path = Fixture.bad(bad.file)
        let error = try #require(throws: ConfigLoadError.self) { try ConfigLoader.load(path: path) }
        let matching = error.errors.first { $0.mark.line == bad.line && $0.mark.column == bad.column && $0.message.contains(bad.message) }
        #expect(matching != nil, "got: \(error.errors.map(\.description))")
        #expect(error.errors.first?.description.hasPrefix("\(path):\(bad.line):\(bad.column): error: ") == true)
    }

    @Test("every file in Fixtures/bad is covered by a case")
    func everyFixtureHasACase() throws {
        let files = try #require(FileList.names(in: Fixture.directory + "/bad"))
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test("a diagnostic renders the source line with a caret under the column")
    func rendering() throws {
        let error = try #require(throws: ConfigLoadError.self) {
            try ConfigLoader.load(yaml: "service: x\nprovider:\n  name: aws\n  environment:\n    A: !Ref Nope\n", path: "s.yml")
        }
        #expect(
            error.description
                == [
                    "s.yml:5:8: error: Ref to 'Nope', which is not a resource, parameter or pseudo parameter of this service",
                    "        A: !Ref Nope",
                    "           ^",
                ].joined(separator: "\n")
        )
    }

    @Test("unknown keys are warnings with their position and a suggestion, and the file still loads")
    func unknownKeysWarn() throws {
        let yaml = """
            service: x
            provider:
              name: aws
              runtme: provided.al2023
            functions:
              a:
                handler: a.handler
                timout: 10
                events:
                  - http: { path: a, method: get, corss: true }
            """
        let loaded = try ConfigLoader.load(yaml: yaml, path: "w.yml")
        #expect(
            loaded.warnings.map(\.description) == [
                "w.yml:4:3: warning: unknown key 'runtme' in provider (did you mean 'runtime'?)",
                "w.yml:10:39: warning: unknown key 'corss' in the http event of function 'a' (did you mean 'cors'?)",
                "w.yml:8:5: warning: unknown key 'timout' in function 'a' (did you mean 'timeout'?)",
            ]
        )
    }
}
