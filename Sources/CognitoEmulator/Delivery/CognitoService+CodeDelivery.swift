import EmulatorCrypto
import GRDB
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a message Cognito sends is for: the suffix of its triggers' `triggerSource`
/// (`CustomMessage_SignUp`, `CustomEmailSender_Authentication`, …).
enum MessageOccasion: String, Sendable {
    case signUp = "SignUp"
    case resendCode = "ResendCode"
    case forgotPassword = "ForgotPassword"
    case updateUserAttribute = "UpdateUserAttribute"
    case verifyUserAttribute = "VerifyUserAttribute"
    case adminCreateUser = "AdminCreateUser"
    case authentication = "Authentication"
}

/// A message to a user: where it goes, what it is for, and what it carries (a code, or an
/// invitation's username and temporary password).
struct OutgoingMessage: Sendable {
    /// What the message carries, which CustomMessage's placeholders stand for.
    enum Content: Sendable {
        case code(String)
        case invitation(username: String, temporaryPassword: String)
    }

    var medium: CodeDelivery
    var destination: String
    /// The outbox's label for it (`SignUp`, `ForgotPassword`, `SMS_MFA`, `AdminCreateUser`, …).
    var label: String
    var occasion: MessageOccasion
    var content: Content
    /// Cognito's own text, sent unless a trigger words it.
    var defaultText: String
}

/// Code delivery, in one place: codes are made and stored here, and every message a user would get
/// (confirmation and reset codes, sign-in codes, invitations) goes out through ``send(_:to:pool:clientID:clientMetadata:)``,
/// which runs the pool's CustomEmailSender / CustomSMSSender trigger when it has one, else CustomMessage,
/// and puts the message in the outbox (`GET /_emulate/messages`).
extension CognitoService {
    /// A one-time code stored for a user, to be delivered once its transaction has committed.
    struct PendingCode: Sendable {
        var purpose: String
        var trigger: String
        var code: String
        var delivery: CodeDeliveryDetailsType
        var destination: String
    }

    /// Creates (or replaces) a one-time code; ``deliver(_:occasion:user:pool:clientID:clientMetadata:)`` sends it.
    nonisolated func sendCode(
        purpose: String,
        trigger: String,
        to user: StoredUser,
        pool: LivePool,
        validity: Double,
        preferring: String? = nil,
        _ db: Database
    ) throws -> PendingCode? {
        let preferred = preferring ?? (purpose.hasPrefix("verify:") ? String(purpose.dropFirst(7)) : nil)
        guard let delivery = deliveryDetails(for: user, preferring: preferred) else { return nil }
        let code = Self.sixDigitCode()
        try StoredCode(poolId: pool.id, username: user.username, purpose: purpose, code: code, expires: clock.now + validity).save(db)
        let destination = delivery.AttributeName == "email" ? attribute("email", of: user) ?? "" : attribute("phone_number", of: user) ?? ""
        return PendingCode(purpose: purpose, trigger: trigger, code: code, delivery: delivery, destination: destination)
    }

    /// Sends a stored code, in Cognito's default words or a trigger's.
    func deliver(
        _ pending: PendingCode,
        occasion: MessageOccasion,
        user: StoredUser,
        pool: LivePool,
        clientID: String?,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) {
        let message = OutgoingMessage(
            medium: pending.delivery.DeliveryMedium == "EMAIL" ? .email : .sms,
            destination: pending.destination,
            label: pending.trigger,
            occasion: occasion,
            content: .code(pending.code),
            defaultText: "Your \(pending.purpose == "forgot-password" ? "password reset" : "verification") code is \(pending.code)"
        )
        try await send(message, to: user, pool: pool, clientID: clientID, clientMetadata: clientMetadata)
    }

    /// A one-time sign-in code (SMS_MFA, EMAIL_OTP, SMS_OTP) sent to the user's e-mail or phone, and the
    /// challenge parameters that say where it went.
    func sendSignInCode(
        _ medium: CodeDelivery,
        for challenge: ChallengeName,
        to user: StoredUser,
        pool: LivePool,
        clientID: String,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) -> (code: String, parameters: [String: String]) {
        let code = Self.sixDigitCode()
        let destination = attribute(medium == .email ? "email" : "phone_number", of: user) ?? ""
        let message = OutgoingMessage(
            medium: medium,
            destination: destination,
            label: challenge.rawValue,
            occasion: .authentication,
            content: .code(code),
            defaultText: "Your authentication code is \(code)."
        )
        try await send(message, to: user, pool: pool, clientID: clientID, clientMetadata: clientMetadata)
        return (code, ["CODE_DELIVERY_DELIVERY_MEDIUM": medium.rawValue, "CODE_DELIVERY_DESTINATION": Self.mask(destination, medium)])
    }

