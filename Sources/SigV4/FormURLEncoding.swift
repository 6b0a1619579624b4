/// `application/x-www-form-urlencoded` fields, as AWS's query protocol (STS) and OAuth 2.0's endpoints
/// send them: `name=value` pairs joined by `&`, `+` for a space, `%XX` escapes.
public enum FormURLEncoding {
    /// The fields of each text in turn; a name given again takes its last value. A pair without `=` is a
    /// field with an empty value; an empty name is kept as it came.
    public static func fields(_ texts: String...) -> [String: String] {
        var fields: [String: String] = [:]
        for text in texts {
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
            }
        }
        return fields
    }

    /// One name or value: `+` is a space, then the `%XX` escapes.
    public static func decode(_ part: Substring) -> String {
        SigV4.percentDecode(String(part).replacing("+", with: " "))
    }
}
