public import Logging

/// A command run by `/bin/sh -c` in a directory, its output logged line by line (watch mode's `--build`).
public enum ShellCommand {
    /// Runs `command` in `directory` with `environment`; answers its exit status (nonzero when it
    /// could not start or was killed).
    public static func run(_ command: String, directory: String, environment: [String: String], logger: Logger) async -> Int32 {
        do {
            let process = try ChildProcess.start(["/bin/sh", "-c", command], environment: environment, directory: directory) { stream, line in
                if stream == .stderr { logger.notice("\(line)") } else { logger.info("\(line)") }
            }
            switch await process.exited() {
            case .status(let code): return code
            case .signal: return 128
            }
        } catch {
            logger.error("\(error.description)")
            return 127
        }
    }
}