    /// Sends a message. With a CustomEmailSender or CustomSMSSender trigger for its medium, that trigger
    /// sends it instead of Cognito: it gets the code (or temporary password) in `request.code`, base64 —
    /// where AWS would encrypt it with the pool's KMS key, which cannot be done offline. Otherwise
    /// CustomMessage may word it: its text must keep `{####}` (and `{username}` for an invitation), or
    /// Cognito's default is sent, as Cognito ignores such a message.
    func send(
        _ message: OutgoingMessage,
        to user: StoredUser,
        pool: LivePool,
        clientID: String?,
        clientMetadata: [String: String]?
    ) async throws(CognitoError) {
        let attributes = triggerAttributes(of: user)
        var text = message.defaultText
        var subject: String?
        let secret: String
        switch message.content {
        case .code(let code): secret = code
        case .invitation(_, let password): secret = password
        }
        let sender = message.medium == .email ? "CustomEmailSender" : "CustomSMSSender"
        if pool.configuration.lambdaConfig[sender] != nil {
            _ = try await runTrigger(
                sender,
                source: "\(sender)_\(message.occasion.rawValue)",
                pool: pool,
                username: user.username,
                clientID: clientID,
                request: .init(
                    userAttributes: attributes,
                    clientMetadata: clientMetadata,
                    type: message.medium == .email ? "customEmailSenderRequestV1" : "customSMSSenderRequestV1",
                    code: Data(secret.utf8).base64EncodedString()
                )
            )
            text = "(sent by the pool's \(sender) trigger)"
        } else if let custom = try await runTrigger(
            "CustomMessage",
            source: "CustomMessage_\(message.occasion.rawValue)",
            pool: pool,
            username: user.username,
            clientID: clientID,
            request: .init(
                userAttributes: attributes,
                clientMetadata: clientMetadata,
                codeParameter: "{####}",
                usernameParameter: message.occasion == .adminCreateUser ? "{username}" : nil
            )
        ), let worded = message.medium == .email ? custom.emailMessage : custom.smsMessage {
            switch message.content {
            case .code(let code) where worded.contains("{####}"):
                text = worded.replacing("{####}", with: code)
                subject = message.medium == .email ? custom.emailSubject : nil
            case .invitation(let name, let password) where worded.contains("{####}") && worded.contains("{username}"):
                text = worded.replacing("{####}", with: password).replacing("{username}", with: name)
                subject = message.medium == .email ? custom.emailSubject : nil
            default:
                logger.warning("CustomMessage_\(message.occasion.rawValue): the trigger's message lacks its placeholders; Cognito's default is sent")
            }
        }
        var code: String?
        if case .code(let sent) = message.content { code = sent }
        outbox.append(
            OutboxMessage(
                userPoolId: pool.id,
                username: user.username,
                trigger: message.label,
                deliveryMedium: message.medium.rawValue,
                destination: message.destination,
                code: code,
                message: text,
                subject: subject,
                sentAt: clock.now
            )
        )
        logger.info(
            "\(message.label) \(code.map { "code \($0)" } ?? "message") for \(LogText.escaped(user.username)) in \(pool.id) sent to the outbox (GET /_emulate/messages)",
            metadata: ["cognito.pool.id": "\(pool.id)"]
        )
    }

    /// Where a code for the user goes: e-mail when it has one (or when `attribute` says so), else SMS.
    nonisolated func deliveryDetails(for user: StoredUser, preferring attribute: String? = nil) -> CodeDeliveryDetailsType? {
        let email = self.attribute("email", of: user)
        let phone = self.attribute("phone_number", of: user)
        if attribute != "phone_number", let email {
            return CodeDeliveryDetailsType(Destination: Self.mask(email, .email), DeliveryMedium: "EMAIL", AttributeName: "email")
        }
        if let phone {
            return CodeDeliveryDetailsType(Destination: Self.mask(phone, .sms), DeliveryMedium: "SMS", AttributeName: "phone_number")
        }
        return nil
    }

    /// A destination as Cognito shows it: `a***@e***` for an address, `+*******1234` for a number.
    static func mask(_ destination: String, _ medium: CodeDelivery) -> String {
        guard medium == .email else { return "+*******" + destination.suffix(4) }
        let parts = destination.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return "***" }
        return "\(parts[0].prefix(1))***@\(parts[1].prefix(1))***"
    }

    /// A random six-digit code, as Cognito's e-mails and texts carry.
    static func sixDigitCode() -> String {
        let number = String(SecureRandom.bytes(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } % 1_000_000)
        return String(repeating: "0", count: 6 - number.count) + number
    }

    /// Checks a one-time code and deletes it when it matches.
    func consumeCode(_ code: String, purpose: String, user: StoredUser, pool: LivePool, _ db: Database) throws {
        guard let stored = try StoredCode.fetchOne(db, key: ["poolId": pool.id, "username": user.username, "purpose": purpose]) else {
            throw CognitoError.codeMismatch()
        }
        guard Digest.constantTimeEquals(Array(stored.code.utf8), Array(code.utf8)) else { throw CognitoError.codeMismatch() }
        guard stored.expires > clock.now else { throw CognitoError.expiredCode() }
        try stored.delete(db)
    }
}
