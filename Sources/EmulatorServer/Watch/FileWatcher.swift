import Foundation

/// What watch mode looks at: the configuration's files, and the service directory's code (every file
/// under it but build products, dependencies, version control and the emulator's own state), compared
/// by modification time and size between polls.
struct FileWatcher: Sendable {
    /// A file's stamp.
    struct Stamp: Sendable, Equatable {
        var modified: Double
        var size: Int
    }

    /// Folders never looked into.
    static let ignoredFolders: Set<String> = [
        ".git", ".build", ".build-tsan", ".build-bench", ".build-fuzz", ".emulate", ".serverless", "node_modules", "__pycache__",
        ".venv", "venv", ".mypy_cache", ".pytest_cache",
    ]
    /// At most this many code files are watched; a larger tree is watched for its configuration only.
    static let maximumFiles = 20_000

    let configFiles: [String]
    let codeDirectory: String?

    /// The stamps of every watched file now (a missing file has none).
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for path in configFiles { stamps[path] = Self.stamp(path) }
        guard let codeDirectory else { return stamps }
        var pending = [codeDirectory]
        var count = 0
        while let directory = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names where !Self.ignoredFolders.contains(name) && !name.hasPrefix(".build") {
                let path = directory + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(path)
                } else if stamps[path] == nil {
                    count += 1
                    if count > Self.maximumFiles { return stamps }
                    stamps[path] = Self.stamp(path)
                }
            }
        }
        return stamps
    }

    /// The paths whose stamps differ (added, removed or changed).
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    private static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return Stamp(modified: modified, size: (attributes[.size] as? Int) ?? 0)
    }
}
