import ServerlessConfig

/// Paths of the test fixtures and of the repository's own serverless.yml.
enum Fixture {
    static let directory: String = {
        let file = #filePath
        return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures"
    }()

    static let repositoryRoot: String = {
        var parts = directory.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func good(_ name: String) -> String { "\(directory)/good/\(name)" }
    static func bad(_ name: String) -> String { "\(directory)/bad/\(name)" }

    /// Loads a good fixture; fails the test with the rendered diagnostics when it does not load.
    static func load(_ name: String, options: LoadOptions = LoadOptions()) throws -> ConfigLoader.Loaded {
        try ConfigLoader.load(path: good(name), options: options)
    }
}
