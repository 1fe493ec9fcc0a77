import Foundation
import XCTest

/// `lessons run` and `lessons check` end to end on a tiny lesson (tiny Shapes,
/// two epochs, three runs): page, results.json, cache, exit codes, interruption.
final class RunningEndToEndTests: XCTestCase {
    private var work: URL!
    private var lessons: LessonsProcess!

    static let lesson = """
    ---
    title: Two heads on <tiny> shapes
    ---

    # Two heads on tiny shapes

    ```swift parameters
    let epochs = 2
    let bar = 0.3
    let sgdRate = 0.1
    ```

    ```swift experiment
    let shapes = Shapes(labels: ["circle", "square", "ring"], prevalence: [0.5, 0.35, 0.25],
                        size: 16, train: 96, validation: 24, test: 48, seed: 1)

    Compare("Sigmoid or softmax", on: shapes, runs: [
        Run("sigmoid", model: MLP(hidden: [8]), head: .sigmoid, loss: .binaryCrossEntropy(),
            optimizer: .adam(learningRate: 0.01), epochs: epochs, batchSize: 16, seed: 3),
        Run("softmax", model: MLP(hidden: [8]), head: .softmax, loss: .softmaxCrossEntropy(),
            optimizer: .adam(learningRate: 0.01), epochs: epochs, batchSize: 16, seed: 3),
        Run("sgd", model: MLP(hidden: [8]), optimizer: .sgd(learningRate: sgdRate), epochs: epochs, batchSize: 16, seed: 3),
    ])
    ```

    ```swift expect
    expect(results["sigmoid"].meanAveragePrecision > bar)
    ```

    """

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try Self.lesson.write(to: work.appendingPathComponent("Lessons/01-tiny.md"), atomically: true, encoding: .utf8)
        lessons = LessonsProcess(folder: work)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func read(_ path: String) throws -> Data { try Data(contentsOf: work.appendingPathComponent(path)) }
    private func text(_ path: String) throws -> String { String(decoding: try read(path), as: UTF8.self) }

    /// results.json without the one varying field.
    private func resultsWithoutTimings() throws -> NSDictionary {
        func strip(_ value: Any) -> Any {
            if let d = value as? [String: Any] {
                return d.filter { $0.key != "timings" }.mapValues(strip)
            }
            if let a = value as? [Any] { return a.map(strip) }
            return value
        }
        return strip(try JSONSerialization.jsonObject(with: read("site/01-tiny/results.json"))) as! NSDictionary
    }

