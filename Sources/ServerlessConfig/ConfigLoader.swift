public import YAML

/// Loads serverless.yml: YAML → variables resolved → typed ``ServerlessService``, with diagnostics.
///
/// ```swift
/// let loaded = try ConfigLoader.load(path: "serverless.yml", options: LoadOptions(stage: "dev"))
/// for route in loaded.service.routes { print(route.method, route.urlPath(in: loaded.service.apiPaths)) }
/// ```
public enum ConfigLoader {
    /// A configuration that loaded, with the warnings found on the way.
    public struct Loaded: Sendable {
        /// The service.
        public var service: ServerlessService
        /// Warnings (unknown keys, odd values); never errors.
        public var warnings: [Diagnostic]
        /// Every file the load read from disk (the configuration and what `${file()}` included), by the path it was read at.
        public var files: [String] = []
        /// The configuration after variables, with the stage and region the framework fills into
        /// `provider` (what `emulate print` shows).
        public var configuration: YAMLNode?
    }

    /// Loads a configuration file.
    /// - Parameters:
    ///   - path: The file's path; diagnostics name it as given, and `${file()}` paths are relative to its folder.
    ///   - options: CLI options, environment and account for variables.
    /// - Returns: The service and its warnings.
    /// - Throws: ``ConfigLoadError`` with every diagnostic when the file cannot be used.
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws(ConfigLoadError) -> Loaded {
        let files = SourceFiles(configPath: path)
        guard let bytes = files.read(path) else {
            throw ConfigLoadError(diagnostics: [Diagnostic(.error, "cannot read the configuration file", at: Mark(line: 1, column: 1, source: path))])
        }
        return try load(bytes: bytes, path: path, files: files, options: options)
    }

    /// Loads a configuration given as text (for tests and the in-process emulator).
    /// - Parameters:
    ///   - yaml: The configuration.
    ///   - path: The name diagnostics use; `${file()}` paths are relative to its folder.
    ///   - options: CLI options, environment and account for variables.
    /// - Returns: The service and its warnings.
    /// - Throws: ``ConfigLoadError`` with every diagnostic when the text cannot be used.
    public static func load(yaml: String, path: String = "serverless.yml", options: LoadOptions = LoadOptions()) throws(ConfigLoadError) -> Loaded {
        let files = SourceFiles(configPath: path)
        let bytes = Array(yaml.utf8)
        files.register(bytes, as: path)
        return try load(bytes: bytes, path: path, files: files, options: options)
    }

    /// `root` with `provider.stage` and `provider.region` filled in where they are not written.
    static func withDefaults(_ root: YAMLNode, _ stage: String, _ region: String) -> YAMLNode {
        guard case .mapping(var pairs) = root.content, let index = pairs.firstIndex(where: { $0.key.scalarText == "provider" }),
            case .mapping(var provider) = pairs[index].value.content
        else { return root }
        let mark = pairs[index].value.mark
        for (key, value) in [("stage", stage), ("region", region)] where !provider.contains(where: { $0.key.scalarText == key }) {
            provider.append(YAMLNode.Pair(key: .scalar(key, mark: mark), value: .scalar(value, mark: mark)))
        }
        pairs[index].value.content = .mapping(provider)
        var copy = root
        copy.content = .mapping(pairs)
        return copy
    }

    /// `useDotenv: true`.
    static func usesDotenv(_ root: YAMLNode) -> Bool {
        root["useDotenv"]?.scalarText == "true"
    }

    private static func load(bytes: [UInt8], path: String, files: SourceFiles, options: LoadOptions) throws(ConfigLoadError) -> Loaded {
        var diagnostics = DiagnosticCollector()
        func fail() -> ConfigLoadError {
            ConfigLoadError(
                diagnostics: diagnostics.diagnostics.map { diagnostic in
                    var copy = diagnostic
                    copy.sourceLine = files.line(diagnostic.mark.line, of: diagnostic.mark.source)
                    return copy
                }
            )
        }
        let parsed: YAMLNode?
        do {
            parsed = try YAMLParser().parse(bytes: bytes, source: path)
        } catch {
            diagnostics.error(error.message, at: error.mark)
            throw fail()
        }
        guard let raw = parsed, !raw.isNull else {
            diagnostics.error(
                "the configuration file is empty; it needs at least 'service' and 'provider'",
                at: Mark(line: 1, column: 1, source: path)
            )
            throw fail()
        }
        var options = options
        var offlineValues = OfflineValues()
        do {
            let valuesPath = options.valuesFile ?? files.displayPath(for: ".emulate/values.yml")
            offlineValues = try OfflineValues(path: valuesPath, files: files, required: options.valuesFile != nil)
        } catch {
            diagnostics.error(error.message, at: error.mark)
        }
        offlineValues = offlineValues.addingOfflineSSM(of: raw)
        // The stage first (`provider.stage` may read the environment), then dotenv, then everything else.
        if Self.usesDotenv(raw), let stage = try? VariableResolver(root: raw, options: options, files: files).stage() {
            options.environment = Dotenv.load(stage: stage, files: files, into: options.environment).environment
        }
        let dotenvPlugin = DotenvPlugin.load(raw, cliStage: options.stage, files: files, environment: options.environment)
        if let dotenvPlugin { options.environment = dotenvPlugin.environment }
        let resolver = VariableResolver(root: raw, options: options, files: files, offlineValues: offlineValues)
        var stage = "dev"
        var region = "us-east-1"
        do {
            stage = try resolver.stage()
            region = try resolver.region()
        } catch {
            diagnostics.error(error.message, at: error.mark)
        }
        let root = resolver.resolveTree(raw)
        for diagnostic in resolver.diagnostics.diagnostics { diagnostics.append(diagnostic) }
        if diagnostics.hasErrors { throw fail() }
        var decoder = ConfigDecoder(diagnostics: diagnostics, stage: stage, region: region)
        var service = decoder.decode(root, configPath: path)
        diagnostics = decoder.diagnostics
        guard service != nil, !diagnostics.hasErrors else { throw fail() }
        for (name, value) in dotenvPlugin?.injected ?? [] {
            service?.provider.environment.removeAll { $0.name == name }
            service?.provider.environment.append(EnvironmentVariable(name: name, value: .string(value), mark: Mark(line: 1, column: 1, source: path)))
        }
        guard let service else { throw fail() }
        // The framework's `configValidationMode`, over what its schema would report (unknown keys):
        // `error` stops on them, `off` keeps quiet about them; the emulator's own notes stay warnings.
        var warnings = fail().diagnostics
        switch root["configValidationMode"]?.scalarText {
        case "error" where warnings.contains(where: \.isSchema): throw ConfigLoadError(diagnostics: warnings.map { $0.isSchema ? $0.escalated : $0 })
        case "off": warnings.removeAll(where: \.isSchema)
        default: break
        }
        return Loaded(service: service, warnings: warnings, files: files.readFromDisk, configuration: Self.withDefaults(root, stage, region))
    }
}
