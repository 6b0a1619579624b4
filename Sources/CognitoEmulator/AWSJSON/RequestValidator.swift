package import EmulatorCore

/// Checks a request body against its operation's shape in botocore's model, as AWS's front end does
/// before the service sees it: JSON types (a `SerializationException`), then every constraint of every
/// member (`InvalidParameterException` with AWS's "N validation error(s) detected: …" text, each
/// violation as "Value 'x' at 'path' failed to satisfy constraint: Member must …", joined with "; ").
///
/// Paths name members in lower camel case with list items as `name.N.member` (1-based), as AWS's
/// messages do. Unknown members are ignored, as AWS ignores them. Where AWS's exact wording was not
/// found (map entries, type errors) the text follows AWS's other JSON services; see docs/CONTRACT.md.
package struct RequestValidator: Sendable {
    private let model: CognitoModel
    /// At most this many violations are listed (the count stays exact).
    static let listedViolations = 100

    /// The validator over botocore's model that the endpoint and the in-process client share.
    package static let shared = RequestValidator()

    /// A validator over `model`.
    package init(model: CognitoModel = .shared) {
        self.model = model
    }

    /// Validates `body` as the request of `operation`; throws AWS's error for the first kind of failure.
    package func validate(_ body: JSONValue, operation: String) throws(CognitoError) {
        guard let input = model.operations[operation]?.input, let shape = model.shapes[input] else { return }
        var violations: [String] = []
        try check(body, shape: shape, path: "", violations: &violations)
        guard !violations.isEmpty else { return }
        let count = violations.count
        let listed = violations.prefix(Self.listedViolations).joined(separator: "; ")
        throw .invalidParameter("\(count) validation error\(count == 1 ? "" : "s") detected: \(listed)")
    }

    private func check(_ value: JSONValue, shape: CognitoModel.Shape, path: String, violations: inout [String]) throws(CognitoError) {
        switch shape.type {
        case .structure:
            guard case .object(let members) = value else { throw Self.typeMismatch(value, expected: shape.type) }
            var byName: [String: JSONValue] = [:]
            for member in members where member.value != .null { byName[member.key] = member.value }
            let required = Set(shape.required ?? [])
            for pair in shape.members ?? [] {
                let (name, shapeName) = (pair[0], pair[1])
                let memberPath = path.isEmpty ? Self.lowerCamel(name) : path + "." + Self.lowerCamel(name)
                guard let memberValue = byName[name] else {
                    if required.contains(name) {
                        violations.append("Value null at '\(memberPath)' failed to satisfy constraint: Member must not be null")
                    }
                    continue
                }
                guard let memberShape = model.shapes[shapeName] else { continue }
                try check(memberValue, shape: memberShape, path: memberPath, violations: &violations)
            }
        case .list:
            guard case .array(let items) = value else { throw Self.typeMismatch(value, expected: shape.type) }
            lengthViolations(count: items.count, shape: shape, value: value, path: path, into: &violations)
            guard let member = shape.member.flatMap({ model.shapes[$0] }) else { return }
            for (index, item) in items.enumerated() where item != .null {
                try check(item, shape: member, path: "\(path).\(index + 1).member", violations: &violations)
            }
        case .map:
            guard case .object(let entries) = value else { throw Self.typeMismatch(value, expected: shape.type) }
            lengthViolations(count: entries.count, shape: shape, value: value, path: path, into: &violations)
            var keyProblems: [String] = []
            var valueProblems: [String] = []
            for entry in entries {
                if let keyShape = shape.key.flatMap({ model.shapes[$0] }) {
                    var found: [String] = []
                    try check(.string(entry.key), shape: keyShape, path: path, violations: &found)
                    keyProblems += found.map(Self.constraint(of:))
                }
                if let valueShape = shape.value.flatMap({ model.shapes[$0] }), entry.value != .null {
                    var found: [String] = []
                    try check(entry.value, shape: valueShape, path: path, violations: &found)
                    valueProblems += found.map(Self.constraint(of:))
                }
            }
            for (problems, kind) in [(keyProblems, "Map keys"), (valueProblems, "Map value")] where !problems.isEmpty {
                let unique = problems.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                violations.append(
                    "Value '\(Self.render(value))' at '\(path)' failed to satisfy constraint: \(kind) must satisfy constraint: [\(unique.joined(separator: ", "))]"
                )
            }
        case .string:
            guard case .string(let text) = value else { throw Self.typeMismatch(value, expected: shape.type) }
            let shown = shape.sensitive == true ? "Value at '\(path)'" : "Value '\(text)' at '\(path)'"
            var failed: [String] = []
            let length = text.utf16.count
            if let min = shape.min, Double(length) < min { failed.append("Member must have length greater than or equal to \(Int(min))") }
            if let max = shape.max, Double(length) > max { failed.append("Member must have length less than or equal to \(Int(max))") }
            if let pattern = shape.pattern, let compiled = model.patterns[pattern], !compiled.matches(text) {
                failed.append("Member must satisfy regular expression pattern: \(pattern)")
            }
            if let values = shape.enum, !values.contains(text) {
                failed.append("Member must satisfy enum value set: [\(values.joined(separator: ", "))]")
            }
            // SQLite would cut the text at a NUL, so nothing that carries one reaches the store. AWS's own
            // text for a member whose constraints allow it is not documented; this one is the emulator's.
            if failed.isEmpty, text.utf8.contains(0) { failed.append("Member must not contain the NUL character (U+0000)") }
            violations += failed.map { "\(shown) failed to satisfy constraint: \($0)" }
        case .integer, .long:
            guard let number = Self.integer(value) else { throw Self.typeMismatch(value, expected: shape.type) }
            if let min = shape.min, Double(number) < min {
                violations.append(
                    "Value '\(number)' at '\(path)' failed to satisfy constraint: Member must have value greater than or equal to \(Int(min))"
                )
            }
            if let max = shape.max, Double(number) > max {
                violations.append(
                    "Value '\(number)' at '\(path)' failed to satisfy constraint: Member must have value less than or equal to \(Int(max))"
                )
            }
        case .double, .float, .timestamp:
            guard value.numberValue != nil else { throw Self.typeMismatch(value, expected: shape.type) }
        case .boolean:
            guard case .bool = value else { throw Self.typeMismatch(value, expected: shape.type) }
        case .blob:
            guard case .string = value else { throw Self.typeMismatch(value, expected: shape.type) }
        }
    }

    private func lengthViolations(count: Int, shape: CognitoModel.Shape, value: JSONValue, path: String, into violations: inout [String]) {
        if let min = shape.min, Double(count) < min {
            violations.append(
                "Value '\(Self.render(value))' at '\(path)' failed to satisfy constraint: Member must have length greater than or equal to \(Int(min))"
            )
        }
        if let max = shape.max, Double(count) > max {
            violations.append(
                "Value '\(Self.render(value))' at '\(path)' failed to satisfy constraint: Member must have length less than or equal to \(Int(max))"
            )
        }
    }

    /// `UserPoolId` → `userPoolId`, as AWS's messages name members (only the first letter changes).
    static func lowerCamel(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// The "Member must …" part of a violation.
    private static func constraint(of violation: String) -> String {
        guard let range = violation.firstRange(of: "failed to satisfy constraint: ") else { return violation }
        return String(violation[range.upperBound...])
    }

    private static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case .int(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 9.2e18: return Int(number)
        default: return nil
        }
    }

    /// A value as AWS's (Java) messages print it: strings bare, lists `[a, b]`, maps `{k=v}`.
    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .null: return "null"
        case .array(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { "\($0.key)=\(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// The `SerializationException` for a value of the wrong JSON type (Coral's wording).
    private static func typeMismatch(_ value: JSONValue, expected: CognitoModel.Kind) -> CognitoError {
        switch value {
        case .object: return .serialization("Start of structure or map found where not expected.")
        case .array: return .serialization("Start of list found where not expected.")
        default:
            let token: String
            switch value {
            case .string: token = "STRING_VALUE"
            case .bool(let flag): token = flag ? "TRUE_VALUE" : "FALSE_VALUE"
            default: token = "NUMBER_VALUE"
            }
            let target: String
            switch expected {
            case .structure, .map: return .serialization("Expected a structure or map but found \(token).")
            case .list: return .serialization("Expected a list but found \(token).")
            case .string, .blob: target = "a String"
            case .integer: target = "an Integer"
            case .long: target = "a Long"
            case .boolean: target = "a Boolean"
            case .timestamp: target = "a Date"
            case .double, .float: target = "a Double"
            }
            return .serialization("\(token) can not be converted to \(target)")
        }
    }
}
