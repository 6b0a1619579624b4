import Foundation

/// Directory listing for tests.
enum FileList {
    /// The names of the regular files directly inside `directory`.
    static func names(in directory: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: directory).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
