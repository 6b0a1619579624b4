import EmulatorCrypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CognitoService {
    /// GetSigningCertificate: an X.509 certificate, base64 DER, for the key that signs the pool's ID
    /// tokens (Cognito's is for SAML; the emulator has one key per token use and answers the ID key's).
    package func getSigningCertificate(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        do {
            let material = try await pool.keys.id.material()
            let der = try material.key.selfSignedCertificate(commonName: pool.id, notBefore: pool.created, days: 3650)
            return JSONDocument([("Certificate", .string(Data(der).base64EncodedString()))])
        } catch {
            throw .internalError("The signing certificate could not be made: \(error)")
        }
    }
}
