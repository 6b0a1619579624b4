import APIGatewayEmulator
import EmulatorCore
import Foundation
import ServerlessConfig
import YAML

/// Another issuer's keys, given offline: `custom.emulate.jwks.<issuerUrl>: <path of a JWKS file>`, relative to
/// serverless.yml. Without it, a JWT authorizer whose issuer is no pool of the service cannot be verified,
/// and provisioning fails at the authorizer's line.
enum JWKSFile {
    static func keys(for issuer: String, authorizer name: String, at mark: Mark, in context: inout ProvisioningContext) -> [JSONWebKey] {
        let entries = context.service.custom?["emulate"]?["jwks"]?.pairs ?? []
        guard let entry = entries.first(where: { $0.key.scalarText == issuer }), let path = entry.value.scalarText else {
            context.diagnostics.error(
                "the httpApi authorizer '\(name)' trusts the issuer '\(issuer)', which is not a user pool of this service: the emulator cannot verify "
                    + "its tokens offline unless custom.emulate.jwks names a file holding that issuer's JWKS",
                at: mark
            )
            return []
        }
        let directory = URL(fileURLWithPath: context.service.configPath).deletingLastPathComponent()
        let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            context.diagnostics.error("custom.emulate.jwks for '\(issuer)': cannot read \(path)", at: entry.value.mark)
            return []
        }
        guard case .array(let items)? = JSONValue.parse(Array(data))?["keys"] else {
            context.diagnostics.error(
                "custom.emulate.jwks for '\(issuer)': \(path) is not a JWKS (a JSON object with \"keys\")",
                at: entry.value.mark
            )
            return []
        }
        let keys = items.compactMap { item -> JSONWebKey? in
            guard item["kty"]?.stringValue == "RSA", let kid = item["kid"]?.stringValue, let n = item["n"]?.stringValue,
                let e = item["e"]?.stringValue
            else { return nil }
            return JSONWebKey(keyID: kid, modulus: n, exponent: e)
        }
        if keys.isEmpty {
            context.diagnostics.error("custom.emulate.jwks for '\(issuer)': \(path) holds no RSA key with a kid", at: entry.value.mark)
        }
        return keys
    }
}
