import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP client for smoke runs: one request, the whole answer.
struct SmokeClient {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var milliseconds: Double

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The value at a dotted path of a JSON body, as text.
        func field(_ path: String) -> String? {
            var current: Any? = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
            for key in path.split(separator: ".") {
                if let object = current as? [String: Any] {
                    current = object[String(key)]
                } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                    current = array[index]
                } else {
                    return nil
                }
            }
            switch current {
            case let text as String: return text
            case let number as NSNumber: return number.stringValue
            case nil, is NSNull: return nil
            case let other?: return (try? JSONSerialization.data(withJSONObject: other)).map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    private let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    func send(_ method: String, _ url: String, headers: [String: String], body: Data?) async throws -> Answer {
        guard let target = URL(string: url) else { throw ScenarioError("not a URL: \(url)") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let started = ContinuousClock.now
        let (data, response) = try await session.data(for: request)
        let elapsed = ContinuousClock.now - started
        let http = response as? HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] { fields["\(name)".lowercased()] = "\(value)" }
        return Answer(
            status: http?.statusCode ?? 0,
            headers: fields,
            body: data,
            milliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        )
    }
}
