import EmulatorCrypto
import Foundation
import ZIPFoundation

/// A `provided*` (or `go1.x`) function's deployment package: the `package.artifact` zip, unpacked once per
/// content under the emulator's support directory, and the executable in it that Lambda runs (`bootstrap`
/// at its root; a `go1.x` function's handler).
enum ArtifactBootstrap {
    /// Unpacks `artifact` (relative to `serviceDirectory`) and answers the path of its `executable`.
    static func unpack(
        _ artifact: String,
        executable: String = "bootstrap",
        key: String,
        serviceDirectory: String,
        into supportDirectory: String
    ) -> Result<String, LaunchError> {
        let path = artifact.hasPrefix("/") ? artifact : serviceDirectory + "/" + artifact
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(LaunchError("function '\(key)': package.artifact '\(artifact)' does not exist yet (looked for \(path))", deferred: true))
        }
        let digest = Digest.sha256(data).prefix(8).map { String(format: "%02x", $0) }.joined()
        let destination = "\(supportDirectory)/artifacts/\(key)-\(digest)"
        let bootstrap = destination + "/" + executable
        if !FileManager.default.fileExists(atPath: destination) {
            let staging = destination + ".partial-\(getpid())"
            do {
                try? FileManager.default.removeItem(atPath: staging)
                try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
                let archive = try Archive(data: data, accessMode: .read)
                for entry in archive {
                    let parts = entry.path.split(separator: "/")
                    guard !entry.path.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
                        try? FileManager.default.removeItem(atPath: staging)
                        return .failure(
                            LaunchError("function '\(key)': package.artifact '\(artifact)' has an entry outside its folder: '\(entry.path)'")
                        )
                    }
                    _ = try archive.extract(entry, to: URL(fileURLWithPath: staging + "/" + entry.path))
                }
                try FileManager.default.moveItem(atPath: staging, toPath: destination)
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                if FileManager.default.fileExists(atPath: destination) { return check(bootstrap, named: executable, key: key, artifact: artifact) }
                return .failure(LaunchError("function '\(key)': package.artifact '\(artifact)' is not a zip that can be read: \(error)"))
            }
        }
        return check(bootstrap, named: executable, key: key, artifact: artifact)
    }

    private static func check(_ bootstrap: String, named name: String, key: String, artifact: String) -> Result<String, LaunchError> {
        guard FileManager.default.fileExists(atPath: bootstrap) else {
            return .failure(LaunchError("function '\(key)': package.artifact '\(artifact)' has no \(name) at its root"))
        }
        guard FileManager.default.isExecutableFile(atPath: bootstrap) else {
            return .failure(
                LaunchError("function '\(key)': the \(name) in package.artifact '\(artifact)' is not executable (zip it with its permissions)")
            )
        }
        return .success(bootstrap)
    }
}
