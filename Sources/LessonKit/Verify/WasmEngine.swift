import Foundation

/// lessons.wasm under node: one (run, seed) pair per call, through the JS host in
/// scripts/wasm (the same host code a browser Web Worker can use). Requests and answers
/// are `PairRequest` JSON and `RunResult` JSON.
public struct WasmEngine: Sendable {
    /// The module, and the node script that hosts it.
    public var module: String
    public var host: String

    public init(module: String, host: String) {
        self.module = module
        self.host = host
    }

    /// The module from `LESSONS_WASM`, else the published site's; the host from
    /// `LESSONS_WASM_HOST`, else scripts/wasm/run-node.mjs beside the course folder.
    public static func standard(site: String = SiteBuilder.defaultOutput, lessons: String = LessonLibrary.defaultDirectory) -> WasmEngine {
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: lessons).standardizedFileURL.deletingLastPathComponent()
        return WasmEngine(module: environment["LESSONS_WASM"] ?? (site as NSString).appendingPathComponent("assets/lessons.wasm"),
                          host: environment["LESSONS_WASM_HOST"] ?? root.appendingPathComponent("scripts/wasm/run-node.mjs").path)
    }

    /// Node's exit status, standard output and error for one request (`arguments` after the module).
    public func call(_ request: String, arguments: [String] = []) throws -> (status: Int32, output: String, errors: String) {
        for (what, path) in [("module", module), ("host script", host)] where !FileManager.default.fileExists(atPath: path) {
            throw LessonsError(message: "--engine wasm: no \(what) at \(path)"
                               + (what == "module" ? " (make wasm, or set LESSONS_WASM)" : " (set LESSONS_WASM_HOST)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "--experimental-wasm-relaxed-simd", host, module] + arguments
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both streams while node runs, so neither pipe fills up and blocks it.
        let collected = ReadBoth(output: output, errors: errors)
        input.fileHandleForWriting.write(Data(request.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let (out, err) = collected.wait()
        if process.terminationStatus == 127 {
            throw LessonsError(message: "--engine wasm needs node (≥ 20) on the PATH: \(err.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return (process.terminationStatus, out, err)
    }

    /// Trains one pair in the module: the result's JSON text. `fashion` is the file of
    /// Fashion-MNIST items the pair's mosaics are drawn from (removed after when `temporary`).
    public func runPair(_ request: String, fashion: (path: String, temporary: Bool)? = nil) throws -> String {
        defer { if let fashion, fashion.temporary { try? FileManager.default.removeItem(atPath: fashion.path) } }
        let result = try call(request, arguments: fashion.map { ["--fashion", $0.path] } ?? [])
        guard result.status == 0 else {
            throw LessonsError(message: result.errors.isEmpty ? "node exited with status \(result.status)"
                                                             : result.errors.trimmingCharacters(in: .whitespacesAndNewlines),
                               exitCode: 2)
        }
        return result.output
    }
}

/// Standard output and error of a child, read on two threads until they close.
private final class ReadBoth: @unchecked Sendable {
    private var output = Data(), errors = Data()
    private let group = DispatchGroup()

    init(output: Pipe, errors: Pipe) {
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            group.enter()
            DispatchQueue.global().async { [self] in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                if isOutput { self.output = data } else { self.errors = data }
                group.leave()
            }
        }
    }

    func wait() -> (String, String) {
        group.wait()
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
