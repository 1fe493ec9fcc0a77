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
        try compile(program, mode: ["-typecheck"]) { _ in [] }
    }

    /// Builds the program into an executable linked with the library's object
    /// files (beside the modules), runs it in `folder`, and returns its status and output.
    func buildAndRun(_ program: String) throws -> (status: Int32, output: String) {
        var binary = ""
        let built = try compile(program, mode: ["-Onone"]) { folder in
            binary = folder.appendingPathComponent("program").path
            let objects = URL(fileURLWithPath: Self.builtModulesFolder).deletingLastPathComponent()
            var files: [String] = []
            for target in ["Experiments", "NeuralCore", "Datasets", "SIMDKernels", "SIMDKernelsAVX2", "SIMDKernelsAVX512",
                           "SIMDKernelsPortable", "CPUFeatures", "CThreadPlacement", "PortableMath", "PortableSort", "PortableText", "PlanCore", "PortableJSON"] {
                let dir = objects.appendingPathComponent(target + ".build").path
                // Only the objects of today's sources (a renamed file leaves its old object behind).
                let sources = Set((FileManager.default.enumerator(atPath: Self.packageRoot.path + "/Sources/" + target)?
                    .allObjects as? [String] ?? []).map { ($0 as NSString).lastPathComponent + ".o" })
                files += try FileManager.default.contentsOfDirectory(atPath: dir).filter { sources.contains($0) }.sorted()
                    .map { dir + "/" + $0 }
            }
            return files + ["-lz", "-lpng", "-o", binary]
        } after: { folder in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.currentDirectoryURL = folder
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        return built
    }

    private func compile(_ program: String, mode: [String], extra: (URL) throws -> [String],
                         after: ((URL) throws -> (status: Int32, output: String))? = nil) throws -> (status: Int32, output: String) {
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
        var arguments = ["swiftc"] + mode + ["-swift-version", "5", "-I", modules]
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
        process.arguments = arguments + [main.path] + (try extra(folder))
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let after else { return (process.terminationStatus, output) }
        return try after(folder)
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

    /// Seeds, paired claims (abs, min, max, approximately per seed) and a sweep: the exported program, built and run,
    /// fails exactly the claims `lessons run` fails, on the same seeds.
    func testExportedMultiSeedLessonGivesTheSameClaimOutcomes() throws {
        let lesson = try EvaluationFixture.lesson(EvaluationFixture.blocks([
            ("parameters", "let seed = 2"),
            ("experiment", """
            let shapes = Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.25], size: 16, train: 64, validation: 16, test: 32)
            Compare("t", on: shapes, seeds: .from(seed, count: 3), runs: [
                Run("a", model: MLP(hidden: [8]), epochs: 2, batchSize: 16),
                Run("b", model: MLP(hidden: [8]), loss: .binaryCrossEntropy(posWeight: .balanced), epochs: 2, batchSize: 16),
            ])
            Sweep("w", parameter: "seed", values: [1, 2], runs: ["a"])
            """),
            ("expect", """
            expect(results["b"].recall("ring") >= results["a"].recall("ring"), inAtLeast: 2)
            expect(results["b"].precision("ring") > results["a"].precision("ring"), inAtLeast: 3)
            expect(results["a"].macroF1 > 0)
            expect(abs(results["a"].macroF1 - results["b"].macroF1) <= max(1, min(results["a"].macroF1, 2)), inAtLeast: 3)
            expect(results["a"].macroF1, approximately: results["b"].macroF1, tolerance: 1, inAtLeast: 3)
            """),
        ]))
        guard case .success(let program) = LessonExport.program(for: lesson) else { return XCTFail("export failed") }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-export-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let report = try LessonPipeline(options: .init(jobs: 1, quiet: true, cacheDirectory: cache),
                                        progress: ProgressReporter(style: .quiet))
            .run(lesson, id: "test", fileName: "test.md", overrides: [:])
        let outcomes = report.results.expectations.map(\.record)
        XCTAssertEqual(outcomes.map(\.passed), [true, false, true, true, true], outcomes.map(\.detail).joined(separator: "; "))
        XCTAssertEqual(outcomes[1].seeds?.map(\.seed), [2, 3, 4])

        let ran = try buildAndRun(program)
        XCTAssertEqual(ran.status, 1, ran.output)
        let failures = ran.output.split(separator: "\n").filter { $0.contains("expectation failed") }
        XCTAssertEqual(failures.count, 1, ran.output)
        XCTAssertTrue(failures.first?.hasSuffix("(\(outcomes[1].detail))") == true, ran.output)
    }

    /// `show:` is lesson API like any other: evaluated, checked against the labels, and honest Swift.
    func testResultViewsEvaluateCheckAndTypecheck() throws {
        let markdown = EvaluationFixture.blocks([
            ("experiment", """
            let shapes = Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.25], size: 16, train: 64, test: 32)
            Compare("t", on: shapes, runs: [Run("a", epochs: 1)], show: [.table, .perLabel, .perLabel("ring"), .thresholds, .pr])
            """),
        ])
        let plan = try EvaluationFixture.plan(markdown)
        XCTAssertEqual(plan.comparisons[0].compare.show, [.table, .perLabel, .label("ring"), .thresholds, .pr])
        let wrong = try EvaluationFixture.diagnostics(markdown.replacingOccurrences(of: "perLabel(\"ring\")", with: "perLabel(\"rng\")"))
        XCTAssertTrue(wrong.contains { $0.contains("unknown label 'rng'") }, wrong.joined(separator: "\n"))
        guard case .success(let program) = LessonExport.program(for: try EvaluationFixture.lesson(markdown)) else {
            return XCTFail("export failed")
        }
        let result = try typecheck(program)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertNotEqual(try typecheck(program.replacingOccurrences(of: ".thresholds, .pr]", with: ".thresholds, .nonsense]")).status, 0)
    }

    /// The learning curve, a point of the curves, the training time and other test sets are honest Swift too.
    func testCurvesAndTimeTypecheck() throws {
        let markdown = EvaluationFixture.blocks([
            ("experiment", """
            let shapes = Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.25], size: 16, train: 64, test: 32)
            let noisy = Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.25], size: 16, noise: 0.3, train: 8, test: 32)
            Compare("t", on: shapes, runs: [Run("a", epochs: 3), Run("b", epochs: 3)], show: [.learningCurve, .loss],
                    alsoTestOn: ["noisy": noisy])
            """),
            ("expect", """
            expect(results["a"].validationLoss(atEpoch: 2) > results["a"].validationLoss - 1)
            expect(results["a"].trainLoss(atEpoch: 1) > 0 && results["a"].trainSeconds < results["b"].trainSeconds * 100)
            expect(results["a", on: "noisy"].macroF1 <= results["a"].macroF1 + 1)
            """),
        ])
        guard case .success(let program) = LessonExport.program(for: try EvaluationFixture.lesson(markdown)) else {
            return XCTFail("export failed")
        }
        XCTAssertTrue(program.contains("validationLoss(atEpoch: 2)"), program)
        let result = try typecheck(program)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertNotEqual(try typecheck(program.replacingOccurrences(of: "(atEpoch: 2)", with: "(epoch: 2)")).status, 0)
    }

    func testExportRefusesALessonWithErrors() throws {
        let lesson = try EvaluationFixture.lesson(EvaluationFixture.blocks([("experiment", "let r = Run(\"a\", epoch: 1)")]))
        guard case .failure(let list) = LessonExport.program(for: lesson) else { return XCTFail("expected diagnostics") }
        XCTAssertEqual(list.diagnostics.map(\.message), ["Run has no argument 'epoch'; did you mean 'epochs'? (arguments: model, head, loss, sampleWeight, optimizer, epochs, batchSize, schedule, clipNorm, earlyStopping, threshold, outputBias, logitShift, augmentation, seed)"])
    }
}
