/// `useDotenv: true` as the Serverless Framework (v3) reads it: `.env.<stage>` in the configuration's
/// folder, or `.env` when there is none; `KEY=VALUE` lines (`export ` allowed, `#` comments, values in
/// single quotes kept as written, in double quotes with `\n` escapes), `$NAME` and `${NAME}` expanded as
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

    /// The file's variables, in order, each value expanded against the environment and those before it.
    static func parse(_ text: String, environment: [String: String]) -> [(String, String)] {
        var parsed: [(String, String)] = []
        var known = environment
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
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
                value = value.beforeComment.trimmingWhitespace
            }
            let final = expand ? expanded(String(value), known) : String(value)
            parsed.append((key, final))
            if known[key] == nil { known[key] = final }
        }
        return parsed
    }

    /// `$NAME` and `${NAME}` replaced by their values (empty when unknown); `\$` keeps a dollar sign.
    static func expanded(_ value: String, _ known: [String: String]) -> String {
        var output = ""
        var rest = Substring(value)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            if output.hasSuffix("\\") {
                output.removeLast()
                output += "$"
                rest = rest[rest.index(after: dollar)...]
                continue
            }
            var after = rest[rest.index(after: dollar)...]
            let name: Substring
            if after.hasPrefix("{"), let close = after.firstIndex(of: "}") {
                name = after[after.index(after: after.startIndex)..<close]
                after = after[after.index(after: close)...]
            } else {
                name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                after = after.dropFirst(name.count)
            }
            output += name.isEmpty ? "$" : known[String(name.split(separator: ":").first ?? "")] ?? ""
            rest = after
        }
        return output + rest
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }

    /// The text before an unquoted value's ` #` comment.
    fileprivate var beforeComment: Substring {
        var previous: Character?
        for index in indices {
            if self[index] == "#", previous == " " || previous == "\t" { return self[..<index] }
            previous = self[index]
        }
        return self
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
