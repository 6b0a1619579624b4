import YAML

/// Values for variables that have none offline, by their variable text — `ssm:/app/dev/db-password`,
/// `env:STRIPE_KEY`, `file(./secrets.yml):apiKey`, `cf:network-dev.VpcId`, `construct:queue.queueUrl` —
/// read from a YAML mapping (`.emulate/values.yml` beside the configuration, or `--values FILE`):
///
/// ```yaml
/// ssm:/app/dev/db-password: hunter2
/// "file(./secrets.yml):apiKey": test-key
/// ```
///
/// A value may be a scalar, a list or a mapping, as the variable would give it.
struct OfflineValues {
    /// Where the values come from, as diagnostics name it.
    let displayPath: String
    private let values: [String: YAMLNode]

    /// No values (the default file's path named for hints).
    init(displayPath: String = ".emulate/values.yml") {
        self.displayPath = displayPath
        self.values = [:]
    }

    /// The values of `path`'s file; `required` (given with `--values`) makes a missing file an error.
    init(path: String, files: SourceFiles, required: Bool) throws(VariableError) {
        self.displayPath = path
        guard let bytes = files.read(path) else {
            if required { throw VariableError(message: "the values file '\(path)' cannot be read", mark: Mark(line: 1, column: 1, source: path)) }
            self.values = [:]
            return
        }
        let root: YAMLNode?
        do {
            root = try YAMLParser().parse(bytes: bytes, source: path)
        } catch {
            throw VariableError(message: error.message, mark: error.mark)
        }
        guard let root, !root.isNull else {
            self.values = [:]
            return
        }
        guard let pairs = root.pairs else {
            throw VariableError(message: "the values file must be a mapping of variable text to value", mark: root.mark)
        }
        var values: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText else { throw VariableError(message: "a key of the values file must be text", mark: pair.key.mark) }
            values[key] = pair.value
        }
        self.values = values
    }

    /// The value given for `reference` (the text between `${` and `}` without fallbacks).
    subscript(_ reference: String) -> YAMLNode? { values[reference] }

    /// These values, plus the SSM parameters serverless-offline-ssm gives offline
    /// (`custom.serverless-offline-ssm.ssm`, a mapping of parameter names to plain values, as written), as
    /// `ssm:<name>` for those this file does not give itself.
    func addingOfflineSSM(of root: YAMLNode) -> OfflineValues {
        guard let pairs = root["custom"]?["serverless-offline-ssm"]?["ssm"]?.pairs else { return self }
        var values = self.values
        for pair in pairs {
            guard let name = pair.key.scalarText, pair.value.scalarValue != nil, !pair.value.isNull else { continue }
            let key = "ssm:" + name
            if values[key] == nil { values[key] = pair.value }
        }
        return OfflineValues(displayPath: displayPath, values: values)
    }

    private init(displayPath: String, values: [String: YAMLNode]) {
        self.displayPath = displayPath
        self.values = values
    }
}

extension YAMLNode {
    /// The node, marked where it is used.
    func with(mark: Mark) -> YAMLNode {
        var copy = self
        copy.mark = mark
        return copy
    }
}
