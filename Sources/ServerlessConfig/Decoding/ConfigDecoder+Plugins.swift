import YAML

extension ConfigDecoder {
    /// `plugins:` (a list, or `{ localPath, modules }`): a warning for each plugin whose additions are
    /// missing offline, or that the emulator does not know.
    mutating func decodePlugins(_ node: YAMLNode?) -> [String] {
        guard let node, !node.isNull else { return [] }
        let list = node.pairs != nil ? node["modules"] : node
        let plugins = list.map { MappingReader.strings($0, name: "'plugins'", diagnostics: &diagnostics) } ?? []
        for (index, plugin) in plugins.enumerated() {
            let mark = list?.items?[index].mark ?? node.mark
            if let note = KnownPlugins.note(for: plugin) {
                if note.missing { diagnostics.warning("plugin '\(plugin)': \(note.text)", at: mark) }
            } else {
                diagnostics.warning("plugin '\(plugin)' is unknown to the emulator: what it adds to the service is not there offline", at: mark)
            }
        }
        return plugins
    }

    /// `custom.serverless-offline`: the settings the emulator honours (the plugin's others are its own
    /// implementation's: Docker, workers, reloading; they are not read).
    mutating func decodeOfflinePluginSettings(_ node: YAMLNode?) -> OfflinePluginSettings {
        var settings = OfflinePluginSettings()
        guard let node, !node.isNull, var reader = MappingReader(node, context: "custom.serverless-offline", diagnostics: &diagnostics) else {
            return settings
        }
        settings.httpPort = port("httpPort", &reader)
        settings.lambdaPort = port("lambdaPort", &reader)
        settings.noPrependStageInUrl = reader.bool("noPrependStageInUrl", diagnostics: &diagnostics) ?? false
        if let prefix = reader.string("prefix", diagnostics: &diagnostics) {
            let segments = prefix.split(separator: "/", omittingEmptySubsequences: true)
            if segments.contains(where: { segment in segment.contains { "?#%{} ".contains($0) } }) {
                diagnostics.error(
                    "custom.serverless-offline.prefix '\(prefix)' must be a path, without ?, #, %, braces or spaces",
                    at: node["prefix"]?.mark ?? node.mark
                )
            } else if !segments.isEmpty {
                settings.prefix = segments.joined(separator: "/")
            }
        }
        settings.noAuth = reader.bool("noAuth", diagnostics: &diagnostics) ?? false
        if settings.noAuth {
            diagnostics.warning(
                "custom.serverless-offline.noAuth is true: every authorizer is off and every route is public (API keys are still checked)",
                at: node["noAuth"]?.mark ?? node.mark
            )
        }
        return settings
    }

    private mutating func port(_ key: String, _ reader: inout MappingReader) -> Int? {
        guard let port = reader.int(key, diagnostics: &diagnostics) else { return nil }
        guard (0...65535).contains(port) else {
            diagnostics.error(
                "custom.serverless-offline.\(key) must be a port between 0 and 65535, not \(port)",
                at: reader.node[key]?.mark ?? reader.node.mark
            )
            return nil
        }
        return port
    }
}
