import Foundation

/// Where an authorizer's identity value comes from (`method.request.header.X`, `method.request.querystring.Y`).
enum IdentitySource: Sendable {
    case header(String)
    case query(String)
    case unsupported(String)

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("method.request.header.") {
            self = .header(String(trimmed.dropFirst("method.request.header.".count)))
        } else if trimmed.hasPrefix("method.request.querystring.") {
            self = .query(String(trimmed.dropFirst("method.request.querystring.".count)))
        } else {
            self = .unsupported(trimmed)
        }
    }
}
