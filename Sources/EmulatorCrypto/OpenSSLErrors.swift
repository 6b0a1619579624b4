internal import COpenSSL

/// Reads and clears libcrypto's thread-local error queue.
enum OpenSSLErrors {
    /// The queued errors as text (or "unknown error"), leaving the queue empty.
    static func drain() -> String {
        var messages: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(cString: buffer))
        }
        return messages.isEmpty ? "unknown error" : messages.joined(separator: "; ")
    }
}
