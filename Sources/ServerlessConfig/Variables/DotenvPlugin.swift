import YAML

/// serverless-dotenv-plugin (v3 and later) as it reads `.env` files: the environment's name is `NODE_ENV`,
/// else `--stage`, else `development`; the files are `.env.<env>.local`, `.env.<env>`, `.env.local` (not for
/// `test`) and `.env`, the first to set a key winning, under `custom.dotenv.basePath` (or only
/// `custom.dotenv.path`). Their variables answer `${env:}` (never over what the environment has) and go into
/// every function's environment (`provider.environment`), all of them or those `include` names, less those
/// `exclude` names.
/// See https://github.com/neverendingqs/serverless-dotenv-plugin#automatic-env-file-resolution
struct DotenvPlugin {
    /// The environment `${env:}` reads, with the files' variables added.
    var environment: [String: String]
    /// What the plugin puts into `provider.environment`, in the files' order.
    var injected: [(name: String, value: String)]

    /// The plugin's variables for the service `root` (nil when it does not list the plugin).
    static func load(_ root: YAMLNode, cliStage: String?, files: SourceFiles, environment: [String: String]) -> DotenvPlugin? {
        let plugins = root["plugins"].flatMap { $0.items ?? $0["modules"]?.items } ?? []
        guard plugins.contains(where: { $0.scalarText == "serverless-dotenv-plugin" }) else { return nil }
        let settings = root["custom"]?["dotenv"]
        let env = environment["NODE_ENV"] ?? cliStage ?? "development"
        var names: [String]
        if let path = settings?["path"]?.scalarText {
            names = [path]
        } else {
            var base = settings?["basePath"]?.scalarText ?? ""
            if !base.isEmpty, !base.hasSuffix("/") { base += "/" }
            names = [".env.\(env).local", ".env.\(env)"] + (env == "test" ? [] : [".env.local"]) + [".env"]
            names = names.map { base + $0 }
        }
        var variables: [(name: String, value: String)] = []
        for name in names {
            guard let bytes = files.read(files.displayPath(for: name)) else { continue }
            for (key, value) in Dotenv.parse(String(decoding: bytes, as: UTF8.self), environment: environment)
            where !variables.contains(where: { $0.name == key }) {
                variables.append((key, value))
            }
        }
        var merged = environment
        for (key, value) in variables where merged[key] == nil { merged[key] = value }
        let include = settings?["include"]?.items?.compactMap(\.scalarText)
        let exclude = Set(settings?["exclude"]?.items?.compactMap(\.scalarText) ?? [])
        let injected = variables.filter { include.map($0.name.isIn) ?? !exclude.contains($0.name) }
        return DotenvPlugin(environment: merged, injected: injected)
    }
}

extension String {
    fileprivate func isIn(_ names: [String]) -> Bool { names.contains(self) }
}
