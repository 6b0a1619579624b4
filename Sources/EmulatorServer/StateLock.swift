import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One emulator per state file: an advisory lock (`flock`) on `<state>.lock`, held until the process
/// exits — the kernel drops it then, `kill -9` included — with the holder's process ID written in it.
///
/// A second `emulate up` on a state file in use refuses to start and names the first, instead of two
/// processes writing one SQLite file. The same process may take the lock again (a reload, or a test that
/// reopens its state): the lock is kept per path for the process's life.
enum StateLock {
    private static let held = NIOLockedValueBox<[String: CInt]>([:])

    /// Takes the lock of the state file at `path`, or says who holds it.
    static func acquire(forStateAt path: String) throws(EmulatorError) {
        let lockPath = path + ".lock"
        let failure: EmulatorError? = held.withLockedValue { held in
            if held[lockPath] != nil { return nil }
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                return EmulatorError("cannot open \(lockPath): \(String(cString: strerror(errno))); is the state directory writable?")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let reason = errno
                let holder = Self.holder(descriptor)
                close(descriptor)
                guard reason == EWOULDBLOCK else {
                    return EmulatorError("cannot lock \(lockPath): \(String(cString: strerror(reason)))")
                }
                return EmulatorError(
                    "the state \(path) is in use by another emulator\(holder.map { " (\($0))" } ?? ""); stop it, "
                        + "or give this one its own --state-dir, or --in-memory"
                )
            }
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            held[lockPath] = descriptor
            return nil
        }
        if let failure { throw failure }
    }

    /// "pid 1234: emulate up serverless.yml", read from the lock file and `/proc`.
    private static func holder(_ descriptor: CInt) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0, let pid = Int(String(decoding: buffer[..<count], as: UTF8.self).filter(\.isNumber)) else { return nil }
        let command = commandLine(pid)
        return "pid \(pid)" + (command.map { ": \($0)" } ?? "")
    }

    private static func commandLine(_ pid: Int) -> String? {
        let descriptor = open("/proc/\(pid)/cmdline", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let words = buffer[..<count].split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
