import Foundation
package import Logging

/// Lambda's log lines around an invocation: `START` when it begins, `END` and `REPORT` (duration, billed
/// duration, memory size, peak memory, init duration on a cold start) when it ends; written at `info`.
struct InvocationReport: Sendable {
    let function: LambdaFunction
    let requestID: String
    let logger: Logger
    let log: InvocationLog?
    let started = ContinuousClock.now

    init(function: LambdaFunction, requestID: String, logger: Logger, log: InvocationLog? = nil) {
        self.function = function
        self.requestID = requestID
        self.logger = logger
        self.log = log
        logger.info("START RequestId: \(requestID) Version: $LATEST")
        log?.append("START RequestId: \(requestID) Version: $LATEST")
    }

    /// Logs `END` and `REPORT`; the peak memory is that of `processID` when the function ran in a process
    /// of its own, else the emulator's.
    func finish(initDurationMs: Double?, processID: Int32?) {
        guard logger.logLevel <= .info || log != nil else { return }
        let elapsed = ContinuousClock.now - started
        // Lambda's Duration is the invocation's alone: a cold start's init is reported apart (and billed with it).
        let total = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let milliseconds = max(0, total - (initDurationMs ?? 0))
        logger.info("END RequestId: \(requestID)")
        log?.append("END RequestId: \(requestID)")
        var line = "REPORT RequestId: \(requestID)\tDuration: \(String(format: "%.2f", milliseconds)) ms"
        line += "\tBilled Duration: \(Int((milliseconds + (initDurationMs ?? 0)).rounded(.up))) ms\tMemory Size: \(function.memorySize) MB"
        line += "\tMax Memory Used: \((processID.flatMap { PeakMemory.of(pid: $0) } ?? PeakMemory.ofThisProcess()) ?? 0) MB"
        if let initDurationMs { line += "\tInit Duration: \(String(format: "%.2f", initDurationMs)) ms" }
        logger.info("\(line)")
        log?.append(line)
    }
}

/// A process's peak resident memory (`VmHWM` in `/proc/<pid>/status`), in MB.
package enum PeakMemory {
    /// The peak of process `pid`, nil when it cannot be read (the process is gone).
    package static func of(pid: Int32) -> Int? { read("/proc/\(pid)/status") }

    /// The emulator's own peak: `getrusage`'s maximum resident set (the same figure as `VmHWM`), one
    /// system call rather than a file read and parsed on every in-process invocation.
    static func ofThisProcess() -> Int? {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return read("/proc/self/status") }
        return (Int(usage.ru_maxrss) + 1023) / 1024
    }

    private static func read(_ path: String) -> Int? {
        guard let status = try? String(contentsOfFile: path, encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (kilobytes + 1023) / 1024
    }
}

/// A function's answer that is not JSON, as a process sent it (API Gateway answers it as a malformed result).
public struct UnparsedPayload: Sendable {
    /// The bytes.
    public let bytes: [UInt8]
}
