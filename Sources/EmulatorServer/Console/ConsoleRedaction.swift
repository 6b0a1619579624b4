import EmulatorCore

/// What the console never shows: passwords and secrets (any JSON key or form field whose name holds
/// `password` or `secret`), and more than the start of a refresh token. JSON held in strings (an API
/// event's `body`) is redacted too.
enum ConsoleRedaction {
    static let mask = "••••••"

    /// `text` with its secrets masked: as JSON when it is JSON, else as a form (`a=1&password=x`).
    static func redact(_ text: String) -> String {
        guard let value = JSONValue.parse(Array(text.utf8), duplicateKeys: .lastWins) else { return redactForm(text) }
        return redact(value).serialized
    }

    static func redact(_ value: JSONValue, key: String? = nil) -> JSONValue {
        switch value {
        case .object(let members): return .object(members.map { .init($0.key, redact($0.value, key: $0.key)) })
        case .array(let items): return .array(items.map { redact($0, key: key) })
        case .string(let text):
            if let key, isSecret(key) { return .string(mask) }
            if let key, isRefreshToken(key) { return .string(String(text.prefix(8)) + "…") }
            if text.first == "{" || text.first == "[", let inner = JSONValue.parse(Array(text.utf8), duplicateKeys: .lastWins) {
                return .string(redact(inner).serialized)
            }
            return text.contains("=") ? .string(redactForm(text)) : value
        default:
            return value
        }
    }

    /// A form's secret fields masked (`password=x` → `password=••••••`); other text as it is.
    static func redactForm(_ text: String) -> String {
        guard text.contains("="), !text.contains(" ") || text.contains("&") else { return text }
        return text.split(separator: "&", omittingEmptySubsequences: false).map { field -> String in
            guard let equals = field.firstIndex(of: "=") else { return String(field) }
            let key = String(field[..<equals])
            if isSecret(key) { return key + "=" + mask }
            if isRefreshToken(key) { return key + "=" + String(field[field.index(after: equals)...].prefix(8)) + "…" }
            return String(field)
        }.joined(separator: "&")
    }

    static func isSecret(_ key: String) -> Bool {
        let name = key.lowercased()
        return name.contains("password") || name.contains("secret")
    }

    /// An environment variable whose value is shown masked: a secret's name, or a token's, a key's or a credential's.
    static func isSecretVariable(_ name: String) -> Bool {
        let upper = name.uppercased()
        return isSecret(name) || ["TOKEN", "PRIVATE", "CREDENTIAL"].contains { upper.contains($0) } || upper.hasSuffix("KEY")
            || upper.contains("_KEY")
    }

    static func isRefreshToken(_ key: String) -> Bool {
        key.lowercased().replacing("_", with: "").contains("refreshtoken")
    }
}
