import Foundation
import XCTest
import Experiments
@testable import LessonKit

/// A lesson's memory is estimated beside its compute budget, before anything
/// is generated or trained: too much is a located error that gives the estimate.
final class RunningMemoryBudgetTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-memory-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    private let big = """
    ```swift experiment
    let shapes = Shapes(size: 256, train: 60_000, test: 1000, seed: 1)
    Compare("big", on: shapes, runs: [Run("a", model: MLP(hidden: [16]), epochs: 1)])
    ```
    """

    func testImagesFarUnderTheComputeBudgetAreRefusedWithTheEstimate() throws {
        let lesson = try EvaluationFixture.lesson(big)
        guard case .success(let plan) = Evaluator.evaluate(lesson) else { return XCTFail("does not evaluate") }
        XCTAssertNoThrow(try TrainingBudget(limit: nil).check(plan, lesson: lesson), "within the compute budget")
        let pipeline = LessonPipeline(options: .init(jobs: 1, quiet: true, cacheDirectory: cache),
                                      progress: ProgressReporter(style: .quiet))
        XCTAssertThrowsError(try pipeline.run(lesson, id: "test", fileName: "test.md", overrides: [:])) { error in
            let e = error as? LessonsError
            XCTAssertEqual(e?.exitCode, 2)
            let d = e?.diagnostics.first
            // At the dataset's declaration: 61,500 images of 256 × 256 floats are 15.0 GiB.
            XCTAssertEqual(d?.location, SourceLocation(line: 8, column: 5))
            XCTAssertTrue(d?.message.hasPrefix("this lesson needs about 15.1 GiB of memory, more than its limit of 2.0 GiB") == true,
                          d?.message ?? "")
            XCTAssertTrue(d?.message.contains("Shapes, 61500 images of 256 × 256: 15.0 GiB") == true, d?.message ?? "")
            XCTAssertTrue(d?.message.contains("'memory: 16' (in GiB)") == true, d?.message ?? "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "nothing generated, nothing cached")
        let raised = try Lesson(path: "Lessons/test.md", markdown: "---\ntitle: T\nmemory: 16\n---\n" + big)
        XCTAssertEqual(raised.meta.memory, 16)
        guard case .success(let raisedPlan) = Evaluator.evaluate(raised) else { return XCTFail("does not evaluate") }
        XCTAssertNoThrow(try MemoryBudget(limit: raised.meta.memory).check(raisedPlan, lesson: raised))
        XCTAssertThrowsError(try Lesson(path: "Lessons/test.md", markdown: "---\ntitle: T\nmemory: 100\n---\n")) { error in
            let d = (error as? LessonsError)?.diagnostics.first
            XCTAssertEqual(d?.location, SourceLocation(line: 3, column: 9))
            XCTAssertEqual(d?.message, "front matter 'memory' must be a number of GiB in (0, 64], not '100'")
        }
    }

    func testEachSeedAndAWideModelCount() throws {
        let lesson = try EvaluationFixture.lesson("""
        ```swift experiment
        Compare("wide", on: Shapes(size: 64, train: 10_000), seeds: 5,
                runs: [Run("wide", model: MLP(hidden: [4096, 4096]), epochs: 1, batchSize: 512)])
        ```
        """)
        guard case .success(let plan) = Evaluator.evaluate(lesson) else { return XCTFail("does not evaluate") }
        let items = MemoryBudget.items(plan)
        // 5 draws of 11,500 images of 64 × 64 (plus 5 labels each), as floats.
        XCTAssertEqual(items[0].bytes, 4 * 5 * 11_500 * (64 * 64 + 5))
        // Weights 4096·4096 + 4096·4096 + 4096·5 (+ biases), four copies; 1024 images of activations.
        let input: Double = 64 * 64, width: Double = 4096
        let weights: Double = input * width + width * width + width * 5
        let parameters: Double = weights + (width + width + 5)
        let activations: Double = input + 4 * width + 5
        XCTAssertEqual(items[1].bytes, 4 * (4 * parameters + 1024 * activations))
        XCTAssertEqual(items.count, 2, "one run: two at a time means just this one")
        XCTAssertEqual(items[1].location, SourceLocation(line: 9, column: 16))
    }

    func testEveryCourseLessonIsFarUnderTheDefaultLimit() throws {
        var repository = URL(fileURLWithPath: #filePath)
        repeat { repository.deleteLastPathComponent() }
        while !FileManager.default.fileExists(atPath: repository.appendingPathComponent("Package.swift").path) && repository.path != "/"
        let folder = repository.appendingPathComponent("Lessons")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let lesson = try Lesson(contentsOfFile: folder.appendingPathComponent(file).path)
            guard case .success(let plan) = Evaluator.evaluate(lesson) else { return XCTFail("\(file) does not evaluate") }
            let total = MemoryBudget.items(plan).reduce(0) { $0 + $1.bytes }
            XCTAssertLessThan(total, MemoryBudget.defaultLimit * MemoryBudget.unit / 4, "\(file): \(MemoryBudget.format(total))")
        }
    }
}
