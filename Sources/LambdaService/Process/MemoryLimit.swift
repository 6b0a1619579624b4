#if canImport(Glibc)
import Glibc
#endif

/// Lambda's memory limit for a function's execution environment: when the resident memory of its
/// process and of the children it forked passes the function's `memorySize`, the environment is killed
/// (the runtime ends with `signal: killed`, the invocation fails with `Runtime.ExitError`), as the
/// cgroup limit of a Lambda environment does. Measured from `/proc` every 50 ms while the process runs,
/// so a fast allocation may overshoot by what it allocates in that time.
enum MemoryLimit {
    static let interval = Duration.milliseconds(50)
    /// The most descendants measured (a process forking without end is still measured by its first ones).
    static let descendantLimit = 256
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Watches `process` until it ends; the first time its memory passes `megabytes`, calls `exceeded`
    /// with what it measured (in MB) and stops watching.
    static func watch(_ process: ChildProcess, megabytes: Int, exceeded: @escaping @Sendable (Int) -> Void) {
        Task.detached(priority: .utility) {
            while process.exitStatus == nil {
                try? await Task.sleep(for: interval)
                guard let used = residentMegabytes(of: process.pid) else { return }
                if used > megabytes {
                    exceeded(used)
                    return
                }
            }
        }
    }

    /// The resident memory of `pid` and its descendants in MB, nil once `pid` is gone.
    static func residentMegabytes(of pid: pid_t) -> Int? {
        guard let own = residentPages(pid) else { return nil }
        var pages = own
        var pending = children(of: pid)
        var seen = 0
        while let child = pending.popLast(), seen < descendantLimit {
            seen += 1
            pages += residentPages(child) ?? 0
            pending += children(of: child)
        }
        return pages * pageSize / (1024 * 1024)
    }

    /// The second field of `/proc/<pid>/statm`: resident pages.
    private static func residentPages(_ pid: pid_t) -> Int? {
        guard let text = contents(of: "/proc/\(pid)/statm") else { return nil }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? Int(fields[1]) : nil
    }

    /// The processes `pid`'s main thread forked (`/proc/<pid>/task/<pid>/children`).
    private static func children(of pid: pid_t) -> [pid_t] {
        guard let text = contents(of: "/proc/\(pid)/task/\(pid)/children") else { return [] }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t($0) }
    }

    /// A small `/proc` file's text (at most 4 KiB), nil when it cannot be read.
    private static func contents(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }
}
