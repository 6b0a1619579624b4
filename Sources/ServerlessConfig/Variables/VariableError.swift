import YAML

/// A variable that could not be resolved, with the position of its `${`.
struct VariableError: Error {
    var message: String
    var mark: Mark
}

/// The outcome of looking up one variable reference.
enum VariableLookup {
    /// The reference has a value.
    case found(YAMLNode)
    /// It has none; the reason goes into the error when no fallback has one either.
    case missing(String)
}
