import Foundation
import LambdaService
import Logging
import Provisioning
import ServerlessConfig

/// Watch mode (`emulate up --watch`): a change to the configuration reloads it — routes, functions,
/// environments, authorizers, schedules — with the pools, users and other state kept; a change to the
/// code restarts the functions that run out of process. With `--build`, the build runs first and a
/// failure keeps the old version serving; a build that changed the emulator's own executable (its
/// in-process handlers) re-executes it on the same ports. One line says what was reloaded and how long it took.
extension Emulator {
    static let watchInterval: Duration = .milliseconds(300)

    func watch(endpoints: ServiceEndpoints, startup: Startup, slots: ListenerSlots) async {
        var configFiles = configFiles
        let directory = Self.directory(of: source)
        let executable = Self.executableStamp()
        var watcher = FileWatcher(configFiles: configFiles, codeDirectory: directory)
        var stamps = watcher.snapshot()
        logger.info("watching \(configFiles.count) configuration file(s) and the code under \(directory)")
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.watchInterval)
            var changed = FileWatcher.changes(from: stamps, to: watcher.snapshot())
            guard !changed.isEmpty else { continue }
            try? await Task.sleep(for: .milliseconds(100))  // let an editor's save (or a build) finish writing
            let latest = watcher.snapshot()
            changed = FileWatcher.changes(from: stamps, to: latest)
            stamps = latest
            guard !changed.isEmpty else { continue }  // a file that came and went
            let started = ContinuousClock.now
            let what = changed.count == 1 ? (changed[0].split(separator: "/").last.map(String.init) ?? changed[0]) : "\(changed.count) files"
            if let command = options.buildCommand {
                logger.info("\(what) changed: running \(command)")
                let status = await ShellCommand.run(command, directory: directory, environment: ProcessInfo.processInfo.environment, logger: logger)
                stamps = watcher.snapshot()  // the build's own output is not a change
                guard status == 0 else {
                    logger.error("the build failed (exit status \(status)); still serving the previous version")
                    continue
                }
                if let rebuilt = options.onExecutableRebuilt, Self.executableStamp() != executable {
                    logger.info("the emulator's executable was rebuilt: restarting it on the same ports")
                    await background.drain()  // acknowledged Event invocations finish first
                    for pool in await startup.runtime?.pools ?? [] { await pool.shutdown() }
                    await rebuilt(endpoints.apiPort, endpoints.cognitoPort, endpoints.lambdaPort)
                    continue
                }
            }
            if changed.contains(where: configFiles.contains) {
                do {
                    let loaded = try Self.load(source, options: options, handlers: handlers, provisioner: provisioner, endpoints: endpoints)
                    let runtime = runtime(for: loaded.stack, service: loaded.service, launches: loaded.launches)
                    let previous = await startup.replace(runtime, service: loaded.service, schedules: schedules(for: loaded.service, runtime))
                    install(runtime, service: loaded.service, in: slots, endpoints: endpoints)
                    for pool in previous?.pools ?? [] { await pool.shutdown() }
                    try? ReadyInfo.write(readyInfo(endpoints: endpoints, service: loaded.service, runtime: runtime), to: options.readyFile)
                    configFiles = loaded.files.isEmpty ? configFiles : loaded.files
                    watcher = FileWatcher(configFiles: configFiles, codeDirectory: directory)
                    stamps = watcher.snapshot()
                    logger.info(
                        "reloaded \(what): \(loaded.service.routes.count) routes, \(loaded.service.functions.count) functions in \(Self.milliseconds(since: started)) ms (pools and users kept)"
                    )
                } catch {
                    logger.error("the changed configuration cannot be used; still serving the previous one:\n\(error.description)")
                }
            } else {
                let pools = await startup.runtime?.pools ?? []
                for pool in pools { await pool.recycle() }
                logger.info("\(what) changed: restarted \(pools.count) out-of-process function(s) in \(Self.milliseconds(since: started)) ms")
            }
        }
    }

    private static func directory(of source: ConfigSource) -> String {
        switch source {
        case .file(let path), .text(_, let path): return ServerlessService.directory(ofConfig: path)
        }
    }

    private static func executableStamp() -> Double? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate].flatMap { ($0 as? Date)?.timeIntervalSince1970 }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
