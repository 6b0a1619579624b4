package import EmulatorCore

/// Reads the members of a pool or client definition (a CreateUserPool request, or a CloudFormation
/// resource's properties turned into JSON): scalars written as strings (`"8"`, `"true"`, as YAML and
/// CloudFormation allow) read as numbers and booleans.
package struct DefinitionReader: Sendable {
    /// The members.
    package let value: JSONValue

    /// A reader over `value` (an object; anything else reads as empty).
    package init(_ value: JSONValue?) {
        self.value = value ?? .object([])
    }

    /// A member, nil when absent or null.
    package subscript(_ name: String) -> JSONValue? {
        guard let member = value.members?.last(where: { $0.key == name })?.value, member != .null else { return nil }
        return member
    }

    /// A nested object's reader (empty when absent).
    package func object(_ name: String) -> DefinitionReader { DefinitionReader(self[name]) }

    /// A string member (numbers and booleans as their text).
    package func string(_ name: String) -> String? {
        switch self[name] {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .bool(let flag)?: return String(flag)
        default: return nil
        }
    }

    /// An integer member (`8` or `"8"`).
    package func int(_ name: String) -> Int? {
        switch self[name] {
        case .int(let number)?: return number
        case .double(let number)? where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case .string(let text)?: return Int(text)
        default: return nil
        }
    }

    /// A boolean member (`true` or `"true"`).
    package func bool(_ name: String) -> Bool? {
        switch self[name] {
        case .bool(let flag)?: return flag
        case .string("true")?: return true
        case .string("false")?: return false
        default: return nil
        }
    }

    /// A list of strings (empty when absent).
    package func strings(_ name: String) -> [String] {
        guard case .array(let items)? = self[name] else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// A list of objects (empty when absent).
    package func objects(_ name: String) -> [DefinitionReader] {
        guard case .array(let items)? = self[name] else { return [] }
        return items.map(DefinitionReader.init)
    }
}

extension JSONValue {
    /// This object with the members of `extra` it lacks, at every depth (its own members win).
    package func merged(adding extra: JSONValue) -> JSONValue {
        guard case .object(var members) = self, case .object(let others) = extra else { return self }
        for other in others {
            if let index = members.firstIndex(where: { $0.key == other.key }) {
                members[index].value = members[index].value.merged(adding: other.value)
            } else {
                members.append(other)
            }
        }
        return .object(members)
    }

    /// An object's members; nil for other values.
    package var members: [Member]? {
        guard case .object(let members) = self else { return nil }
        return members
    }
}
