import EmulatorCore
import EmulatorCrypto
import Foundation
public import LambdaEmulator
public import Logging
import NIOConcurrencyHelpers

/// Runs one function out of process with Lambda's process model: an instance (process + Runtime API)
/// starts on the first invocation (a cold start), takes one invocation at a time, stays warm and is
/// reused; more start under concurrent load, up to the function's reserved concurrency (10 by default),
/// beyond which invocations are throttled. A timeout kills the instance's process; the next
/// invocation starts a fresh one.
public final class ProcessPool: FunctionProcessRunner {
    /// How long a process may take to stop after SIGTERM before it gets SIGKILL.
    static let stopGrace = 2.0

    let launch: FunctionLaunch
    private let logger: Logger
    private let instances = NIOLockedValueBox<[FunctionInstance]>([])
    private let stopped = NIOLockedValueBox(false)

    /// A pool for `launch`, logging the processes' output and Lambda's lines to `logger`.
    public init(launch: FunctionLaunch, logger: Logger) {
        self.launch = launch
        var logger = logger
        logger[metadataKey: "lambda.function"] = "\(launch.key)"
        self.logger = logger
    }

    /// Runs one invocation in a warm instance, or a new one.
    public func invoke(_ payload: [UInt8], invocation: InvocationRequest) async -> ProcessInvocation {
        let requestID = invocation.requestID
        let instance: FunctionInstance
        switch acquire() {
        case .warm(let warm): instance = warm
        case .cold(let cold):
            if let failure = await start(cold, requestID: requestID) {
                cold.release()
                return ProcessInvocation(result: .failure(failure))
            }
            instance = cold
        case .throttled:
            let message = "Rate Exceeded."
            return ProcessInvocation(result: .failure(InvocationFailure(.throttled, requestID: requestID, errorMessage: message)))
        case .stopped:
            return ProcessInvocation(
                result: .failure(
                    InvocationFailure(.handlerError, requestID: requestID, errorType: "Runtime.Unavailable", errorMessage: "the emulator is stopping")
                )
            )
        }
        defer { instance.release() }
        let timeout = launch.timeout
        let assignment = FunctionInstance.Assignment(
            request: invocation,
            payload: payload,
            deadlineMs: Int64((Date().timeIntervalSince1970 + timeout) * 1000),
            traceID: Self.traceID()
        )
        let deadline = Deadlines.shared.add(after: timeout) { [logger] in
            instance.complete(requestID, .failure(InvocationFailure(.functionTimeout, requestID: requestID, seconds: timeout)))
            logger.debug("\(requestID) killing the process of \(self.launch.key) after its timeout")
            instance.died(nil) { id in
                InvocationFailure(
                    .handlerError,
                    requestID: id,
                    errorType: "Runtime.ExitError",
                    errorMessage: "RequestId: \(id) Error: Runtime exited with error: signal: killed"
                )
            }
            instance.process?.kill(SIGKILL)
        }
        let result = await instance.run(assignment)
        Deadlines.shared.remove(deadline)
        if invocation.log != nil { await instance.process?.drainOutput() }  // the tail gets what was written before the answer
        let coldStart = instance.claimColdStart()
        return ProcessInvocation(result: result, initDurationMs: coldStart ? instance.initDurationMs : nil, processID: instance.process?.pid)
    }

    /// Stops every instance's process: SIGTERM, then SIGKILL after a grace period.
    public func shutdown() async {
        stopped.withLockedValue { $0 = true }
        let all = instances.withLockedValue { instances -> [FunctionInstance] in
            defer { instances = [] }
            return instances
        }
        await withTaskGroup(of: Void.self) { group in
            for instance in all {
                group.addTask {
                    instance.died(nil)
                    await instance.process?.stop(grace: Self.stopGrace)
                }
            }
        }
    }

