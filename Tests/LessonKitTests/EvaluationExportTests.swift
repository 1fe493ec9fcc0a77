import Foundation
@testable import LessonKit
import XCTest

/// `lessons export` writes honest Swift: the exported program type-checks against
/// the built Experiments module (`swiftc -typecheck`, ~3 s), and a wrong program does not.
final class EvaluationExportTests: XCTestCase {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `Modules/` in the build folder of the running test bundle.
    static var builtModulesFolder: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Modules").path) {
                return url.appendingPathComponent("Modules").path
            }
        }
        return packageRoot.path + "/.build/debug/Modules"
    }

    func typecheck(_ program: String) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("main.swift")
        try Data(program.utf8).write(to: main)
        let root = Self.packageRoot.path
        // The modules this test binary was built with sit beside it (any build folder or configuration).
        let modules = Self.builtModulesFolder
        guard FileManager.default.fileExists(atPath: modules + "/Experiments.swiftmodule") else {
            struct MissingModule: Error, CustomStringConvertible { var description: String }
            throw MissingModule(description: "no built Experiments module in \(modules): the test target depends on it")
        }
        var arguments = ["swiftc", "-typecheck", "-swift-version", "5", "-I", modules]
        // The C modules the library imports: system-library shims carry a module map;
        // C targets with an `include/` folder get one written here, as SwiftPM does.
        let sources = root + "/Sources"
        for name in try FileManager.default.contentsOfDirectory(atPath: sources).sorted() {
            let dir = sources + "/" + name
            if FileManager.default.fileExists(atPath: dir + "/module.modulemap") {
                arguments += ["-I", dir]
            } else if FileManager.default.fileExists(atPath: dir + "/include"),
                      try FileManager.default.contentsOfDirectory(atPath: dir + "/include").contains(where: { $0.hasSuffix(".h") }) {
                let map = folder.appendingPathComponent(name + ".modulemap")
                try Data("module \(name) {\n    umbrella \"\(dir)/include\"\n    export *\n}\n".utf8).write(to: map)
                arguments += ["-Xcc", "-fmodule-map-file=" + map.path, "-Xcc", "-I" + dir + "/include"]
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments + [main.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func testExportedLessonTypechecksAgainstTheLibrary() throws {
        let lesson = try EvaluationFixture.lesson(EvaluationPlanTests.weightedLoss)
        guard case .success(let program) = LessonExport.program(for: lesson, overrides: ["epochs": "20"]) else {
            return XCTFail("export failed")
        }
        XCTAssertTrue(program.contains("let epochs = 20\n"))
        XCTAssertTrue(program.contains("import Experiments\n"))
        XCTAssertTrue(program.contains(#"expect(results["pos_weight"].recall("ring") > results["plain BCE"].recall("ring") + 0.05)"#))
        let result = try typecheck(program)
        XCTAssertEqual(result.status, 0, result.output)

        // The check can fail: a value the evaluator would reject is rejected by Swift too.
        let broken = program.replacingOccurrences(of: "let epochs = 20", with: "let epochs = 2.5\nlet e: Int = epochs")
        XCTAssertNotEqual(try typecheck(broken).status, 0)
    }

    func testExportRefusesALessonWithErrors() throws {
        let lesson = try EvaluationFixture.lesson(EvaluationFixture.blocks([("experiment", "let r = Run(\"a\", epoch: 1)")]))
        guard case .failure(let list) = LessonExport.program(for: lesson) else { return XCTFail("expected diagnostics") }
        XCTAssertEqual(list.diagnostics.map(\.message), ["Run has no argument 'epoch'; did you mean 'epochs'?"])
    }
}
