import ArgumentParser
import EmulatorCore
import ServerlessConfig
import YAML

extension Emulate {
    /// `emulate print`: the configuration as the emulator understood it, as `serverless print` shows it.
    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the configuration after variables and the framework's defaults, as serverless print does.",
            discussion: "--path a.b prints one part of it; --format json prints JSON."
        )

        @OptionGroup var options: ConfigOptions

        @Option(help: "A dotted path into the configuration (e.g. provider.environment).")
        var path: String?

        @Option(help: "yaml (the default) or json.")
        var format = "yaml"

        func validate() throws {
            guard ["yaml", "json"].contains(format) else { throw ValidationError("--format must be yaml or json") }
        }

        func run() async throws {
            guard var node = try options.load().configuration else { return }
            for key in (path ?? "").split(separator: ".") {
                guard
                    let next = node[String(key)] ?? Int(key).flatMap({ index in node.items.flatMap { $0.indices.contains(index) ? $0[index] : nil } })
                else {
                    printError("nothing at '\(path ?? "")' in the configuration")
                    throw ExitCode(1)
                }
                node = next
            }
            print(format == "json" ? Self.json(node).serialized : YAMLWriter.text(of: node), terminator: format == "json" ? "\n" : "")
        }

        /// The node as JSON: plain numbers and booleans as such, a tag as a one-key object (`{"Ref": …}`).
        static func json(_ node: YAMLNode) -> JSONValue {
            let value: JSONValue
            switch node.content {
            case .scalar(let text, _):
                switch node.scalarValue ?? .string(text) {
                case .null: value = .null
                case .bool(let flag): value = .bool(flag)
                case .int(let number): value = .int(number)
                case .double(let number): value = number.isFinite ? .double(number) : .string(text)
                case .string(let string): value = .string(string)
                }
            case .sequence(let items): value = .array(items.map(json))
            case .mapping(let pairs): value = .object(pairs.map { JSONValue.Member($0.key.scalarText ?? "", json($0.value)) })
            }
            guard let tag = node.tag, tag.hasPrefix("!") else { return value }
            let name = tag.dropFirst()
            return .object([.init(name == "Ref" || name == "Condition" ? String(name) : "Fn::" + name, value)])
        }
    }
}