    /// Stops the instances running now (their code changed); the next invocation starts a fresh one.
    public func recycle() async {
        let old = instances.withLockedValue { instances -> [FunctionInstance] in
            defer { instances = [] }
            return instances
        }
        for instance in old {
            instance.died(nil) { id in
                InvocationFailure(
                    .handlerError,
                    requestID: id,
                    errorType: "Runtime.ExitError",
                    errorMessage: "RequestId: \(id) Error: the function's code changed"
                )
            }
            await instance.process?.stop(grace: Self.stopGrace)
        }
    }

    /// How many instances are alive (for tests and the console).
    public var instanceCount: Int { instances.withLockedValue { $0.filter { !$0.isDead }.count } }

    private enum Acquired {
        case warm(FunctionInstance)
        case cold(FunctionInstance)
        case throttled
        case stopped
    }

    private func acquire() -> Acquired {
        if stopped.withLockedValue({ $0 }) { return .stopped }
        return instances.withLockedValue { instances in
            instances.removeAll { $0.isDead }
            if let warm = instances.first(where: { $0.reserve() }) { return .warm(warm) }
            guard instances.count < launch.maxInstances else { return .throttled }
            let instance = FunctionInstance(function: launch, capacity: launch.perProcessConcurrency)
            _ = instance.reserve()
            instances.append(instance)
            return .cold(instance)
        }
    }

    /// Starts the instance's Runtime API and process; a failure to start is the invocation's failure.
    private func start(_ instance: FunctionInstance, requestID: String) async -> InvocationFailure? {
        let listener: RuntimeAPIListener
        do {
            let api = RuntimeAPI(instance: instance, launch: launch, logger: logger)
            listener = try await RuntimeAPIListener.start(bodyLimit: RuntimeAPI.responseLimit) { request, reply in api.respond(request, reply: reply)
            }
        } catch {
            instance.died(nil)
            return InvocationFailure(
                .handlerError,
                requestID: requestID,
                errorType: "Runtime.Unavailable",
                errorMessage: "cannot open the Runtime API: \(error)"
            )
        }
        var environment = launch.environment
        environment["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:\(listener.port)"
        let logger = self.logger
        let process: ChildProcess
        do {
            let (arguments, directory) = (launch.arguments, launch.directory)
            process = try ChildProcess.start(arguments, environment: environment, directory: directory, killsGroupOnExit: true) { stream, line in
                if stream == .stderr { logger.notice("\(line)") } else { logger.info("\(line)") }
                instance.logLine(line)
            }
        } catch {
            instance.died(nil)
            await listener.close()
            logger.error("\(error.description) (function \(launch.key))")
            return InvocationFailure(.handlerError, requestID: requestID, errorType: "Runtime.InvalidEntrypoint", errorMessage: error.description)
        }
        instance.attach(process)
        let (key, memorySize) = (launch.key, launch.memorySize)
        MemoryLimit.watch(process, megabytes: memorySize) { excess in
            switch excess {
            case .memory(let used):
                logger.error(
                    "the process of \(key) holds \(used) MB, over its memory size of \(memorySize) MB: killed, as Lambda's memory limit does"
                )
            case .processes(let count):
                logger.error(
                    "the process of \(key) and its children are \(count) processes, over Lambda's limit of \(MemoryLimit.processLimit): killed"
                )
            }
            process.kill(SIGKILL)
        }
        Task {
            let exit = await process.exited()
            if !instance.isDead { logger.warning("the process of \(self.launch.key) ended: \(exit)") }
            instance.died(exit)
            await listener.close()
        }
        return nil
    }

    /// An X-Ray trace header: `Root=1-<8 hex of the time>-<24 hex>;Parent=<16 hex>;Sampled=0`.
    static func traceID() -> String {
        let time = String(UInt64(Date().timeIntervalSince1970), radix: 16)
        let digits = Array("0123456789abcdef".utf8)
        var random = [UInt8]()
        random.reserveCapacity(40)
        for byte in SecureRandom.bytes(20) {
            random.append(digits[Int(byte >> 4)])
            random.append(digits[Int(byte & 0x0f)])
        }
        let hex = String(decoding: random, as: UTF8.self)
        return "Root=1-\(time)-\(hex.prefix(24));Parent=\(hex.dropFirst(24).prefix(16));Sampled=0"
    }
}
