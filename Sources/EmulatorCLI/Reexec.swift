import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watch mode's restart after a build changed this executable: the process replaces itself with the new
/// binary, with the same arguments but the ports it had bound (so `--port 0` keeps its port) and every
/// descriptor closed (the listeners free their ports for the new process).
enum Reexec {
    static func run(api: Int, cognito: Int, lambda: Int?) {
        var arguments = CommandLine.arguments
        set("--port", to: api, in: &arguments)
        set("--cognito-port", to: cognito, in: &arguments)
        if let lambda { set("--lambda-port", to: lambda, in: &arguments) }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let descriptor = Int32(name), descriptor > 2 else { continue }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        let pointers = arguments.map { strdup($0) } + [nil]
        execv(executable, pointers)
        printError("emulate: cannot restart \(executable): \(String(cString: strerror(errno)))")
    }

    /// Sets `--flag N` (or `--flag=N`) in `arguments`, adding it after the subcommand's arguments when missing.
    static func set(_ flag: String, to value: Int, in arguments: inout [String]) {
        if let index = arguments.firstIndex(of: flag), index + 1 < arguments.count {
            arguments[index + 1] = String(value)
        } else if let index = arguments.firstIndex(where: { $0.hasPrefix(flag + "=") }) {
            arguments[index] = "\(flag)=\(value)"
        } else {
            arguments += [flag, String(value)]
        }
    }
}
