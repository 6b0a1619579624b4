import YAML

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Resolves the Serverless Framework variables in a configuration tree.
///
/// Supported sources: `self:`, `opt:`, `sls:`, `env:`, `file(…)`, `param:`, `aws:` and `strToBool(…)`;
/// fallbacks are chained with commas (`${env:A, ${env:B}, 'default'}`) and variables nest
/// (`${self:custom.${sls:stage}.url}`). A variable that is the whole value takes the type of what it
/// names (a number, a mapping); one embedded in text is turned into text. `${self:provider.stage}`,
/// `region`, `memorySize` and `timeout` have the framework's defaults when not written. Sources that need
/// AWS (`ssm:`, `s3:`, `cf:`) or a plugin (`construct:`…), and `env:`/`file()` values that exist only on
/// the author's machine, take their value from the offline values file by their variable text, else
/// their fallbacks.
final class VariableResolver {
    private let root: YAMLNode
    private let options: LoadOptions
    private let files: SourceFiles
    private(set) var diagnostics = DiagnosticCollector()
    private var selfCache: [String: YAMLNode] = [:]
    private var fileCache: [String: YAMLNode?] = [:]
    private var inProgress: Set<String> = []
    private var cachedStage: String?
    private let offlineValues: OfflineValues

    private static let awsOnlySources = ["ssm", "s3", "cf", "cf.", "git", "aws-ssm", "secretsmanager", "ssm.", "terraform", "vault"]
    /// Variable sources that plugins and framework extensions define (Lift's `construct:`, …).
    private static let pluginSources = ["construct", "stepfunctions", "serverless-plugin"]

    init(root: YAMLNode, options: LoadOptions, files: SourceFiles, offlineValues: OfflineValues = OfflineValues()) {
        self.root = root
        self.options = options
        self.files = files
        self.offlineValues = offlineValues
    }

    /// What the framework fills into `provider` when it is not written, visible to `${self:provider.*}`:
    /// the effective stage and region (`--stage`/`--region`, else `dev` and `us-east-1`), as the framework
    /// writes them back into `provider`.
    private func frameworkDefault(_ address: String, at mark: Mark) -> YAMLNode? {
        switch address {
        case "provider.stage": return .scalar(options.stage ?? "dev", style: .doubleQuoted, mark: mark)
        case "provider.region": return .scalar(options.region ?? "us-east-1", style: .doubleQuoted, mark: mark)
        case "provider.memorySize": return .scalar("1024", mark: mark)
        case "provider.timeout": return .scalar("6", mark: mark)
        default: return nil
        }
    }

    /// The stage: `--stage`, else `provider.stage`, else `dev`.
    func stage() throws(VariableError) -> String {
        if let cachedStage { return cachedStage }
        var stage = options.stage ?? "dev"
        if options.stage == nil, case .found(let node) = try lookupSelf("provider.stage", at: root.mark),
            let text = node.scalarValue?.text, node.scalarValue != .null
        {
            stage = text
        }
        cachedStage = stage
        return stage
    }

    /// The region: `--region`, else `provider.region`, else `us-east-1`.
    func region() throws(VariableError) -> String {
        if let region = options.region { return region }
        if case .found(let node) = try lookupSelf("provider.region", at: root.mark), let text = node.scalarText, !node.isNull {
            return text
        }
        return "us-east-1"
    }

    /// The tree with every variable resolved; unresolvable ones stay as written and are reported.
    func resolveTree(_ node: YAMLNode) -> YAMLNode {
        switch node.content {
        case .scalar(let text, _):
            guard VariableTemplate.containsMarker(text) else { return node }
            do {
                return try resolveScalar(node)
            } catch {
                diagnostics.error(error.message, at: error.mark)
                return node
            }
        case .sequence(let items):
            var copy = node
            copy.content = .sequence(items.map(resolveTree))
            return copy
        case .mapping(let pairs):
            var copy = node
            copy.content = .mapping(pairs.map { YAMLNode.Pair(key: $0.key, value: resolveTree($0.value)) })
            return copy
        }
    }

    private func resolveScalar(_ node: YAMLNode) throws(VariableError) -> YAMLNode {
        guard case .scalar(let text, let style) = node.content,
            let segments = VariableTemplate.segments(of: Substring(text))
        else { return node }
        let quoteWidth = style == .singleQuoted || style == .doubleQuoted ? 1 : 0
        let siteMark = text.contains("\n") ? node.mark : node.mark.advanced(byColumns: quoteWidth)
        if segments.count == 1, case .variable(let body, let offset) = segments[0] {
            var value = try evaluate(body, at: siteMark.advanced(byColumns: offset))
            if value.scalarText != nil {
                value.mark = node.mark
                value.tag = node.tag ?? value.tag
            }
            return value
        }
        let joined = try interpolate(segments, at: siteMark)
        return YAMLNode.scalar(joined, style: .doubleQuoted, tag: node.tag, mark: node.mark)
    }

