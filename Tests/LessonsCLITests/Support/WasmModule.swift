import Foundation
import XCTest

/// The lessons.wasm the engine tests run: LESSONS_WASM, else the site's. Without it the
/// test is skipped, or fails when LESSONS_REQUIRE_WASM=1 (scripts/check-wasm sets it).
enum WasmModule {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var required: Bool { ProcessInfo.processInfo.environment["LESSONS_REQUIRE_WASM"] == "1" }

    /// Points `lessons` at the module and the repository's node host.
    static func use(in lessons: inout LessonsProcess) throws {
        let module = ProcessInfo.processInfo.environment["LESSONS_WASM"]
            ?? repository.appendingPathComponent("site/assets/lessons.wasm").path
        guard FileManager.default.fileExists(atPath: module) else {
            if required { XCTFail("no module at \(module)") }
            throw XCTSkip("no module at \(module) (make wasm)")
        }
        lessons.extraEnvironment = ["LESSONS_WASM": module,
                                    "LESSONS_WASM_HOST": repository.appendingPathComponent("scripts/wasm/run-node.mjs").path]
    }

    /// Skips a test whose run found no node (fails instead when the module is required).
    static func skipWithoutNode(_ result: LessonsProcess.Output) throws {
        if result.stderr.contains("needs node") && !required { throw XCTSkip("node is not installed") }
    }
}
