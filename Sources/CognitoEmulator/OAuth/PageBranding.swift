import EmulatorCore

/// What the managed login pages take from a client's branding style (CreateManagedLoginBranding's
/// `Settings` and `Assets`): the page background, the primary button's colours and the form's logo.
/// Colours are Cognito's `RRGGBBAA` hex strings; anything else keeps the default, so a style cannot
/// inject markup or CSS. Other settings are stored and described but not drawn.
struct PageBranding: Sendable {
    var pageBackground = "#f2f3f3"
    var buttonBackground = "#0972d3"
    var buttonText = "#ffffff"
    /// A `data:` URI for the `FORM_LOGO` (else `PAGE_HEADER_LOGO`) asset of light or browser-adaptive mode.
    var logo: String?

    static let standard = PageBranding()

    /// The style of `client`, or the standard one.
    init(style: JSONValue?) {
        guard let style, style["UseCognitoProvidedValues"] != .bool(true) else { return }
        let components = style["Settings"]?["components"]
        if let color = Self.color(components?["pageBackground"]?["lightMode"]?["color"]) { pageBackground = color }
        let button = components?["primaryButton"]?["lightMode"]?["defaults"]
        if let color = Self.color(button?["backgroundColor"]) { buttonBackground = color }
        if let color = Self.color(button?["textColor"]) { buttonText = color }
        guard case .array(let assets)? = style["Assets"] else { return }
        let logos = assets.filter { ["LIGHT", "DYNAMIC"].contains($0["ColorMode"]?.stringValue ?? "") }
        let chosen = logos.first { $0["Category"] == .string("FORM_LOGO") } ?? logos.first { $0["Category"] == .string("PAGE_HEADER_LOGO") }
        let types = [
            "PNG": "image/png", "JPG": "image/jpeg", "JPEG": "image/jpeg", "SVG": "image/svg+xml", "WEBP": "image/webp", "ICO": "image/x-icon",
        ]
        if let chosen, let type = types[chosen["Extension"]?.stringValue ?? ""], let bytes = chosen["Bytes"]?.stringValue,
            bytes.utf8.allSatisfy({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "=") || Self.isAlphanumeric($0) })
        {
            logo = "data:\(type);base64,\(bytes)"
        }
    }

    private init() {}

    /// `#RRGGBBAA` for a six- or eight-digit hex colour; nil for anything else.
    static func color(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, text.count == 6 || text.count == 8, text.utf8.allSatisfy({ $0.isHexDigit }) else { return nil }
        return "#" + text
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
