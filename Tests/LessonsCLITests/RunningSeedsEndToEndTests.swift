import Foundation
import XCTest

/// A multi-seed lesson with a sweep and paired claims, end to end: the page is
/// the same bytes whatever `--jobs` is, and adding a seed trains only that seed.
final class RunningSeedsEndToEndTests: XCTestCase {
    private var work: URL!
    private var lessons: LessonsProcess!

    static func lesson(seeds: Int) -> String {
        """
        ---
        title: Seeds on tiny shapes
        ---

        # Seeds on tiny shapes

        ```swift parameters
        let epochs = 2
        let scale = 1.0
        ```

        ```swift experiment
        let shapes = Shapes(labels: ["circle", "square", "ring"], prevalence: [0.5, 0.35, 0.25],
                            size: 16, train: 96, validation: 24, test: 48)

        Compare("Weighted or not", on: shapes, seeds: \(seeds), runs: [
            Run("plain", model: MLP(hidden: [8]), optimizer: .adam(learningRate: 0.01), epochs: epochs, batchSize: 16),
            Run("weighted", model: MLP(hidden: [8]), loss: .binaryCrossEntropy(posWeight: .balanced(scale: scale)),
                optimizer: .adam(learningRate: 0.01), epochs: epochs, batchSize: 16),
        ])
        Sweep("How much weight?", parameter: "scale", values: [0.5, 1, 2], runs: ["weighted"])
        ```

        ```swift expect
        expect(results["weighted"].recall("ring") >= results["plain"].recall("ring"), inAtLeast: 1)
        expect(results["plain"].meanAveragePrecision > 0.2, inAtLeast: \(seeds))
        ```

        """
    }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-seeds-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try write(seeds: 3)
        lessons = LessonsProcess(folder: work)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func write(seeds: Int) throws {
        try Self.lesson(seeds: seeds).write(to: work.appendingPathComponent("Lessons/02-seeds.md"), atomically: true, encoding: .utf8)
    }

    private func page() throws -> Data { try Data(contentsOf: work.appendingPathComponent("site/02-seeds.html")) }

    /// Sweep points carry no spec hash in results.json; trained again with the same results, they
    /// still keep the published timings, so the file keeps its bytes (a clean clone's `make run`).
    func testSweepPointsTrainedAgainKeepThePublishedTimings() throws {
        XCTAssertEqual(try lessons.run(["run", "02-seeds", "--no-cache", "--quiet"]).status, 0)
        let file = work.appendingPathComponent("site/02-seeds/results.json")
        let first = try Data(contentsOf: file)
        XCTAssertTrue(String(decoding: first, as: UTF8.self).contains("\"sweeps\""))
        XCTAssertEqual(try lessons.run(["run", "02-seeds", "--no-cache", "--quiet"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: file), first)
    }

    func testJobsGiveTheSamePageAndASeedMoreTrainsOnlyItsPairs() throws {
        let one = try lessons.run(["run", "02-seeds", "--jobs", "1"])
        XCTAssertEqual(one.status, 0, one.stderr)
        // 2 runs × 3 seeds, plus the sweep's values 0.5 and 2 (its value 1 is the comparison's run) × 3 seeds.
        XCTAssertTrue(one.stderr.contains("12 (run, seed) pairs trained, 0 from cache"), one.stderr)
        XCTAssertTrue(one.stderr.contains("weighted · scale = 2 · seed 3"), one.stderr)
        let first = try page()
        let html = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(html.contains("held in"), "per-seed claims say in how many seeds they held")
        XCTAssertTrue(html.contains("Sweep: How much weight?"))

        let two = try lessons.run(["run", "02-seeds", "--jobs", "2", "--no-cache", "--quiet"])
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(first, try page(), "the same bytes whatever --jobs is")

        try write(seeds: 4)
        let more = try lessons.run(["run", "02-seeds", "--jobs", "2"])
        XCTAssertEqual(more.status, 0, more.stderr)
        XCTAssertTrue(more.stderr.contains("4 (run, seed) pairs trained, 12 from cache"), more.stderr)
        XCTAssertTrue(more.stderr.contains("plain · seed 4: training"), more.stderr)
        XCTAssertTrue(more.stderr.contains("plain · seed 1: cached"), more.stderr)
    }
}
