/// A model pattern made only of character classes and literals, each with a quantifier
/// (`[\w-]+_[0-9a-zA-Z]+`, `[A-Za-z0-9-_=.]+`, `[\p{L}\p{M}\p{S}\p{N}\p{P}]+` — every pattern a hot
/// member has), matched over Unicode scalars without Swift's Regex engine, which costs tens of
/// microseconds per member. Java's `matches()` semantics: the whole value; `\w`, `\d` and `\s` are
/// their ASCII classes. ``init(_:)`` answers nil for anything else (groups, alternation, `.`), which
/// ``Pattern`` leaves to Regex.
package struct ScalarPattern: Sendable {
    /// A set of scalars: ranges, general-category groups, and whether it is negated.
    struct ScalarClass: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var categories: Set<Character> = []
        var negated = false

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            var found = ranges.contains { $0.contains(value) }
            if !found, !categories.isEmpty, let group = Self.group(of: scalar) { found = categories.contains(group) }
            return found != negated
        }

        /// The letter of a scalar's general category: L, M, N, P, S, Z or C.
        static func group(of scalar: Unicode.Scalar) -> Character? {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: "L"
            case .nonspacingMark, .spacingMark, .enclosingMark: "M"
            case .decimalNumber, .letterNumber, .otherNumber: "N"
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
                .otherPunctuation:
                "P"
            case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: "S"
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: "Z"
            default: "C"
            }
        }

        static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
        static let space: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20]
        /// `\S`: everything but ASCII whitespace.
        static let notSpace: [ClosedRange<UInt32>] = [0x00...0x08, 0x0E...0x1F, 0x21...0x10FFFF]
    }

    /// A class and how many scalars of it may follow.
    struct Piece: Sendable {
        var scalars: ScalarClass
        var minimum: Int
        var maximum: Int
    }

    let pieces: [Piece]

    /// The pattern compiled, or nil when it uses more than classes, literals and quantifiers.
    package init?(_ source: String) {
        var scalars = Array(source.unicodeScalars)
        if scalars.first == "^" { scalars.removeFirst() }
        if scalars.last == "$", scalars.dropLast().last != "\\" { scalars.removeLast() }
        var index = 0
        var pieces: [Piece] = []
        var unsupported = false
        while index < scalars.count {
            guard let atom = Self.atom(scalars, &index, unsupported: &unsupported), !unsupported else { return nil }
            var piece = Piece(scalars: atom, minimum: 1, maximum: 1)
            if index < scalars.count {
                switch scalars[index] {
                case "+": (piece.minimum, piece.maximum, index) = (1, .max, index + 1)
                case "*": (piece.minimum, piece.maximum, index) = (0, .max, index + 1)
                case "?": (piece.minimum, piece.maximum, index) = (0, 1, index + 1)
                case "{":
                    guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                    let bounds = String(String.UnicodeScalarView(scalars[(index + 1)..<close])).split(
                        separator: ",",
                        omittingEmptySubsequences: false
                    )
                    guard let low = bounds.first.flatMap({ Int($0) }), bounds.count <= 2 else { return nil }
                    piece.minimum = low
                    piece.maximum = bounds.count == 1 ? low : (bounds[1].isEmpty ? .max : Int(bounds[1]) ?? -1)
                    guard piece.maximum >= low else { return nil }
                    index = close + 1
                default: break
                }
            }
            pieces.append(piece)
        }
        self.pieces = pieces
    }

    /// Whether the whole value matches.
    package func matches(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        return Self.match(pieces[...], scalars, from: 0)
    }

    /// Greedy with backtracking; patterns are short and values bounded by their shapes' lengths.
    private static func match(_ pieces: ArraySlice<Piece>, _ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        guard let piece = pieces.first else { return start == scalars.count }
        var count = 0
        while count < piece.maximum, start + count < scalars.count, piece.scalars.contains(scalars[start + count]) { count += 1 }
        if pieces.count == 1 { return count >= piece.minimum && start + count == scalars.count }
        while count >= piece.minimum {
            if match(pieces.dropFirst(), scalars, from: start + count) { return true }
            count -= 1
        }
        return false
    }

    /// One class or literal at `index`, which it moves past.
    private static func atom(_ scalars: [Unicode.Scalar], _ index: inout Int, unsupported: inout Bool) -> ScalarClass? {
        let scalar = scalars[index]
        switch scalar {
        case "[":
            index += 1
            var set = ScalarClass()
            if index < scalars.count, scalars[index] == "^" {
                set.negated = true
                index += 1
            }
            while index < scalars.count, scalars[index] != "]" {
                guard let start = member(scalars, &index, into: &set, unsupported: &unsupported) else { continue }
                // A range `a-z` (a `-` first or last in the class is literal).
                if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                    index += 1
                    var end = ScalarClass()
                    guard let last = member(scalars, &index, into: &end, unsupported: &unsupported), last.value >= start.value else { return nil }
                    set.ranges.append(start.value...last.value)
                } else {
                    set.ranges.append(start.value...start.value)
                }
            }
            guard index < scalars.count else { return nil }
            index += 1
            return set
        case "(", ")", "|", ".", "+", "*", "?", "{", "}", "^", "$":
            return nil
        default:
            var set = ScalarClass()
            guard let literal = member(scalars, &index, into: &set, unsupported: &unsupported) else { return set }
            set.ranges.append(literal.value...literal.value)
            return set
        }
    }

    /// A class member at `index`: a scalar (returned) or an escaped class (added to `set`, nil returned).
    /// An escape it does not know sets `unsupported`.
    private static func member(
        _ scalars: [Unicode.Scalar],
        _ index: inout Int,
        into set: inout ScalarClass,
        unsupported: inout Bool
    ) -> Unicode.Scalar? {
        let scalar = scalars[index]
        index += 1
        guard scalar == "\\", index < scalars.count else { return scalar }
        let escaped = scalars[index]
        index += 1
        switch escaped {
        case "w": set.ranges += ScalarClass.word
        case "d": set.ranges += ScalarClass.digit
        case "s": set.ranges += ScalarClass.space
        case "S": set.ranges += ScalarClass.notSpace
        case "t": return "\t"
        case "n": return "\n"
        case "r": return "\r"
        case "p":
            guard index + 2 < scalars.count, scalars[index] == "{", scalars[index + 2] == "}" else {
                unsupported = true
                return nil
            }
            set.categories.insert(Character(scalars[index + 1]))
            index += 3
        case "x":
            guard index + 1 < scalars.count, let value = UInt32(String(String.UnicodeScalarView(scalars[index...(index + 1)])), radix: 16) else {
                unsupported = true
                return nil
            }
            index += 2
            return Unicode.Scalar(value)
        default:
            // An escaped literal (`\{`, `\-`); letters would be classes this matcher does not know.
            if escaped.properties.isAlphabetic {
                unsupported = true
                return nil
            }
            return escaped
        }
        return nil
    }
}
