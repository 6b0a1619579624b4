/// `useDotenv: true` as the Serverless Framework (v3) reads it: `.env.<stage>` in the configuration's
/// folder, or `.env` when there is none; `KEY=VALUE` lines (`export ` allowed, `#` comments, values in
/// single quotes kept as written, in double quotes with `\n` escapes, an unquoted `#` starting a
/// comment, the last of a repeated key winning), `$NAME`, `${NAME}` and `${NAME:-default}` expanded as
/// dotenv-expand does; variables already set are never overridden.
/// See https://www.serverless.com/framework/docs/environment-variables
enum Dotenv {
    /// The environment with the dotenv file's variables added; the file read, if any.
    static func load(stage: String, files: SourceFiles, into environment: [String: String]) -> (environment: [String: String], file: String?) {
        for name in [".env.\(stage)", ".env"] {
            let path = files.displayPath(for: name)
            guard let bytes = files.read(path) else { continue }
            var merged = environment
            for (key, value) in parse(String(decoding: bytes, as: UTF8.self), environment: environment) where merged[key] == nil {
                merged[key] = value
            }
            return (merged, path)
        }
        return (environment, nil)
    }

    /// The file's variables, the last of a repeated key winning, each value expanded against the
    /// environment first and the file's other values after.
    static func parse(_ text: String, environment: [String: String]) -> [(String, String)] {
        var raw: [(key: String, value: String, expand: Bool)] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for rawLine in body.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine).drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals].trimmingWhitespace)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }) else { continue }
            var value = line[line.index(after: equals)...].trimmingWhitespace
            var expand = true
            if let quote = value.first, quote == "'" || quote == "\"" || quote == "`", let end = value.dropFirst().firstIndex(of: quote) {
                let inner = value[value.index(after: value.startIndex)..<end]
                expand = quote != "'"
                value = Substring(quote == "\"" ? inner.replacingEscapes : String(inner))
            } else {
                // Unquoted, a `#` starts a comment (dotenv 16).
                value = value.prefix { $0 != "#" }.trimmingWhitespace
            }
            raw.removeAll { $0.key == key }
            raw.append((key, String(value), expand))
        }
        let values = Dictionary(raw.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        return raw.map { entry in (entry.key, entry.expand ? expanded(entry.value, environment, values, depth: 0) : entry.value) }
    }

    /// The longest a value may grow by expansion (`B=$A$A`, `C=$B$B`, … would double it each line).
    static let maximumExpandedLength = 65_536

    /// `$NAME`, `${NAME}` and `${NAME:-default}` replaced by their values (the environment's, else the
    /// file's, expanded in turn; empty when unknown); `\$` keeps a dollar sign.
    static func expanded(_ value: String, _ environment: [String: String], _ file: [String: String], depth: Int) -> String {
        var output = ""
        var rest = Substring(value)
        while let dollar = rest.firstIndex(of: "$"), output.count <= maximumExpandedLength {
            let before = rest[..<dollar]
            if before.hasSuffix("\\") {
                output += before.dropLast() + "$"
                rest = rest[rest.index(after: dollar)...]
                continue
            }
            output += before
            var after = rest[rest.index(after: dollar)...]
            var name: Substring
            var fallback = ""
            if after.hasPrefix("{"), let close = after.firstIndex(of: "}") {
                name = after[after.index(after: after.startIndex)..<close]
                after = after[after.index(after: close)...]
                if let colon = name.indices.first(where: { name[$0...].hasPrefix(":-") }) {
                    fallback = String(name[name.index(colon, offsetBy: 2)...])
                    name = name[..<colon]
                }
            } else {
                name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                after = after.dropFirst(name.count)
            }
            if name.isEmpty {
                output += "$"
            } else if let set = environment[String(name)] {
                output += set
            } else if let given = file[String(name)], depth < 8 {
                output += expanded(given, environment, file, depth: depth + 1)
            } else {
                output += fallback
            }
            rest = after
        }
        return String((output + rest).prefix(maximumExpandedLength))
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }

    fileprivate var replacingEscapes: String {
        var output = ""
        var escaped = false
        for character in self {
            if escaped {
                output.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
