import EmulatorCore

/// EventBridge's JSONPath subset for `InputPath` and `InputPathsMap` (`$`, `$.a.b`, `$.a[0]`), and its
/// input templates.
enum InputPath {
    static func select(_ path: String, in value: JSONValue) -> JSONValue? {
        guard path.hasPrefix("$") else { return nil }
        var current = value
        var rest = Substring(path.dropFirst())
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let key = rest.prefix { $0 != "." && $0 != "[" }
                rest = rest.dropFirst(key.count)
                guard let next = current[String(key)] else { return nil }
                current = next
            } else if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                guard let index = Int(rest[rest.index(after: rest.startIndex)..<close]), case .array(let items) = current,
                    items.indices.contains(index)
                else { return nil }
                current = items[index]
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        return current
    }

    /// Replaces each `<name>` of `template`: inside a JSON string by the value's text, elsewhere by its
    /// JSON. A template that is not JSON once rendered is sent as a JSON string (guessed: the target here
    /// takes JSON).
    static func render(_ template: String, _ values: [String: JSONValue]) -> String {
        var output = ""
        var inString = false
        var escaped = false
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "<", let close = template[index...].firstIndex(of: ">"),
                let value = values[String(template[template.index(after: index)..<close])]
            {
                if inString {
                    let text = value.stringValue ?? value.serialized
                    output += String(JSONValue.string(text).serialized.dropFirst().dropLast())
                } else {
                    output += value.serialized
                }
                index = template.index(after: close)
                continue
            }
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            }
            output.append(character)
            index = template.index(after: index)
        }
        return JSONValue.parse(Array(output.utf8)) != nil ? output : JSONValue.string(output).serialized
    }
}
