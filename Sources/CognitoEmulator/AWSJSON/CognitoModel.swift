#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The facts of botocore's `cognito-idp` model that request validation needs: every operation of the
/// API and the shapes its request is made of (types, required members, lengths, ranges, patterns,
/// enums). Generated into `CognitoModel+Generated.swift` by `scripts/generate-cognito-model.py`.
package struct CognitoModel: Sendable {
    /// A shape's type, as the model names it.
    package enum Kind: String, Sendable, Decodable {
        case structure, list, map, string, integer, long, boolean, timestamp, blob, double, float
    }

    /// One shape.
    package struct Shape: Sendable, Decodable {
        /// Its type.
        package var type: Kind
        /// The least length (strings, lists, maps) or value (numbers).
        package var min: Double?
        /// The greatest length or value.
        package var max: Double?
        /// A regular expression the whole string must match.
        package var pattern: String?
        /// The values a string may take.
        package var `enum`: [String]?
        /// Whether AWS leaves the value out of validation messages.
        package var sensitive: Bool?
        /// A structure's members in model order: name and shape.
        package var members: [[String]]?
        /// A structure's required members.
        package var required: [String]?
        /// A list's member shape.
        package var member: String?
        /// A map's key and value shapes.
        package var key: String?, value: String?
    }

    /// One operation.
    package struct Operation: Sendable, Decodable {
        /// The request shape; nil for operations without input.
        package var input: String?
        /// The errors the model lists for it.
        package var errors: [String]
    }

    /// Every operation of the model, by name.
    package let operations: [String: Operation]
    /// The shapes reachable from requests, by name.
    package let shapes: [String: Shape]
    /// Each pattern, compiled once.
    package let patterns: [String: Pattern]

    private struct Document: Decodable {
        var operations: [String: Operation]
        var shapes: [String: Shape]
    }

    /// The model botocore ships, read once.
    package static let shared: CognitoModel = {
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(source.utf8)) else {
            preconditionFailure("CognitoModel+Generated.swift does not decode; regenerate it with scripts/generate-cognito-model.py")
        }
        var patterns: [String: Pattern] = [:]
        for pattern in Set(document.shapes.values.compactMap(\.pattern)) { patterns[pattern] = Pattern(pattern) }
        return CognitoModel(operations: document.operations, shapes: document.shapes, patterns: patterns)
    }()

    /// The names of every operation, sorted.
    package var operationNames: [String] { operations.keys.sorted() }
}

/// A model pattern with Java's `matches()` semantics: the whole value, matched by Unicode scalars, with
/// `\w`, `\d` and `\s` meaning their ASCII classes as in Java.
package struct Pattern: @unchecked Sendable {
    // Regex is immutable once built; it is not declared Sendable on every platform.
    private let regex: Regex<AnyRegexOutput>?
    /// The same pattern as a plain scalar matcher, when it is one of classes and quantifiers.
    package let scalarPattern: ScalarPattern?
    /// The pattern as the model writes it.
    package let source: String

    init(_ source: String) {
        self.source = source
        scalarPattern = ScalarPattern(source)
        regex = (try? Regex(source))?.matchingSemantics(.unicodeScalar).asciiOnlyWordCharacters().asciiOnlyDigits().asciiOnlyWhitespace()
    }

    /// Whether Swift's regular expressions can express the pattern (the model's lookbehinds may not be).
    package var isSupported: Bool { regex != nil }

    /// Whether `value` matches as a whole; a pattern that cannot be compiled accepts everything.
    package func matches(_ value: String) -> Bool {
        if let scalarPattern { return scalarPattern.matches(value) }
        return matchesByRegex(value)
    }

    /// The same answer through Swift's Regex (the scalar matcher's tests compare the two).
    package func matchesByRegex(_ value: String) -> Bool {
        guard let regex else { return true }
        return (try? regex.wholeMatch(in: value)) != nil
    }
}
