/// A request's IAM context keys (`aws:username`, `aws:PrincipalTag/team`, `aws:SourceArn`,
/// `cognito-identity.amazonaws.com:sub`, `…:aud`, `…:amr`), read case-insensitively as IAM reads them,
/// and the policy variables they fill (`${cognito-identity.amazonaws.com:sub}`).
public struct IAMContext: Sendable, Hashable {
    private var values: [String: [String]]

    /// A context with `keys`.
    public init(_ keys: [String: [String]] = [:]) {
        values = [:]
        for (key, value) in keys { values[key.lowercased()] = value }
    }

    /// The values of `key`, nil when the request has no such key.
    public subscript(key: String) -> [String]? {
        get { values[key.lowercased()] }
        set { values[key.lowercased()] = newValue }
    }

    /// This context with `other`'s keys added (theirs win).
    public func merging(_ other: IAMContext) -> IAMContext {
        var merged = self
        merged.values.merge(other.values) { _, theirs in theirs }
        return merged
    }

    /// `text` with its policy variables replaced: `${key}`, `${key, 'default'}`, and the escapes
    /// `${*}`, `${?}`, `${$}`. Nil when a variable names a key the request lacks and gives no default:
    /// the element then matches nothing, as in IAM.
    public func substitutingVariables(in text: String) -> String? {
        guard text.contains("${") else { return text }
        var output = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                output += rest[start.lowerBound...]
                return output
            }
            let inside = rest[start.upperBound..<end]
            rest = rest[rest.index(after: end)...]
            switch inside {
            case "*", "?", "$":
                output += inside
                continue
            default: break
            }
            let parts = inside.split(separator: ",", maxSplits: 1)
            let key = parts.first.map { String($0).trimmed } ?? ""
            if let value = self[key]?.first {
                output += value
            } else if parts.count == 2 {
                let fallback = parts[1].trimmed
                guard fallback.count >= 2, fallback.hasPrefix("'"), fallback.hasSuffix("'") else { return nil }
                output += fallback.dropFirst().dropLast()
            } else {
                return nil
            }
        }
        return output + rest
    }
}

extension StringProtocol {
    var trimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
