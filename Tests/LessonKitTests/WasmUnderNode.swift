import Foundation
import XCTest

/// One of the `scripts/wasm/*-node.mjs` drivers run on lessons.wasm (or `LESSONS_WASM`)
/// with options and input files: its output, or a skip when node or the module (or its entry point)
/// is missing, unless LESSONS_REQUIRE_WASM=1.
enum WasmUnderNode {
    static func run(_ script: String, options: [String] = [], inputs: [(name: String, bytes: Data)], in folder: URL) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let required = environment["LESSONS_REQUIRE_WASM"] == "1"
        let module = environment["LESSONS_WASM"] ?? RepositoryRoot.url.appendingPathComponent("site/assets/lessons.wasm").path
        guard FileManager.default.fileExists(atPath: module) else {
            if required { XCTFail("no module at \(module)") }
            throw XCTSkip("no module at \(module) (make wasm)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for input in inputs {
            let file = folder.appendingPathComponent(input.name)
            try input.bytes.write(to: file)
            paths.append(file.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "--experimental-wasm-relaxed-simd",
                             RepositoryRoot.url.appendingPathComponent("scripts/wasm/\(script)").path, module] + options + paths
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 && !required { throw XCTSkip("node is not installed") }
        if process.terminationStatus == 3 && !required { throw XCTSkip(message) }
        XCTAssertEqual(process.terminationStatus, 0, message)
        return String(decoding: data, as: UTF8.self)
    }
}