    /// Text with each variable replaced by its value as text.
    private func interpolate(_ segments: [VariableTemplate.Segment], at mark: Mark) throws(VariableError) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text):
                result += text
            case .variable(let body, let offset):
                let variableMark = mark.advanced(byColumns: offset)
                let value = try evaluate(body, at: variableMark)
                guard let scalar = value.scalarValue else {
                    throw VariableError(
                        message: "${\(body)} is \(value.kindDescription), which cannot be put inside a string",
                        mark: variableMark
                    )
                }
                result += scalar.text
            }
        }
        return result
    }

    /// The value of one `${…}` body: the reference, else each fallback in turn.
    private func evaluate(_ body: Substring, at mark: Mark) throws(VariableError) -> YAMLNode {
        let parts = VariableTemplate.splitParameters(body)
        var firstReason: String?
        for part in parts {
            switch try evaluateParameter(part, at: mark) {
            case .found(let node): return node
            case .missing(let reason): firstReason = firstReason ?? reason
            }
        }
        // A plugin's own variable source stands in as its text: a warning, not an error.
        if let first = parts.first?.trimmingSpaces, Self.pluginSources.contains(where: { first.hasPrefix($0 + ":") }) {
            diagnostics.warning(
                "${\(body)} comes from a plugin the emulator does not run; it stands in as '\(first)' "
                    + "(give '\(first): <value>' in \(offlineValues.displayPath) to choose one)",
                at: mark
            )
            return .scalar(String(first), style: .doubleQuoted, mark: mark)
        }
        let fallbackNote = parts.count > 1 ? ", and no fallback has a value" : ""
        throw VariableError(message: "cannot resolve ${\(body)}: \(firstReason ?? "no value")\(fallbackNote)", mark: mark)
    }

    private func evaluateParameter(_ part: Substring, at mark: Mark) throws(VariableError) -> VariableLookup {
        if let quote = part.first, quote == "'" || quote == "\"", part.count >= 2, part.last == quote {
            return .found(.scalar(String(part.dropFirst().dropLast()), style: .singleQuoted, mark: mark))
        }
        if part.hasPrefix("${"), part.hasSuffix("}"),
            VariableTemplate.matchingBrace(in: part, openAt: part.index(after: part.startIndex)) == part.index(before: part.endIndex)
        {
            do {
                return .found(try evaluate(part.dropFirst(2).dropLast(), at: mark))
            } catch {
                return .missing(error.message)
            }
        }
        let literal = ScalarValue.resolve(String(part), style: .plain, tag: nil)
        if case .string = literal {
            var reference = String(part)
            if let segments = VariableTemplate.segments(of: part) {
                reference = try interpolate(segments, at: mark)
            }
            return try lookup(reference, at: mark)
        }
        return .found(.scalar(String(part), mark: mark))
    }

    private func lookup(_ reference: String, at mark: Mark) throws(VariableError) -> VariableLookup {
        let found: VariableLookup
        do {
            found = try lookupSource(reference, at: mark)
        } catch {
            // A source the emulator cannot read at all (`file(./x.js)`, a plugin's) may still be given offline.
            if let offline = offlineValues[reference] { return .found(offline.with(mark: mark)) }
            throw error
        }
        guard case .missing(let reason) = found else { return found }
        if let offline = offlineValues[reference] { return .found(offline.with(mark: mark)) }
        let source = String(reference.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." })
        guard ["env", "file", "param"].contains(source) || Self.awsOnlySources.contains(source) || Self.pluginSources.contains(source) else {
            return found
        }
        return .missing(reason + "; give it offline with '\(reference): <value>' in \(offlineValues.displayPath)")
    }

    private func lookupSource(_ reference: String, at mark: Mark) throws(VariableError) -> VariableLookup {
        let source = reference.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        let rest = reference.dropFirst(source.count)
        func string(_ value: String?, missing: String) -> VariableLookup {
            value.map { .found(.scalar($0, style: .doubleQuoted, mark: mark)) } ?? .missing(missing)
        }
        if rest.hasPrefix("(") {
            guard let close = rest.firstIndex(of: ")") else {
                throw VariableError(message: "'\(reference)' is missing its closing ')'", mark: mark)
            }
            let argument = String(rest[rest.index(after: rest.startIndex)..<close].trimmingSpaces)
            let address = rest[rest.index(after: close)...].drop { $0 == ":" }
            switch source {
            case "file": return try lookupFile(argument, address: String(address), at: mark)
            case "strToBool":
                switch argument {
                case "true", "1": return .found(.scalar("true", mark: mark))
                case "false", "0", "null", "": return .found(.scalar("false", mark: mark))
                default: throw VariableError(message: "strToBool takes true, false, 1 or 0, not '\(argument)'", mark: mark)
                }
            default: break
            }
        } else if rest.hasPrefix(":") {
            let address = String(rest.dropFirst())
            switch source {
            case "self": return try lookupSelf(address, at: mark)
            case "opt": return string(options.option(address), missing: "option '--\(address)' was not given")
            case "env": return string(options.environment[address], missing: "environment variable '\(address)' is not set")
            case "sls":
                switch address {
                case "stage": return .found(.scalar(try stage(), style: .doubleQuoted, mark: mark))
                case "instanceId": return .found(.scalar("emulate-instance", style: .doubleQuoted, mark: mark))
                default: throw VariableError(message: "unknown sls variable '\(address)' (known: stage, instanceId)", mark: mark)
                }
            case "aws":
                switch address {
                case "region": return .found(.scalar(try region(), style: .doubleQuoted, mark: mark))
                case "accountId": return .found(.scalar(options.accountID, style: .doubleQuoted, mark: mark))
                default: throw VariableError(message: "unknown aws variable '\(address)' (known: region, accountId)", mark: mark)
                }
            case "param": return try lookupParam(address, at: mark)
            default: break
            }
        }
        if Self.awsOnlySources.contains(String(source)) {
            return .missing("the '\(source)' source reads from AWS, which the emulator does not reach")
        }
        if Self.pluginSources.contains(String(source)) {
            return .missing("the '\(source)' source is a plugin's, which the emulator does not run")
        }
        if rest.isEmpty {
            throw VariableError(
                message: "unknown variable source '\(source)': a fallback that is text is quoted ('\(source)')",
                mark: mark
            )
        }
        throw VariableError(
            message: "unknown variable source '\(source)'"
                + Suggestion.hint(for: String(source), in: ["self", "opt", "sls", "env", "file", "param", "aws", "strToBool"]),
            mark: mark
        )
    }

    /// `${self:a.b.c}`: a value elsewhere in this configuration, itself resolved.
    private func lookupSelf(_ address: String, at mark: Mark) throws(VariableError) -> VariableLookup {
        if let cached = selfCache[address] { return .found(cached) }
        guard inProgress.insert(address).inserted else {
            throw VariableError(message: "${self:\(address)} refers to itself through a cycle of variables", mark: mark)
        }
        defer { inProgress.remove(address) }
        let path = address.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch try walk(root, path: path.first == "" && path.count == 1 ? [] : path, label: "self") {
        case .found(let node):
            let resolved = node.scalarText == nil ? resolveTree(node) : try resolveScalar(node)
            selfCache[address] = resolved
            return .found(resolved)
        case .missing(let reason):
            if let value = frameworkDefault(address, at: mark) { return .found(value) }
            return .missing(reason)
        }
    }

    /// Follows a dotted path from `start`, resolving variables met on the way.
    private func walk(_ start: YAMLNode, path: [String], label: String) throws(VariableError) -> VariableLookup {
        var node = start
        for (depth, key) in path.enumerated() {
            if node.scalarText != nil { node = try resolveScalar(node) }
            let next = node[key] ?? Int(key).flatMap { index in node.items.flatMap { $0.indices.contains(index) ? $0[index] : nil } }
            guard let next else {
                let prefix = path.prefix(depth).map { $0 + "." }.joined()
                let keys = (node.pairs ?? []).compactMap { $0.key.scalarText }
                let hint = Suggestion.closest(to: key, in: keys).map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
                return .missing("no value at '\(path.joined(separator: "."))' in \(label)" + hint)
            }
            node = next
        }
        return .found(node)
    }

    /// `${param:name}`, as the framework (v4) ranks its sources: `--param name=…`, then
    /// `stages.<stage>.params`, `params.<stage>`, `stages.default.params`, `params.default`.
    private func lookupParam(_ name: String, at mark: Mark) throws(VariableError) -> VariableLookup {
        if let given = options.params[name] { return .found(.scalar(given, style: .doubleQuoted, mark: mark)) }
        let stage = try stage()
        for path in ["stages.\(stage).params", "params.\(stage)", "stages.default.params", "params.default"] {
            if case .found(let node) = try lookupSelf("\(path).\(name)", at: mark), !node.isNull { return .found(node) }
        }
        return .missing("no parameter '\(name)' given with --param \(name)=… or in the stage's or the default params")
    }

    /// `${file(./path.yml):a.b}`: a value from another YAML or JSON file, its own variables resolved.
    private func lookupFile(_ path: String, address: String, at mark: Mark) throws(VariableError) -> VariableLookup {
        let display = files.displayPath(for: path)
        if path.hasSuffix(".js") || path.hasSuffix(".ts") || path.hasSuffix(".mjs") || path.hasSuffix(".cjs") {
            throw VariableError(message: "${file(\(path))}: JavaScript files cannot be run by the emulator; use YAML or JSON", mark: mark)
        }
        let root: YAMLNode?
        if let cached = fileCache[display] {
            root = cached
        } else {
            guard let bytes = files.read(display) else { return .missing("file '\(path)' does not exist") }
            do {
                root = try YAMLParser().parse(bytes: bytes, source: display).map(resolveTree)
            } catch {
                throw VariableError(message: error.message, mark: error.mark)
            }
            fileCache[display] = root
        }
        guard let root else { return .missing("file '\(path)' is empty") }
        guard !address.isEmpty else { return .found(root) }
        return try walk(root, path: address.split(separator: ".").map(String.init), label: "'\(path)'")
    }
}
