/// One test of a statement's `Condition` block (`"StringEquals": {"aws:PrincipalTag/team": "red"}` is
/// one), with IAM's semantics: several policy values are alternatives; a missing key fails a positive
/// test and passes a negated one; `…IfExists` passes when the key is missing; `ForAnyValue:` and
/// `ForAllValues:` compare each of a multi-valued key's values.
public struct IAMCondition: Sendable, Hashable {
    /// IAM's condition operators (without `IfExists` and set qualifiers).
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIPAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// The operators that hold when no value matches.
        var negated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals, .notIPAddress, .arnNotEquals,
                .arnNotLike:
                return true
            default: return false
            }
        }
    }

    /// How a multi-valued key is compared.
    public enum SetQualifier: String, Sendable, Hashable {
        /// No qualifier: some value of the key must match (single-valued keys have one).
        case single
        /// `ForAnyValue:`: some value of the key matches.
        case forAnyValue = "ForAnyValue"
        /// `ForAllValues:`: every value of the key matches (true when the key has none).
        case forAllValues = "ForAllValues"
    }

    /// The operator.
    public var op: Operator
    /// `…IfExists`.
    public var ifExists: Bool
    /// The set qualifier.
    public var qualifier: SetQualifier
    /// The context key.
    public var key: String
    /// The policy's values, possibly with policy variables.
    public var values: [String]

    /// Reads `operatorText` (`ForAnyValue:StringLikeIfExists`); an operator IAM does not have is refused.
    public init(operator operatorText: String, key: String, values: [String]) throws(IAMPolicyError) {
        var name = Substring(operatorText)
        qualifier = .single
        if let colon = name.firstIndex(of: ":") {
            guard let found = SetQualifier(rawValue: String(name[..<colon])), found != .single else {
                throw IAMPolicyError("unknown condition set operator '\(name[..<colon])' (IAM has ForAnyValue and ForAllValues)")
            }
            qualifier = found
            name = name[name.index(after: colon)...]
        }
        ifExists = name.hasSuffix("IfExists") && name != "IfExists"
        if ifExists { name = name.dropLast("IfExists".count) }
        guard let found = Operator(rawValue: String(name)), !(ifExists && found == .null) else {
            throw IAMPolicyError("unknown condition operator '\(operatorText)'")
        }
        op = found
        self.key = key
        self.values = values
    }

    /// Whether the condition holds for `context`.
    func holds(in context: IAMContext) -> Bool {
        let present = context[key]
        if op == .null {
            let wantsAbsent = values.contains { $0.lowercased() == "true" }
            return wantsAbsent == (present == nil || present == [])
        }
        let expected = values.compactMap { context.substitutingVariables(in: $0) }
        // A policy variable naming a key the request lacks makes the condition fail, whatever the operator.
        guard expected.count == values.count else { return false }
        guard let present, !present.isEmpty else {
            if qualifier == .forAllValues { return true }
            return ifExists || (op.negated && qualifier == .single)
        }
        let test = { (value: String) in self.matches(value, expected) }
        switch qualifier {
        case .forAllValues: return present.allSatisfy(test)
        case .single, .forAnyValue: return present.contains(where: test)
        }
    }

    /// One request value against the policy's alternatives.
    private func matches(_ value: String, _ expected: [String]) -> Bool {
        switch op {
        case .stringEquals, .binaryEquals: return expected.contains(value)
        case .stringNotEquals: return !expected.contains(value)
        case .stringEqualsIgnoreCase: return expected.contains { $0.lowercased() == value.lowercased() }
        case .stringNotEqualsIgnoreCase: return !expected.contains { $0.lowercased() == value.lowercased() }
        case .stringLike: return expected.contains { IAMWildcard.matches($0, value, caseSensitive: true) }
        case .stringNotLike: return !expected.contains { IAMWildcard.matches($0, value, caseSensitive: true) }
        case .arnEquals, .arnLike: return expected.contains { IAMWildcard.matches($0, value, caseSensitive: true) }
        case .arnNotEquals, .arnNotLike: return !expected.contains { IAMWildcard.matches($0, value, caseSensitive: true) }
        case .bool: return expected.contains { $0.lowercased() == value.lowercased() }
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            return compare(Double(value), expected.map { Double($0) })
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            return compare(Self.date(value), expected.map(Self.date))
        case .ipAddress: return expected.contains { Self.address(value, isIn: $0) }
        case .notIPAddress: return !expected.contains { Self.address(value, isIn: $0) }
        case .null: return false
        }
    }

    private func compare(_ value: Double?, _ expected: [Double?]) -> Bool {
        guard let value else { return op.negated }
        let hit = expected.contains { candidate in
            guard let candidate else { return false }
            switch op {
            case .numericEquals, .numericNotEquals, .dateEquals, .dateNotEquals: return value == candidate
            case .numericLessThan, .dateLessThan: return value < candidate
            case .numericLessThanEquals, .dateLessThanEquals: return value <= candidate
            case .numericGreaterThan, .dateGreaterThan: return value > candidate
            default: return value >= candidate
            }
        }
        return op.negated ? !hit : hit
    }

    /// Seconds since 1970 of an epoch number or an ISO 8601 date (`2026-12-01`, `2026-12-01T10:00:00Z`).
    static func date(_ text: String) -> Double? {
        if let seconds = Double(text) { return seconds }
        let digits = text.split(whereSeparator: { "-T:Z.".contains($0) }).map { $0.count <= 9 ? Int($0) : nil }
        guard digits.count >= 3, let year = digits[0], let month = digits[1], let day = digits[2], (0...9999).contains(year),
            (1...12).contains(month),
            (1...31).contains(day)
        else { return nil }
        let time = digits.dropFirst(3).prefix(3).map { min($0 ?? 0, 60) } + [0, 0, 0]
        let days = CivilDate(year: year, month: month, day: day).daysSince1970
        return Double(days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2])
    }

    /// Whether the IPv4 `address` is in `block` (`10.0.0.0/8`, or one address); other forms compare as text.
    static func address(_ address: String, isIn block: String) -> Bool {
        let parts = block.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let network = ipv4(String(first)), let value = ipv4(address) else { return address == block }
        let bits = parts.count == 2 ? Int(parts[1]) ?? -1 : 32
        guard (0...32).contains(bits) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return value & mask == network & mask
    }

    private static func ipv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 != nil }) else { return nil }
        return octets.reduce(0) { $0 << 8 | UInt32($1!) }
    }
}

/// A policy IAM would refuse: an unknown condition operator, a malformed statement.
public struct IAMPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
