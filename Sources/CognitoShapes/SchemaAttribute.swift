/// One attribute of a user pool's schema.
/// See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SchemaAttributeType.html
public struct SchemaAttribute: Sendable, Hashable, Codable {
    /// The name as users see it: `email`, or `custom:role` for a custom attribute.
    public var Name: String
    /// `String`, `Number`, `DateTime` or `Boolean`.
    public var AttributeDataType: String
    /// `DeveloperOnlyAttribute`.
    public var DeveloperOnlyAttribute: Bool
    /// `Mutable`.
    public var Mutable: Bool
    /// `Required`.
    public var Required: Bool
    /// `StringAttributeConstraints`.
    public var StringAttributeConstraints: StringConstraints?
    /// `NumberAttributeConstraints`.
    public var NumberAttributeConstraints: NumberConstraints?

    /// Length limits of a string attribute (AWS sends them as strings).
    public struct StringConstraints: Sendable, Hashable, Codable {
        /// `MinLength`.
        public var MinLength: String?
        /// `MaxLength`.
        public var MaxLength: String?

        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(MinLength: String? = nil, MaxLength: String? = nil) {
            self.MinLength = MinLength
            self.MaxLength = MaxLength
        }
    }

    /// Value limits of a number attribute (AWS sends them as strings).
    public struct NumberConstraints: Sendable, Hashable, Codable {
        /// `MinValue`.
        public var MinValue: String?
        /// `MaxValue`.
        public var MaxValue: String?

        /// Creates the value (the service builds it; it is decoded elsewhere).
        package init(MinValue: String? = nil, MaxValue: String? = nil) {
            self.MinValue = MinValue
            self.MaxValue = MaxValue
        }
    }

    /// Cognito's standard attributes, in the order DescribeUserPool lists them.
    public static let standard: [SchemaAttribute] = {
        func string(_ name: String, mutable: Bool = true, max: String = "2048", required: Bool = false) -> SchemaAttribute {
            SchemaAttribute(
                Name: name,
                AttributeDataType: "String",
                DeveloperOnlyAttribute: false,
                Mutable: mutable,
                Required: required,
                StringAttributeConstraints: .init(MinLength: required ? "1" : "0", MaxLength: max),
                NumberAttributeConstraints: nil
            )
        }
        func typed(_ name: String, _ type: String) -> SchemaAttribute {
            SchemaAttribute(
                Name: name,
                AttributeDataType: type,
                DeveloperOnlyAttribute: false,
                Mutable: true,
                Required: false,
                StringAttributeConstraints: nil,
                NumberAttributeConstraints: type == "Number" ? .init(MinValue: "0", MaxValue: nil) : nil
            )
        }
        return [
            string("sub", mutable: false, max: "2048", required: true), string("name"), string("given_name"), string("family_name"),
            string("middle_name"), string("nickname"), string("preferred_username"), string("profile"), string("picture"),
            string("website"), string("email"), typed("email_verified", "Boolean"), string("gender"),
            string("birthdate", max: "10"), string("zoneinfo"), string("locale"), string("phone_number"),
            typed("phone_number_verified", "Boolean"), string("address"), typed("updated_at", "Number"),
        ]
    }()

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        Name: String,
        AttributeDataType: String,
        DeveloperOnlyAttribute: Bool,
        Mutable: Bool,
        Required: Bool,
        StringAttributeConstraints: StringConstraints? = nil,
        NumberAttributeConstraints: NumberConstraints? = nil
    ) {
        self.Name = Name
        self.AttributeDataType = AttributeDataType
        self.DeveloperOnlyAttribute = DeveloperOnlyAttribute
        self.Mutable = Mutable
        self.Required = Required
        self.StringAttributeConstraints = StringAttributeConstraints
        self.NumberAttributeConstraints = NumberAttributeConstraints
    }
}
