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
}
