import Foundation
import XCTest

/// `lessons run --diff`: the changed parameters, metrics and flipped claims,
/// against the page's results.json from before the run.
final class RunDiffTests: XCTestCase {
    private var work: URL!
    private var lessons: LessonsProcess!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try RunningEndToEndTests.lesson.write(to: work.appendingPathComponent("Lessons/01-tiny.md"), atomically: true, encoding: .utf8)
        lessons = LessonsProcess(folder: work)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    func testDiffPrintsChangedMetricsAndFlippedClaims() throws {
        let first = try lessons.run(["run", "01-tiny", "--jobs", "1", "--diff"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "site/01-tiny.html\n")
        XCTAssertTrue(first.stderr.contains("--diff: no previous results in site/01-tiny/results.json"), first.stderr)

        let same = try lessons.run(["run", "01-tiny", "--jobs", "1", "--diff"])
        XCTAssertEqual(same.stdout, "site/01-tiny.html\nWhat changed, compared with site/01-tiny/results.json: nothing.\n")

        let changed = try lessons.run(["run", "01-tiny", "--jobs", "1", "--set", "sgdRate=0.5", "--set", "bar=0.99", "--diff"])
        XCTAssertEqual(changed.status, 1, "the claim no longer holds")
        let lines = changed.stdout.components(separatedBy: "\n")
        XCTAssertEqual(Array(lines.prefix(5)), [
            "site/01-tiny.html",
            "What changed, compared with site/01-tiny/results.json:",
            "parameters:",
            "  bar      0.3 → 0.99",
            "  sgdRate  0.1 → 0.5",
        ], changed.stdout)
        XCTAssertTrue(lines.contains("Sigmoid or softmax:"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("  sgd  macro-F1  ") && $0.contains(" → ") }, changed.stdout)
        XCTAssertFalse(lines.contains { $0.hasPrefix("  sigmoid  ") || $0.hasPrefix("  softmax  ") }, "unreached runs did not move")
        XCTAssertTrue(lines.contains("claims: 1 flipped; 0 of 1 hold now"), changed.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  line 27: results[\"sigmoid\"].meanAveragePrecision > bar  held → failed (got ") },
                      changed.stdout)
    }
    /// `--diff-metrics` keeps the listed metrics (every label's recall for `recall`); parameters
    /// and claims stay; an unknown name is a usage error that lists the valid ones.
    func testDiffMetricsListsOnlyTheNamedMetrics() throws {
        // Each --diff compares with the page as the run before left it: back to the lesson's values in between.
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--jobs", "1"]).status, 0)
        let all = try lessons.run(["run", "01-tiny", "--jobs", "1", "--set", "sgdRate=0.5", "--diff"])
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--jobs", "1"]).status, 0)
        let some = try lessons.run(["run", "01-tiny", "--jobs", "1", "--set", "sgdRate=0.5", "--diff",
                                    "--diff-metrics", "macroF1,recall"])
        XCTAssertEqual(some.status, 0, some.stderr)
        let metricLines = { (out: String) in out.components(separatedBy: "\n").filter { $0.hasPrefix("  sgd  ") } }
        XCTAssertGreaterThan(metricLines(all.stdout).count, metricLines(some.stdout).count, all.stdout)
        XCTAssertFalse(metricLines(some.stdout).isEmpty, some.stdout)
        for line in metricLines(some.stdout) {
            XCTAssertTrue(line.contains(" macro-F1 ") || line.contains(" recall of "), line)
        }
        XCTAssertTrue(some.stdout.contains("  sgdRate  0.1 → 0.5"), some.stdout)
        XCTAssertTrue(some.stdout.contains("claims: 0 flipped; 1 of 1 hold now"), some.stdout)

        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--jobs", "1"]).status, 0)
        let summary = try lessons.run(["run", "01-tiny", "--jobs", "1", "--set", "sgdRate=0.5", "--diff", "--diff-metrics", "none"])
        XCTAssertTrue(metricLines(summary.stdout).isEmpty, summary.stdout)
        XCTAssertTrue(summary.stdout.contains("  sgdRate  0.1 → 0.5"), summary.stdout)
        XCTAssertTrue(summary.stdout.contains("claims: 0 flipped; 1 of 1 hold now"), summary.stdout)

        let unknown = try lessons.run(["run", "01-tiny", "--diff", "--diff-metrics", "macroF2"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("--diff-metrics: unknown metric 'macroF2'; metrics: macroF1, "), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("recall, recall(LABEL), or none"), unknown.stderr)
        let alone = try lessons.run(["run", "01-tiny", "--diff-metrics", "macroF1"])
        XCTAssertEqual(alone.status, 2)
        XCTAssertTrue(alone.stderr.contains("--diff-metrics needs --diff"), alone.stderr)
    }
}
