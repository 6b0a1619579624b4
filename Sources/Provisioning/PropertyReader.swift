import ServerlessConfig

/// Typed access to resolved resource properties.
struct PropertyReader {
    let properties: CFValue
    let resource: Resource

    init(_ properties: CFValue, resource: Resource) {
        self.properties = properties
        self.resource = resource
    }

    subscript(_ key: String) -> CFValue? { properties[key] }

    func string(_ key: String) -> String? {
        switch properties[key] {
        case .string(let value)?: return value
        case .int(let value)?: return String(value)
        default: return nil
        }
    }

    func int(_ key: String) -> Int? {
        switch properties[key] {
        case .int(let value)?: return value
        case .string(let value)?: return Int(value)
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch properties[key] {
        case .bool(let value)?: return value
        case .string("true")?: return true
        case .string("false")?: return false
        default: return nil
        }
    }

    func strings(_ key: String) -> [String] {
        switch properties[key] {
        case .list(let items)?: return items.compactMap(\.stringValue)
        case .string(let value)?: return [value]
        default: return []
        }
    }
}
