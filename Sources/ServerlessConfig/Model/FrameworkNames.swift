public import YAML

/// The logical IDs the Serverless Framework gives what it generates for events, with its normalisation
/// (`lib/plugins/aws/lib/naming.js`): `S3Bucket<Name>` for an `s3` event's bucket and `SNSTopic<Name>` for
/// an `sns` event's topic, `<Name>` the name with everything but ASCII letters and digits removed and
/// its first letter upper-cased.
public enum FrameworkNames {
    /// `normalizeNameToAlphaNumericOnly`.
    public static func alphanumeric(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        let text = String(String.UnicodeScalarView(kept))
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `S3Bucket<Name>`.
    public static func bucketLogicalID(_ bucket: String) -> String { "S3Bucket" + alphanumeric(bucket) }

    /// `SNSTopic<Name>`.
    public static func topicLogicalID(_ topic: String) -> String { "SNSTopic" + alphanumeric(topic) }

    /// The bucket an `s3` event creates: its string form, or `bucket:` as text, unless `existing: true`.
    public static func s3Bucket(of event: YAMLNode) -> String? {
        if let name = event.scalarText { return name.isEmpty ? nil : name }
        guard event["existing"]?.scalarText != "true", let bucket = event["bucket"]?.scalarText, !bucket.isEmpty else { return nil }
        return bucket
    }

    /// The topic an `sns` event creates: a name (not an ARN), or `topicName:` without `arn:`.
    public static func snsTopic(of event: YAMLNode) -> String? {
        if let text = event.scalarText { return text.hasPrefix("arn:") || text.isEmpty ? nil : text }
        guard event["arn"] == nil, let name = event["topicName"]?.scalarText, !name.isEmpty else { return nil }
        return name
    }

    /// `normalizePathPart`: `user-id` → `UserDashid`, `{id}` → `IdVar`, `{proxy+}` → `ProxyVar`.
    static func pathPart(_ part: Substring) -> String {
        guard part.utf8.allSatisfy({ $0 < 0x80 }) else { return unicodePathPart(part) }
        // ASCII, in one pass (this runs for every path of every route at load): the same result as below.
        let bytes = Array(part.utf8)
        let isVariable = bytes.count >= 2 && bytes.first == UInt8(ascii: "{") && bytes.last == UInt8(ascii: "}")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() where !isVariable || (index > 0 && index < bytes.count - 1) {
            switch byte {
            case UInt8(ascii: "-"): out += Array("Dash".utf8)
            // Letters lower-cased; the first of the name is capitalised below.
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte | 0x20)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(byte)
            default: break
            }
        }
        if isVariable { out += Array("Var".utf8) }
        if let first = out.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) { out[0] = first & ~0x20 }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``pathPart(_:)`` for a part with non-ASCII characters (whose case mappings may give ASCII letters).
    static func unicodePathPart(_ part: Substring) -> String {
        var text = part.prefix(1).uppercased() + part.dropFirst().lowercased()
        text = text.replacing("-", with: "Dash")
        if text.hasPrefix("{"), text.hasSuffix("}") { text = String(text.dropFirst().dropLast()) + "Var" }
        let kept = text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        let alphanumeric = String(String.UnicodeScalarView(kept))
        return alphanumeric.prefix(1).uppercased() + alphanumeric.dropFirst()
    }

    /// `ApiGatewayResource<Path>` for every resource above and at a REST path (`users/{id}` gives
    /// `ApiGatewayResourceUsers` and `ApiGatewayResourceUsersIdVar`); none for the root.
    public static func restResourceLogicalIDs(path: String) -> [String] {
        var name = ""
        return path.split(separator: "/").map { part in
            name += pathPart(part)
            return "ApiGatewayResource" + name
        }
    }

    /// `ApiGatewayMethod<Path><Method>` (`ApiGatewayMethodUsersIdVarGet`; the root's is `ApiGatewayMethodGet`).
    public static func restMethodLogicalID(path: String, method: String) -> String {
        let method = method.prefix(1).uppercased() + method.dropFirst().lowercased()
        return "ApiGatewayMethod" + path.split(separator: "/").map(pathPart).joined() + method
    }
}
