/// Finds the Serverless Framework variables (`${source:address, fallback}`) in a string.
///
/// A `${…}` whose body does not start with a source name is left alone, because CloudFormation's
/// `Fn::Sub` uses the same brackets: `${AWS::Region}`, `${UserPool.Arn}`, `${!Literal}`.
enum VariableTemplate {
    /// A piece of a string: literal text, or one variable with its body and character offset.
    enum Segment: Equatable {
        case text(Substring)
        case variable(body: Substring, offset: Int)
    }

    /// The segments of `text`, or nil when it holds no Serverless variable.
    static func segments(of text: Substring) -> [Segment]? {
        guard containsMarker(text) else { return nil }
        var segments: [Segment] = []
        var literalStart = text.startIndex
        var index = text.startIndex
        var found = false
        while index < text.endIndex {
            guard text[index] == "$", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "{",
                let close = matchingBrace(in: text, openAt: text.index(after: index))
            else {
                index = text.index(after: index)
                continue
            }
            let body = text[text.index(index, offsetBy: 2)..<close]
            guard isVariableBody(body) else {
                index = text.index(after: close)
                continue
            }
            if literalStart < index { segments.append(.text(text[literalStart..<index])) }
            segments.append(.variable(body: body, offset: text.distance(from: text.startIndex, to: index)))
            found = true
            index = text.index(after: close)
            literalStart = index
        }
        guard found else { return nil }
        if literalStart < text.endIndex { segments.append(.text(text[literalStart...])) }
        return segments
    }

    /// Whether the text contains `${` anywhere (a fast byte scan; most values have none).
    static func containsMarker(_ text: some StringProtocol) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") { return true }
            previous = byte
        }
        return false
    }

    /// Whether a `${…}` body is a Serverless variable: a source word followed by `:` (not `::`) or `(`,
    /// or a nested variable.
    static func isVariableBody(_ body: Substring) -> Bool {
        let trimmed = body.drop { $0 == " " }
        if trimmed.hasPrefix("${") { return true }
        let word = trimmed.prefix { $0.isLetter || $0.isNumber }
        guard let first = word.first, first.isLetter else { return false }
        let rest = trimmed.dropFirst(word.count)
        if rest.hasPrefix("(") { return true }
        return rest.hasPrefix(":") && !rest.hasPrefix("::")
    }

    /// The index of the `}` closing the `{` at `open`, skipping nested braces and quoted text.
    static func matchingBrace(in text: Substring, openAt open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var quote: Character?
        var index = open
        while index < text.endIndex {
            let character = text[index]
            if let active = quote {
                if character == active { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "{" {
                depth += 1
            } else if character == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Splits a variable body at its top-level commas: the reference, then the fallbacks.
    static func splitParameters(_ body: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if let active = quote {
                if character == active { quote = nil }
            } else {
                switch character {
                case "'", "\"": quote = character
                case "{", "(": depth += 1
                case "}", ")": depth -= 1
                case "," where depth == 0:
                    parts.append(body[start..<index])
                    start = body.index(after: index)
                default: break
                }
            }
            index = body.index(after: index)
        }
        parts.append(body[start...])
        return parts.map { $0.trimmingSpaces }
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
