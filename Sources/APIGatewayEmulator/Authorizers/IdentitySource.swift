import Foundation

/// Where an authorizer's identity value comes from: a REST API's `method.request.header.X` /
/// `method.request.querystring.Y`, or an HTTP API's `$request.header.X` / `$request.querystring.Y`.
package enum IdentitySource: Sendable {
    case header(String)
    case query(String)
    case unsupported(String)

    package init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (prefix, header) in [
            ("method.request.header.", true), ("$request.header.", true), ("method.request.querystring.", false), ("$request.querystring.", false),
        ]
        where trimmed.hasPrefix(prefix) {
            let name = String(trimmed.dropFirst(prefix.count))
            self = header ? .header(name) : .query(name)
            return
        }
        self = .unsupported(trimmed)
    }

    /// The header it names, if it names one.
    package var headerName: String? {
        if case .header(let name) = self { return name }
        return nil
    }

    /// Its value in a call as HTTP APIs read it (repeated headers and query values joined with commas), or nil.
    func joinedValue(in call: GatewayCall) -> String? {
        switch self {
        case .header(let name):
            let lowered = name.lowercased()
            let values = call.request.headers.filter { $0.name.lowercased() == lowered }.map(\.value)
            return values.isEmpty ? nil : values.joined(separator: ",")
        case .query(let name):
            return call.query[name].map { $0.joined(separator: ",") }
        case .unsupported:
            return nil
        }
    }
}
