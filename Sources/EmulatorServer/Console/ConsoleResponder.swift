import CognitoEmulator
import EmulatorCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// The local console on the Cognito listener, under `/_emulate/console/`: the page, the requests it
/// lists (`api/requests`, one with its event, answer and logs at `api/requests/<request ID>`) and the
/// live stream of them (`stream`, server-sent events); the outbox (`api/outbox`), a token explained
/// (`POST api/token`) and the clock (`api/clock`; `POST /_emulate/clock` moves it).
struct ConsoleResponder: Sendable {
    let activity: ConsoleActivity
    let service: CognitoService
    /// The running service's functions (none in `emulate cognito`).
    let functions: ConsoleFunctionsSlot?
    /// How often an idle stream sends a comment, so a closed page is noticed.
    static let heartbeatSeconds: UInt64 = 10

    /// The answer for `request` (its path under `/_emulate/console`), or nil when it is none of the console's.
    func respond(_ request: Request, path: String) async -> Response? {
        if request.method == .post, path.hasPrefix("/_emulate/console/api/"), let refusal = Self.crossSiteRefusal(request) { return refusal }
        if request.method == .post, path == "/_emulate/console/api/cognito" { return await cognito(request) }
        if request.method == .post, path == "/_emulate/console/api/invoke" { return await invoke(request) }
        if request.method == .post, path == "/_emulate/console/api/token" {
            guard let body = try? await request.body.collect(upTo: 64 * 1024),
                case .object(let members)? = JSONValue.parse(Array(buffer: body)),
                let token = members.first(where: { $0.key == "token" })?.value.stringValue
            else {
                return HTTPResponses.message("expected {\"token\": \"<a JWT>\"}", status: 400)
            }
            return HTTPResponses.json(Self.json(service.inspectToken(token.trimmingCharacters(in: .whitespacesAndNewlines))).serialized)
        }
        guard request.method == .get else { return nil }
        switch path {
        case "/_emulate/console":
            var headers = HTTPFields()
            headers[.location] = "/_emulate/console/"
            return Response(status: .movedPermanently, headers: headers)
        case "/_emulate/console/":
            return HTTPResponses.bytes(Array(ConsolePage.html.utf8), status: 200, contentType: "text/html; charset=utf-8", headers: Self.pageHeaders)
        case "/_emulate/console/console.js":
            return HTTPResponses.bytes(ConsolePage.scriptBytes, status: 200, contentType: "text/javascript; charset=utf-8", headers: Self.pageHeaders)
        case "/_emulate/console/api/requests":
            return HTTPResponses.json(JSONValue.object([.init("requests", .array(activity.records.map(\.summary)))]).serialized)
        case "/_emulate/console/stream":
            return stream()
        case "/_emulate/console/api/functions":
            guard let current = functions?.functions else { return HTTPResponses.json(#"{"routes":[],"functions":[]}"#) }
            return HTTPResponses.json(current.json.serialized)
        case "/_emulate/console/api/sample":
            let query = request.uri.queryParameters
            guard let key = query.get("function"), let type = query.get("type"), let event = functions?.functions?.sample(type, for: key) else {
                return HTTPResponses.message("no sample event of that type for that function", status: 404)
            }
            return HTTPResponses.bytes(event, status: 200, contentType: "application/json")
        case "/_emulate/console/api/outbox":
            let messages = service.outbox.list(userPoolId: nil, username: nil)
            let data = (try? JSONEncoder().encode(["messages": messages])) ?? Data("{\"messages\":[]}".utf8)
            return HTTPResponses.bytes(Array(data), status: 200, contentType: "application/json")
        case "/_emulate/console/api/clock":
            let now = service.clock.now
            return HTTPResponses.json(
                JSONValue.object([
                    .init("now", .double(now)), .init("time", .string(ConsoleActivity.Record.timestamp(now))),
                    .init("offsetSeconds", .double(service.clock.offsetSeconds)),
                    .init(
                        "upcoming",
                        .array(upcoming(now: now).map { ["what": .string($0.what), "at": .string(ConsoleActivity.Record.timestamp($0.at))] })
                    ),
                ]).serialized
            )
        default:
            let prefix = "/_emulate/console/api/requests/"
            guard path.hasPrefix(prefix) else { return nil }
            guard let record = activity.record(String(path.dropFirst(prefix.count))) else {
                return HTTPResponses.message("no request with that ID in the console (it keeps the last \(activity.capacity))", status: 404)
            }
            return HTTPResponses.json(record.detail.serialized)
        }
    }

    /// The user-pool operations the console runs, as the API would (with the developer's full access).
    static let cognitoOperations: Set<String> = [
        "ListUserPools", "DescribeUserPool", "ListUserPoolClients", "DescribeUserPoolClient", "ListUsers", "AdminGetUser", "AdminCreateUser",
        "AdminSetUserPassword", "AdminConfirmSignUp", "AdminDisableUser", "AdminEnableUser", "AdminDeleteUser", "AdminResetUserPassword",
        "AdminAddUserToGroup", "AdminRemoveUserFromGroup", "ListGroups", "AdminListGroupsForUser", "AdminListDevices",
    ]

    /// `{"operation": "ListUsers", "request": {…}}`: the operation run through the same dispatcher as the
    /// AWS JSON endpoint, its answer (or AWS error) returned as the API returns it, secrets masked.
    private func cognito(_ request: Request) async -> Response {
        guard let body = try? await request.body.collect(upTo: 256 * 1024),
            case .object(let members)? = JSONValue.parse(Array(buffer: body)),
            let operation = members.first(where: { $0.key == "operation" })?.value.stringValue
        else {
            return HTTPResponses.message("expected {\"operation\": \"<name>\", \"request\": {…}}", status: 400)
        }
        guard Self.cognitoOperations.contains(operation) else {
            return HTTPResponses.message("the console does not run \(operation)", status: 400)
        }
        let input = members.first(where: { $0.key == "request" })?.value ?? .object([])
        let answer = await CognitoJSONDispatcher(service: service).handle(
            target: "AWSCognitoIdentityProviderService." + operation,
            body: Array(input.serialized.utf8)
        )
        let shown = JSONValue.parse(answer.body).map { ConsoleRedaction.redact($0).serialized } ?? String(decoding: answer.body, as: UTF8.self)
        return HTTPResponses.bytes(Array(shown.utf8), status: answer.status, contentType: "application/json")
    }

    /// What expires or happens next on the emulator's clock, soonest first: the next run of each schedule,
    /// and when what is issued now expires — codes, and each client's ID, access and refresh tokens.
    func upcoming(now: Double) -> [(what: String, at: Double)] {
        var items: [(what: String, at: Double)] = [
            ("a sign-up or verification code sent now", now + CognitoService.signUpCodeValidity),
            ("a password reset code sent now", now + CognitoService.forgotPasswordCodeValidity),
        ]
        for pool in service.livePools {
            for client in service.liveClients(poolID: pool.id) {
                let name = "\(client.configuration.logicalID) (\(pool.configuration.logicalID))"
                items.append(("ID tokens issued now by \(name)", now + Double(client.configuration.idTokenValiditySeconds)))
                items.append(("access tokens issued now by \(name)", now + Double(client.configuration.accessTokenValiditySeconds)))
                items.append(("refresh tokens issued now by \(name)", now + Double(client.configuration.refreshTokenValiditySeconds)))
            }
        }
        items += functions?.functions?.nextSchedules(after: now) ?? []
        return items.sorted { $0.at < $1.at }
    }

    /// `{"function": "<key>", "event": "<JSON>"}`: one invocation, as `emulate invoke` runs it; the answer
    /// or Lambda's error payload (it appears in the requests panel too).
    private func invoke(_ request: Request) async -> Response {
        guard let body = try? await request.body.collect(upTo: 6 * 1024 * 1024),
            case .object(let members)? = JSONValue.parse(Array(buffer: body)),
            let key = members.first(where: { $0.key == "function" })?.value.stringValue,
            let event = members.first(where: { $0.key == "event" })?.value.stringValue
        else {
            return HTTPResponses.message("expected {\"function\": \"<key>\", \"event\": \"<JSON>\"}", status: 400)
        }
        guard JSONValue.parse(Array(event.utf8), duplicateKeys: .lastWins) != nil else {
            return HTTPResponses.message("the event is not JSON (Lambda refuses it: Could not parse request body into json)", status: 400)
        }
        guard let current = functions?.functions, let outcome = await current.invoke(key, event: Array(event.utf8)) else {
            return HTTPResponses.message("no function '\(key)'", status: 404)
        }
        let answer = ConsoleRedaction.redact(String(decoding: outcome.payload, as: UTF8.self))
        return HTTPResponses.json(
            JSONValue.object([.init("ok", .bool(outcome.ok)), .init("requestID", .string(outcome.requestID)), .init("answer", .string(answer))])
                .serialized
        )
    }

    /// A console POST another site's page could have made (the console's own pages send JSON from its own
    /// origin): refused, so a page elsewhere in the same browser cannot change the pools.
    static func crossSiteRefusal(_ request: Request) -> Response? {
        let json = request.headers[.contentType]?.hasPrefix("application/json") == true
        let host = request.head.authority ?? ""
        let origin = request.headers[.origin]
        let sameOrigin = origin == nil || origin == "http://\(host)" || origin == "https://\(host)"
        let fetchSite = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        guard json, sameOrigin, fetchSite == nil || fetchSite == "same-origin" || fetchSite == "none" else {
            return HTTPResponses.message("the console's API takes JSON from the console's own page only", status: 403)
        }
        return nil
    }

    static func json(_ inspection: TokenInspection) -> JSONValue {
        .object([
            .init("valid", .bool(inspection.valid)), .init("verdict", .string(inspection.verdict)),
            .init("poolID", inspection.poolID.map(JSONValue.string) ?? .null), .init("header", inspection.header ?? .null),
            .init("claims", inspection.claims.map { ConsoleRedaction.redact($0) } ?? .null),
        ])
    }

    /// The page may only run its own script and style, and never be framed.
    static let pageHeaders: HTTPFields = {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        return headers
    }()

    /// Server-sent events: each record as it is added or changes, a comment every few seconds while idle;
    /// ends when the page goes away or the emulator shuts down.
    private func stream() -> Response {
        let records = activity.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody { writer in
                let (events, continuation) = AsyncStream.makeStream(of: String.self)
                let forward = Task {
                    for await record in records { continuation.yield("data: \(record.summary.serialized)\n\n") }
                    continuation.finish()
                }
                let heartbeat = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(nanoseconds: Self.heartbeatSeconds * 1_000_000_000)
                        continuation.yield(": idle\n\n")
                    }
                }
                defer {
                    forward.cancel()
                    heartbeat.cancel()
                }
                try await withGracefulShutdownHandler {
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    for await event in events { try await writer.write(ByteBuffer(string: event)) }
                } onGracefulShutdown: {
                    continuation.finish()
                }
                try await writer.finish(nil)
            }
        )
    }
}
