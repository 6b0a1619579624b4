#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The files one load reads, by the path shown in diagnostics; kept so diagnostics can quote lines.
final class SourceFiles {
    private let directory: String
    private var contents: [String: [UInt8]] = [:]
    /// The paths read from disk, in the order they were read.
    private(set) var readFromDisk: [String] = []

    /// - Parameter configPath: The main file's path as the user gave it; other files are relative to its folder.
    init(configPath: String) {
        let folder = configPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        directory = configPath.hasPrefix("/") && folder.isEmpty ? "/" : folder
    }

    /// Registers text that did not come from disk (a configuration given as a string).
    func register(_ bytes: [UInt8], as path: String) {
        contents[path] = bytes
    }

    /// The path shown for a file named relative to the main file's folder.
    func displayPath(for relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        var parts = directory.isEmpty ? [] : directory.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != "..", !last.isEmpty { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The bytes of a file by its display path, read once; nil when it cannot be read.
    func read(_ path: String) -> [UInt8]? {
        if let bytes = contents[path] { return bytes }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        contents[path] = bytes
        readFromDisk.append(path)
        return bytes
    }

    /// The text of a 1-based line of a file already read, for quoting in a diagnostic.
    func line(_ number: Int, of path: String) -> String? {
        guard let bytes = contents[path], number >= 1 else { return nil }
        var current = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if current == number { return String(decoding: bytes[start..<index], as: UTF8.self) }
            current += 1
            start = index + 1
        }
        return current == number && start <= bytes.count ? String(decoding: bytes[start...], as: UTF8.self) : nil
    }
}
