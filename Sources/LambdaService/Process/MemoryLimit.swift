#if canImport(Glibc)
import Glibc
#endif

/// Lambda's limits on a function's execution environment, for a process and the children it forked:
/// its resident memory may not pass the function's `memorySize` (the cgroup limit of a Lambda
/// environment kills it), and it may not hold more than 1,024 processes (Lambda's quota; there `fork`
/// fails, but a process running as root here is not held by `RLIMIT_NPROC`, so the environment is
/// killed instead). Both are measured over the process's tree: a descendant whose parent exited is
/// re-parented outside it and no longer counted. Either way the runtime ends with `signal: killed` and the
/// invocation fails with `Runtime.ExitError`. Measured from `/proc` every 50 ms while the process runs,
/// so a fast allocation may overshoot by what it allocates in that time.
enum MemoryLimit {
    static let interval = Duration.milliseconds(50)
    /// Lambda's limit on processes and threads in an execution environment; the walk of descendants
    /// stops one past it.
    static let processLimit = 1024
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// What the watchdog found past a limit.
    enum Excess: Sendable, Equatable {
        /// Resident memory, in MB.
        case memory(megabytes: Int)
        /// More processes than ``processLimit``.
        case processes(count: Int)
    }

    /// Watches `process` until it ends; the first time its memory passes `megabytes` or its processes
    /// pass ``processLimit``, calls `exceeded` with what it measured and stops watching.
    static func watch(_ process: ChildProcess, megabytes: Int, exceeded: @escaping @Sendable (Excess) -> Void) {
        Task.detached(priority: .utility) {
            while process.exitStatus == nil {
                try? await Task.sleep(for: interval)
                guard let usage = usage(of: process.pid) else { return }
                if usage.processes > processLimit {
                    exceeded(.processes(count: usage.processes))
                    return
                }
                if usage.megabytes > megabytes {
                    exceeded(.memory(megabytes: usage.megabytes))
                    return
                }
            }
        }
    }

    /// The resident memory of `pid` and its descendants in MB, and how many processes they are (counted
    /// up to one past ``processLimit``); nil once `pid` is gone.
    static func usage(of pid: pid_t) -> (megabytes: Int, processes: Int)? {
        guard let own = residentPages(pid) else { return nil }
        var pages = own
        var pending = children(of: pid)
        var processes = 1
        while let child = pending.popLast(), processes <= processLimit {
            processes += 1
            pages += residentPages(child) ?? 0
            pending += children(of: child)
        }
        return (pages * pageSize / (1024 * 1024), processes)
    }

    /// The second field of `/proc/<pid>/statm`: resident pages.
    private static func residentPages(_ pid: pid_t) -> Int? {
        guard let text = contents(of: "/proc/\(pid)/statm") else { return nil }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? Int(fields[1]) : nil
    }

    /// The processes `pid`'s threads forked (`/proc/<pid>/task/<tid>/children` of each thread: a Go
    /// program or a Python worker thread starts processes from threads other than the main one).
    private static func children(of pid: pid_t) -> [pid_t] {
        guard let tasks = opendir("/proc/\(pid)/task") else { return [] }
        defer { closedir(tasks) }
        var found: [pid_t] = []
        while let entry = readdir(tasks) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let thread = pid_t(name), let text = contents(of: "/proc/\(pid)/task/\(thread)/children") else { continue }
            found += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t($0) }
        }
        return found
    }

    /// A small `/proc` file's text (read to its end, at most 64 KiB: a list of a thousand children
    /// is about 7 KiB), nil when it cannot be read.
    private static func contents(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65536 {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
