import Foundation

/// The tutorial's `validateInput`, with the checks it left out: JSON, an e-mail address, a password.
enum Validation {
    /// An e-mail and password from a request body.
    struct Credentials {
        var email: String
        var password: String
    }

    /// Why a body was refused, as the 400 answer's message.
    struct Failure: Error {
        var message: String
    }

    /// Reads `{"email": …, "password": …}`, or explains what is wrong with it.
    static func credentials(from body: String?) -> Result<Credentials, Failure> {
        guard let body, let data = body.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return .failure(Failure(message: "The request body must be a JSON object with email and password")) }
        guard let email = object["email"] as? String, isEmail(email) else {
            return .failure(Failure(message: "email is missing or is not an e-mail address"))
        }
        guard let password = object["password"] as? String, !password.isEmpty else {
            return .failure(Failure(message: "password is missing"))
        }
        return .success(Credentials(email: email, password: password))
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ") && !parts[1].hasSuffix(".")
    }
}
