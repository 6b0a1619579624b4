import EmulatorCrypto
import Foundation

/// The runtime interface client for `nodejs*` functions, shipped with the emulator: it loads the
/// handler (CommonJS `module.exports.handler` or an ES module's export, through `import()`), then loops
/// over the Runtime API (`next`, then `response` or `error`), as Lambda's Node runtime does. Async,
/// promise-returning and callback handlers all work; a handler that cannot be loaded is an `init/error`
/// (`Runtime.ImportModuleError`, `Runtime.HandlerNotFound`).
enum NodeBootstrap {
    /// Writes the bootstrap under `directory` (once per content) and answers its path.
    static func install(in directory: String) -> Result<String, LaunchError> {
        let digest = Digest.sha256(Array(source.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        let path = "\(directory)/node-bootstrap-\(digest).mjs"
        if FileManager.default.fileExists(atPath: path) { return .success(path) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(source.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return .success(path)
        } catch {
            return .failure(LaunchError("cannot write the Node runtime bootstrap to \(path): \(error)"))
        }
    }

    static let source = #"""
        // The emulator's Node.js runtime interface client (Lambda Runtime API 2018-06-01).
        import { pathToFileURL } from "node:url";
        import { existsSync } from "node:fs";
        import path from "node:path";

        const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;
        const handlerString = process.argv[2] || process.env._HANDLER || "";
        const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();

        function errorDocument(error, fallbackType) {
          const value = error instanceof Error ? error : new Error(String(error));
          return {
            errorType: value.name && value.name !== "Error" ? value.name : (fallbackType || "Error"),
            errorMessage: value.message,
            stackTrace: (value.stack || "").split("\n").slice(1).map((line) => line.trim()),
          };
        }

        async function post(url, body, headers = {}) {
          const response = await fetch(url, {
            method: "POST",
            body: typeof body === "string" ? body : JSON.stringify(body),
            headers: { "Content-Type": "application/json", ...headers },
          });
          await response.text();
        }

        async function initError(type, error) {
          const document = errorDocument(error, type);
          document.errorType = type;
          console.error(`${type}: ${document.errorMessage}`);
          await post(`${api}/init/error`, document, { "Lambda-Runtime-Function-Error-Type": type });
          process.exit(1);
        }

        async function loadHandler() {
          const dot = handlerString.lastIndexOf(".");
          if (dot <= 0) await initError("Runtime.MalformedHandlerName", new Error(`Bad handler ${handlerString}`));
          const modulePath = handlerString.slice(0, dot);
          const names = handlerString.slice(dot + 1).split(".");
          const base = path.resolve(taskRoot, modulePath);
          const file = [".js", ".mjs", ".cjs", ""].map((extension) => base + extension).find((candidate) => existsSync(candidate));
          if (!file) await initError("Runtime.ImportModuleError", new Error(`Error: Cannot find module '${modulePath}'`));
          let loaded;
          try {
            loaded = await import(pathToFileURL(file).href);
          } catch (error) {
            await initError("Runtime.ImportModuleError", error);
          }
          let target = loaded;
          for (const name of names) {
            target = target?.[name] ?? (target === loaded ? loaded?.default?.[name] : undefined);
          }
          if (typeof target !== "function") {
            await initError("Runtime.HandlerNotFound", new Error(`${handlerString} is undefined or not exported`));
          }
          return target;
        }

        function context(headers, deadline) {
          const parse = (value) => { try { return value ? JSON.parse(value) : undefined; } catch { return undefined; } };
          return {
            awsRequestId: headers.get("lambda-runtime-aws-request-id"),
            invokedFunctionArn: headers.get("lambda-runtime-invoked-function-arn"),
            functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
            functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
            memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
            logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
            logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
            clientContext: parse(headers.get("lambda-runtime-client-context")),
            identity: parse(headers.get("lambda-runtime-cognito-identity")),
            callbackWaitsForEmptyEventLoop: true,
            getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
          };
        }

        function run(handler, event, ctx) {
          if (handler.length >= 3) {
            return new Promise((resolve, reject) => {
              const done = (error, result) => (error ? reject(error) : resolve(result));
              try {
                const returned = handler(event, ctx, done);
                if (returned && typeof returned.then === "function") returned.then(resolve, reject);
              } catch (error) {
                reject(error);
              }
            });
          }
          return Promise.resolve().then(() => handler(event, ctx));
        }

        const handler = await loadHandler();
        for (;;) {
          let next;
          try {
            next = await fetch(`${api}/invocation/next`);
          } catch {
            continue;  // fetch gives up on a response after 300 s: an idle runtime asks again
          }
          if (!next.ok) process.exit(0);
          const id = next.headers.get("lambda-runtime-aws-request-id");
          const deadline = Number(next.headers.get("lambda-runtime-deadline-ms"));
          const trace = next.headers.get("lambda-runtime-trace-id");
          if (trace) process.env._X_AMZN_TRACE_ID = trace;
          const text = await next.text();
          try {
            const result = await run(handler, JSON.parse(text), context(next.headers, deadline));
            await post(`${api}/invocation/${id}/response`, result === undefined ? "null" : JSON.stringify(result));
          } catch (error) {
            const document = errorDocument(error);
            console.error(`${new Date().toISOString()}\t${id}\tERROR\tInvoke Error \t${JSON.stringify(document)}`);
            await post(`${api}/invocation/${id}/error`, document, { "Lambda-Runtime-Function-Error-Type": document.errorType });
          }
        }
        """#
}