    func testPageHasTablesAndChartsWithTheNumbersOfResultsJSON() throws {
        let result = try lessons.run(["run", "01-tiny", "--jobs", "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "site/01-tiny.html\n")
        XCTAssertTrue(result.stderr.contains("3 (run, seed) pairs trained, 0 from cache"), result.stderr)
        let page = try text("site/01-tiny.html")
        XCTAssertTrue(page.contains("class=\"dataset-card\""))
        XCTAssertTrue(page.contains("<table class=\"data\">"))
        // The claimed metrics, loss and PR shown; bars and reliability under "More results".
        XCTAssertEqual(page.components(separatedBy: "<figure class=\"chart\"").count - 1, 5)
        XCTAssertTrue(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(page.contains("expect-result passed"))
        XCTAssertFalse(page.contains("<tiny>"), "lesson text is escaped")

        let json = try JSONSerialization.jsonObject(with: read("site/01-tiny/results.json")) as! [String: Any]
        XCTAssertEqual(json["status"] as? String, "passed")
        let comparison = (json["comparisons"] as! [[String: Any]])[0]
        let runs = comparison["runs"] as! [[String: Any]]
        XCTAssertEqual(runs.map { $0["name"] as! String }, ["sigmoid", "softmax", "sgd"])
        for run in runs {
            let metrics = (run["result"] as! [String: Any])["metrics"] as! [String: Any]
            for key in ["macroF1", "microF1", "meanAveragePrecision", "subsetAccuracy", "hammingLoss"] {
                let value = metrics[key] as! Double
                // The page rounds half away from zero, to three decimals.
                let shown = String(format: "%.3f", (value * 1000).rounded() / 1000)
                XCTAssertTrue(page.contains(">\(shown)<") || page.contains(">\(shown) <"),
                              "\(run["name"]!) \(key) = \(value) is not on the page")
            }
            XCTAssertEqual((run["specHash"] as! String).count, 64)
        }
        let png = try read("site/01-tiny/" + (try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("site/01-tiny").path)
            .first { $0.hasSuffix(".png") }!))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testJobsOneAndTwoGiveIdenticalResults() throws {
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--jobs", "1", "--no-cache", "--quiet"]).status, 0)
        let one = try resultsWithoutTimings(), pageOne = try read("site/01-tiny.html")
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--jobs", "2", "--no-cache", "--quiet"]).status, 0)
        XCTAssertEqual(one, try resultsWithoutTimings())
        XCTAssertEqual(pageOne, try read("site/01-tiny.html"), "pages carry no timings: same bytes")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent(".lessons-cache").path))
    }

    /// A clean clone's `make run` trains everything again: results equal to the published ones
    /// but for the wall clock keep the published timings, so the files keep their bytes.
    func testRetrainedIdenticalResultsKeepThePublishedTimings() throws {
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--no-cache", "--quiet"]).status, 0)
        let json = try read("site/01-tiny/results.json"), data = try read("site/01-tiny/rerun-data.js")
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--no-cache", "--quiet"]).status, 0)
        XCTAssertEqual(json, try read("site/01-tiny/results.json"))
        XCTAssertEqual(data, try read("site/01-tiny/rerun-data.js"))
        // A changed run has no published twin: it keeps its own clock; the unchanged ones keep theirs.
        func timings() throws -> [String: NSDictionary] {
            let runs = ((try JSONSerialization.jsonObject(with: read("site/01-tiny/results.json")) as! [String: Any])["comparisons"]
                as! [[String: Any]])[0]["runs"] as! [[String: Any]]
            return Dictionary(uniqueKeysWithValues: runs.map { ($0["name"] as! String, ($0["result"] as! [String: Any])["timings"] as! NSDictionary) })
        }
        let before = try timings()
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--no-cache", "--quiet", "--set", "sgdRate=0.2"]).status, 0)
        let after = try timings()
        XCTAssertEqual(after["sigmoid"], before["sigmoid"])
        XCTAssertEqual(after["softmax"], before["softmax"])
        XCTAssertNotEqual(after["sgd"], before["sgd"])
    }

    func testRerunTrainsNothingAndOneChangedParameterRetrainsOnlyItsRun() throws {
        XCTAssertEqual(try lessons.run(["run", "01-tiny"]).status, 0)
        let first = try resultsWithoutTimings()
        let warm = try lessons.run(["run", "01-tiny"])
        XCTAssertEqual(warm.status, 0)
        XCTAssertTrue(warm.stderr.contains("0 (run, seed) pairs trained, 3 from cache"), warm.stderr)
        XCTAssertEqual(first, try resultsWithoutTimings())
        let changed = try lessons.run(["run", "01-tiny", "--set", "sgdRate=0.2"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        XCTAssertTrue(changed.stderr.contains("1 (run, seed) pair trained, 2 from cache"), changed.stderr)
        XCTAssertTrue(changed.stderr.contains("sgd: training 2 epochs"))
        XCTAssertTrue(try text("site/01-tiny.html").contains("overridden"))
    }

    func testCorruptedEntryIsRecomputedWithAWarning() throws {
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--quiet"]).status, 0)
        let cache = work.appendingPathComponent(".lessons-cache")
        let entries = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        XCTAssertEqual(entries.count, 4, "three runs and one dataset card")
        let victim = entries.sorted { $0.path < $1.path }[0]
        try Data("{\"format\":1,".utf8).write(to: victim)
        let rerun = try lessons.run(["run", "01-tiny"])
        XCTAssertEqual(rerun.status, 0)
        XCTAssertTrue(rerun.stderr.contains("warning: cache entry"), rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains("recomputing"))
        XCTAssertFalse(try lessons.run(["run", "01-tiny"]).stderr.contains("warning"), "the entry was rewritten")
    }

    func testFailingExpectExitsOneWithALocatedMessageAndThePageShowsIt() throws {
        let result = try lessons.run(["run", "01-tiny", "--set", "bar=0.99", "--quiet"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("Lessons/01-tiny.md:27:1: error: expectation failed: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("vs 0.990)"), result.stderr)
        XCTAssertEqual(result.stdout, "site/01-tiny.html\n")
        let page = try text("site/01-tiny.html")
        XCTAssertTrue(page.contains("expect-result failed"))
        XCTAssertTrue(page.contains("✗ failed"))
        XCTAssertTrue(try text("site/01-tiny/results.json").contains("\"status\" : \"failed\""))
        XCTAssertEqual(try lessons.run(["check", "Lessons", "--quiet"]).status, 0, "check runs the lesson as written")
    }

    func testDivergingRunExitsOneAndTheOtherRunsAreRendered() throws {
        let result = try lessons.run(["run", "01-tiny", "--set", "sgdRate=1000000", "--quiet"])
        XCTAssertEqual(result.status, 1)
        // Located at the run itself, not at its Compare.
        XCTAssertTrue(result.stderr.contains("Lessons/01-tiny.md:22:5: error: run 'sgd': training diverged at epoch 1"),
                      result.stderr)
        let page = try text("site/01-tiny.html")
        XCTAssertTrue(page.contains("<div class=\"diverged\" role=\"alert\"><p><strong>sgd</strong> diverged"))
        XCTAssertTrue(page.contains("results-1-pr"), "the completed runs still get their charts")
    }

    /// A lesson may show a blow-up: a divergence that a held claim states passes.
    func testADivergenceAClaimExpectsDoesNotFailTheLesson() throws {
        let expecting = Self.lesson.replacingOccurrences(
            of: "expect(results[\"sigmoid\"].meanAveragePrecision > bar)",
            with: "expect(results[\"sigmoid\"].meanAveragePrecision > bar)\nexpect(results[\"sgd\"].diverged && !results[\"sigmoid\"].diverged)")
        try expecting.write(to: work.appendingPathComponent("Lessons/01-tiny.md"), atomically: true, encoding: .utf8)
        let blowUp = try lessons.run(["run", "01-tiny", "--set", "sgdRate=1000000", "--quiet"])
        XCTAssertEqual(blowUp.status, 0, blowUp.stderr)
        XCTAssertFalse(blowUp.stderr.contains("error:"), blowUp.stderr)
        XCTAssertTrue(try text("site/01-tiny/results.json").contains("\"status\" : \"passed\""))
        XCTAssertTrue(try text("site/01-tiny.html").contains("<strong>sgd</strong> diverged"), "the page still shows it")
        // When it does not diverge the claim fails, and so does the lesson.
        let calm = try lessons.run(["run", "01-tiny", "--quiet"])
        XCTAssertEqual(calm.status, 1)
        XCTAssertTrue(calm.stderr.contains("Lessons/01-tiny.md:28:1: error: expectation failed"), calm.stderr)
    }

    func testBadInputExitsTwoWithoutTouchingTheSite() throws {
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--quiet"]).status, 0)
        let before = try read("site/01-tiny.html")
        let bad = try lessons.run(["run", "01-tiny", "--set", "epoch=3"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("did you mean 'epochs'?"), bad.stderr)
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--jobs", "0"]).status, 2)
        XCTAssertEqual(before, try read("site/01-tiny.html"))
    }

    func testKilledRunLeavesThePreviousPageAndAConsistentCache() throws {
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--quiet"]).status, 0)
        let page = try read("site/01-tiny.html"), json = try read("site/01-tiny/results.json")
        // Long enough to be mid-training when killed: the first epoch report is the signal.
        let seen = try lessons.kill(["run", "01-tiny", "--set", "epochs=400", "--jobs", "1"], after: "epoch 1/400")
        XCTAssertTrue(seen.contains("epoch 1/400"), seen)
        XCTAssertEqual(page, try read("site/01-tiny.html"))
        XCTAssertEqual(json, try read("site/01-tiny/results.json"))
        let rerun = try lessons.run(["run", "01-tiny"])
        XCTAssertEqual(rerun.status, 0)
        XCTAssertFalse(rerun.stderr.contains("warning"), rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains("0 (run, seed) pairs trained, 3 from cache"), rerun.stderr)
    }

    func testTwoProcessesAtOnceLeaveAConsistentCache() throws {
        /// Exit statuses written by the two runs, under a lock.
        final class Statuses: @unchecked Sendable {
            private let lock = NSLock()
            private var values = [Int32](repeating: -1, count: 2)
            func set(_ i: Int, _ status: Int32) { lock.lock(); values[i] = status; lock.unlock() }
            var all: [Int32] { lock.lock(); defer { lock.unlock() }; return values }
        }
        let group = DispatchGroup()
        let statuses = Statuses()
        let lessons = self.lessons!
        for i in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                statuses.set(i, (try? lessons.run(["run", "01-tiny", "--quiet", "--out", "site-\(i)"]))?.status ?? -2)
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(statuses.all, [0, 0])
        let third = try lessons.run(["run", "01-tiny"])
        XCTAssertEqual(third.status, 0)
        XCTAssertFalse(third.stderr.contains("warning"), third.stderr)
        XCTAssertTrue(third.stderr.contains("0 (run, seed) pairs trained, 3 from cache"), third.stderr)
        XCTAssertEqual(try read("site-0/01-tiny.html"), try read("site-1/01-tiny.html"))
    }

    func testCheckExitsOneWhenALessonFails() throws {
        let ok = try lessons.run(["check", "Lessons"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stderr.contains("ok  01-tiny.md: 3 runs"), ok.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path), "check writes no pages")
        let failing = Self.lesson.replacingOccurrences(of: "let bar = 0.3", with: "let bar = 0.999")
        try failing.write(to: work.appendingPathComponent("Lessons/02-failing.md"), atomically: true, encoding: .utf8)
        let result = try lessons.run(["check", "Lessons", "--quiet"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("Lessons/02-failing.md:27:1: error: expectation failed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 of 2 lessons failed: 02-failing.md"), result.stderr)
    }
}
