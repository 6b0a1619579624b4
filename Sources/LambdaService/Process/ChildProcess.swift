import CProcessSpawn
import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// A process the emulator started: its own process group, killed by the kernel if the emulator dies
/// (parent-death signal), stdout and stderr read line by line, its exit awaited on a thread of its own.
final class ChildProcess: Sendable {
    /// How a process ended.
    enum Exit: Sendable, Equatable, CustomStringConvertible {
        case status(Int32)
        case signal(Int32)

        /// As Lambda's runtime reports it: `exit status 1`, `signal: killed`.
        var description: String {
            switch self {
            case .status(let code): return "exit status \(code)"
            case .signal(let number): return "signal: \(Self.signalName(number))"
            }
        }

        private static func signalName(_ number: Int32) -> String {
            switch number {
            case SIGKILL: return "killed"
            case SIGTERM: return "terminated"
            case SIGSEGV: return "segmentation fault"
            case SIGABRT: return "aborted"
            case SIGILL: return "illegal instruction"
            case SIGTRAP: return "trace/breakpoint trap"
            case SIGBUS: return "bus error"
            case SIGINT: return "interrupt"
            default: return "signal \(number)"
            }
        }
    }

    /// Which stream a line came from.
    enum Stream: Sendable { case stdout, stderr }

    /// Why a process could not start.
    struct SpawnError: Error, CustomStringConvertible {
        let command: String
        let errorNumber: Int32
        var description: String {
            let reason = errorNumber == ENOENT ? "no such file or command" : String(cString: strerror(errorNumber))
            return "cannot start '\(command)': \(reason)"
        }
    }

    /// The process ID (also its process group's).
    let pid: pid_t
    private let exit = NIOLockedValueBox<ExitState>(ExitState())
    /// The output pipes still open, and how many chunks their readers are handing over right now.
    private let output = NIOLockedValueBox<(open: Set<Int32>, busy: Int)>(([], 0))

    private struct ExitState {
        var exit: Exit?
        var waiters: [CheckedContinuation<Exit, Never>] = []
    }

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// Starts `arguments` in `directory` with exactly `environment`; each output line goes to `onLine`.
    /// With `killsGroupOnExit`, what the process forked dies with it, as a Lambda execution environment
    /// goes when its runtime ends.
    static func start(
        _ arguments: [String],
        environment: [String: String],
        directory: String,
        killsGroupOnExit: Bool = false,
        onLine: @escaping @Sendable (Stream, String) -> Void
    ) throws(SpawnError) -> ChildProcess {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard emulate_pipe(&outPipe) == 0 else { throw SpawnError(command: arguments.first ?? "", errorNumber: errno) }
        guard emulate_pipe(&errPipe) == 0 else {
            close(outPipe[0])
            close(outPipe[1])
            throw SpawnError(command: arguments.first ?? "", errorNumber: errno)
        }
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var errorNumber: Int32 = 0
        let pid = withCStrings(arguments) { argv in
            withCStrings(environmentLines) { envp in
                emulate_spawn(argv, envp, directory, outPipe[1], errPipe[1], &errorNumber)
            }
        }
        close(outPipe[1])
        close(errPipe[1])
        guard pid > 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(command: arguments.first ?? "", errorNumber: errorNumber)
        }
        let process = ChildProcess(pid: pid)
        process.output.withLockedValue { $0.open = [outPipe[0], errPipe[0]] }
        process.readLines(outPipe[0], stream: .stdout, onLine)
        process.readLines(errPipe[0], stream: .stderr, onLine)
        let thread = Thread {
            let status = emulate_wait(pid, killsGroupOnExit ? 1 : 0)
            process.finished(Self.exit(fromWaitStatus: status))
        }
        thread.start()
        return process
    }

    /// Waits for the process to end.
    func exited() async -> Exit {
        await withCheckedContinuation { continuation in
            let done = exit.withLockedValue { state -> Exit? in
                if let exit = state.exit { return exit }
                state.waiters.append(continuation)
                return nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    /// How it ended, nil while it runs.
    var exitStatus: Exit? { exit.withLockedValue { $0.exit } }

    /// Sends `signal` to the process's whole group (what it started too), unless it has been reaped.
    func kill(_ signal: Int32 = SIGKILL) {
        guard exitStatus == nil else { return }
        Glibc.kill(-pid, signal)
    }

    /// SIGTERM, then SIGKILL after `grace` seconds if it is still running; returns once it has ended.
    func stop(grace: Double) async {
        kill(SIGTERM)
        let killer = Task {
            try await Task.sleep(for: .milliseconds(Int(grace * 1000)))
            self.kill(SIGKILL)
        }
        _ = await exited()
        killer.cancel()
    }

    /// Waits (at most `limit` seconds) until what the process has written so far has been handed to
    /// `onLine`: lines written before it answered belong to that invocation's log.
    func drainOutput(limit: Double = 0.05) async {
        let deadline = ContinuousClock.now + .milliseconds(Int(limit * 1000))
        var quietChecks = 0
        while ContinuousClock.now < deadline {
            let idle = output.withLockedValue { state in state.busy == 0 && state.open.allSatisfy { emulate_pending_bytes($0) <= 0 } }
            quietChecks = idle ? quietChecks + 1 : 0
            if quietChecks == 2 { return }  // twice, a moment apart: a chunk just read is being handed over otherwise
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    private func finished(_ exit: Exit) {
        let waiters = self.exit.withLockedValue { state -> [CheckedContinuation<Exit, Never>] in
            state.exit = exit
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: exit) }
    }

    private static func exit(fromWaitStatus status: Int32) -> Exit {
        if status < 0 { return .status(-1) }
        if status & 0x7f == 0 { return .status((status >> 8) & 0xff) }
        return .signal(status & 0x7f)
    }

    /// Reads `descriptor` on a thread until end of file, handing each line (without its newline) to `onLine`;
    /// a line longer than 256 KiB is handed over in pieces.
    private func readLines(_ descriptor: Int32, stream: Stream, _ onLine: @escaping @Sendable (Stream, String) -> Void) {
        let output = self.output
        let thread = Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                output.withLockedValue { $0.busy += 1 }
                defer { output.withLockedValue { $0.busy -= 1 } }
                pending.append(contentsOf: buffer[0..<count])
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    onLine(stream, String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
                if pending.count > 256 * 1024 {
                    onLine(stream, String(decoding: pending, as: UTF8.self))
                    pending.removeAll()
                }
            }
            if !pending.isEmpty { onLine(stream, String(decoding: pending, as: UTF8.self)) }
            output.withLockedValue { state in
                state.open.remove(descriptor)
                close(descriptor)
            }
        }
        thread.start()
    }
}

/// Calls `body` with a NULL-terminated C array of `strings`.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> Result) -> Result {
    let pointers = strings.map { strdup($0) }
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers.map { UnsafePointer($0) } + [nil])
}
