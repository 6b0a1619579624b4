import CognitoEmulator
import Foundation
import ServerlessConfig

/// Where the state lives: SQLite under the state directory (`.emulate/` beside the configuration
/// unless `--state-dir` says otherwise), or memory. A state file is used by one process at a time
/// (``StateLock``).
enum StateDirectory {
    static func openStore(configPath: String, service: ServerlessService, options: EmulatorOptions) throws(EmulatorError) -> CognitoStore {
        if options.inMemory {
            do { return try CognitoStore(path: nil) } catch { throw EmulatorError(error.description) }
        }
        let directory = options.stateDirectory ?? (URL(fileURLWithPath: configPath).deletingLastPathComponent().path + "/.emulate")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw EmulatorError("cannot create the state directory \(directory): \(error.localizedDescription)")
        }
        let path = "\(directory)/\(service.name)-\(service.stage).sqlite"
        try StateLock.acquire(forStateAt: path)
        do {
            return try CognitoStore(path: path)
        } catch {
            throw EmulatorError(error.description)
        }
    }
}
