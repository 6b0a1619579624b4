import APIGatewayEmulator
import CognitoEmulator
import EmulatorCore
import EmulatorCrypto
import Foundation
import IdentityEmulator
import Provisioning
import SigV4

/// The emulator's side of AWS identity: who signed a request (the credential authority: the
/// developer's key pair, each function's, and the temporary credentials of STS and identity pools),
/// the identity pools, and STS. Every listener asks it; the state sits beside the user pools'.
struct AWSIdentity: Sendable {
    let authority: CredentialAuthority
    let identityPools: IdentityPoolService
    let sts: STSService
    let clock: any TimeSource

    /// The identity side of a provisioned stack (its roles, functions and identity pools).
    init(
        roles: [IAMRole],
        functions: [FunctionDefinition],
        identityPools definitions: [IdentityPoolDefinition],
        cognito: CognitoService,
        cognitoStorePath: String?,
        strict: Bool,
        accountID: String,
        region: String,
        clock: any TimeSource
    ) throws(EmulatorError) {
        let store: IdentityStore
        do {
            store = try IdentityStore(path: cognitoStorePath.map { Self.identityPath(beside: $0) })
        } catch {
            throw EmulatorError(error.description)
        }
        do {
            let key = try store.secret("credential-key") { SecureRandom.bytes(32) }
            var authority = CredentialAuthority(key: key, accountID: accountID, roles: roles, strict: strict, clock: clock)
            for function in functions {
                let roleID = roles.first { $0.arn == function.roleARN.description }?.roleID ?? "AROAEMULATE"
                authority.register(
                    .init(
                        credentials: .init(
                            accessKeyID: function.credentials.accessKeyID,
                            secretAccessKey: function.credentials.secretAccessKey,
                            sessionToken: function.credentials.sessionToken
                        ),
                        caller: IAMCaller(
                            arn: function.principal.description,
                            accountID: accountID,
                            accessKeyID: function.credentials.accessKeyID,
                            userID: "\(roleID):\(function.name)",
                            policy: function.policy,
                            context: IAMContext([
                                "aws:PrincipalArn": [function.roleARN.description], "aws:PrincipalAccount": [accountID],
                                "aws:userid": ["\(roleID):\(function.name)"],
                            ])
                        )
                    )
                )
            }
            self.authority = authority
            identityPools = try IdentityPoolService(store: store, cognito: cognito, authority: authority, clock: clock, region: region)
            try identityPools.install(definitions)
        } catch {
            throw EmulatorError("cannot open the identity state: \(error)")
        }
        sts = STSService(identityPools: identityPools)
        self.clock = clock
    }

    /// `<service>-<stage>.sqlite` → `<service>-<stage>-identity.sqlite`.
    static func identityPath(beside cognitoPath: String) -> String {
        (cognitoPath.hasSuffix(".sqlite") ? String(cognitoPath.dropLast(".sqlite".count)) : cognitoPath) + "-identity.sqlite"
    }

    /// Who signed `request` for `service`. `X-Amz-Date` may be within 15 minutes of the emulator's clock
    /// or of the wall clock: processes sign with the wall clock, and a test that moves the emulator's
    /// clock (to expire tokens) must not make every SDK call of its functions fail.
    func caller(of request: SigV4.Request, service: String) -> Result<IAMCaller?, CallerRefusal> {
        authority.caller(of: request, service: service, clocks: [clock.now, Date().timeIntervalSince1970])
    }

    /// The caller whose IAM policies apply to `request`: the signer of a key the emulator issued, or
    /// `anonymous` for an unsigned request under `--strict-credentials`; nil when nothing is checked (an
    /// unsigned request, a key the emulator did not issue); or why the signature is refused.
    func policyCaller(of request: SigV4.Request, service: String) -> Result<IAMCaller?, CallerRefusal> {
        caller(of: request, service: service).map { found in
            let caller = found ?? (authority.strict ? anonymous : nil)
            return caller?.verified == true ? caller : nil
        }
    }

    /// The developer's key pair, as the ready file gives it.
    var readyCredentials: ReadyInfo.Credentials {
        let developer = authority.developer.credentials
        return ReadyInfo.Credentials(accessKeyId: developer.accessKeyID, secretAccessKey: developer.secretAccessKey)
    }

    /// An unsigned request under `--strict-credentials`: nobody, allowed nothing.
    var anonymous: IAMCaller {
        IAMCaller(arn: "anonymous", accountID: authority.accountID, userID: "anonymous", policy: IAMPolicy(statements: []))
    }

    /// The `aws_iam` routes' verifier (service `execute-api`), with API Gateway's answers.
    var gatewaySignatures: SignedRequestVerifier {
        { request in
            let signed = SigV4.Request(
                method: request.method,
                path: request.path,
                query: request.query ?? "",
                headers: request.headers,
                body: request.body
            )
            switch caller(of: signed, service: "execute-api") {
            case .success(let caller?): return .caller(caller)
            case .success(nil): return .unsigned
            case .failure(.expiredToken): return .refused(.iamExpiredToken)
            case .failure(let refusal): return .refused(.invalidSignature(refusal.message))
            }
        }
    }

    /// A refusal as AWS's JSON protocols answer it: the `__type` and message (status 400, as AWS).
    static func jsonError(_ refusal: CallerRefusal) -> (type: String, message: String) {
        switch refusal {
        case .signature(.signatureMismatch), .signature(.expired), .signature(.outsideWindow), .wrongService:
            return ("InvalidSignatureException", refusal.message)
        case .signature(.incomplete), .signature(.missing): return ("IncompleteSignatureException", refusal.message)
        case .signature(.unknownAccessKey), .signature(.invalidSessionToken), .invalidToken: return ("UnrecognizedClientException", refusal.message)
        case .expiredToken: return ("ExpiredTokenException", refusal.message)
        }
    }
}
