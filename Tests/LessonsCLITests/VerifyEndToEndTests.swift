import Foundation
import XCTest

/// `lessons verify` end to end on the tiny lesson of `RunningEndToEndTests`: a fresh
/// run agrees with itself bit for bit, a changed number is reported with its place,
/// bad input is exit 2, and (when node and the module are there) the wasm engine agrees.
final class VerifyEndToEndTests: XCTestCase {
    private var work: URL!
    private var lessons: LessonsProcess!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try RunningEndToEndTests.lesson.write(to: work.appendingPathComponent("Lessons/01-tiny.md"), atomically: true, encoding: .utf8)
        lessons = LessonsProcess(folder: work)
        XCTAssertEqual(try lessons.run(["run", "01-tiny", "--jobs", "1", "--no-cache", "--quiet", "--set", "epochs=1"]).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    func testAFreshRunAgreesAndAChangedNumberIsReported() throws {
        let agreed = try lessons.run(["verify", "01-tiny", "--set", "epochs=1"])
        XCTAssertEqual(agreed.status, 0, agreed.stderr)
        XCTAssertTrue(agreed.stdout.hasSuffix("3 (run, seed) pairs agree bit for bit with site/01-tiny/results.json (native engine)\n"),
                      agreed.stdout)

        // The first run's mAP, one digit changed.
        let path = work.appendingPathComponent("site/01-tiny/results.json")
        var text = try String(contentsOf: path, encoding: .utf8)
        let field = try XCTUnwrap(text.range(of: #""meanAveragePrecision" : [0-9.e-]+"#, options: .regularExpression))
        let original = String(text[field].split(separator: " ").last!)
        let changed = original.hasSuffix("1") ? String(original.dropLast()) + "2" : String(original.dropLast()) + "1"
        text.replaceSubrange(field, with: "\"meanAveragePrecision\" : " + changed)
        try text.write(to: path, atomically: true, encoding: .utf8)
        let differs = try lessons.run(["verify", "01-tiny", "--set", "epochs=1"])
        XCTAssertEqual(differs.status, 1)
        XCTAssertEqual(differs.stderr, "error: site/01-tiny/results.json: 'Sigmoid or softmax': run 'sigmoid', seed 3: "
                       + "metrics.meanAveragePrecision: expected \(Double(changed)!), got \(Double(original)!) (native engine)\n")
    }

    func testBadInputIsExitTwoAndNamed() throws {
        let noPair = try lessons.run(["verify", "01-tiny", "--set", "epochs=1", "--run", "adam"])
        XCTAssertEqual(noPair.status, 2)
        XCTAssertTrue(noPair.stderr.contains("no (run, seed) pair matches --run adam; runs: sgd, sigmoid, softmax; seeds: 3"), noPair.stderr)
        let otherRun = try lessons.run(["verify", "01-tiny", "--run", "sgd"])  // results were run with epochs=1
        XCTAssertEqual(otherRun.status, 1, otherRun.stderr)
        XCTAssertTrue(otherRun.stderr.contains("run 'sgd', seed 3: history.count: expected 1, got 2"), otherRun.stderr)
        let noResults = try lessons.run(["verify", "01-tiny", "--out", "elsewhere"])
        XCTAssertEqual(noResults.status, 2)
        XCTAssertTrue(noResults.stderr.contains("elsewhere/01-tiny/results.json: no results to compare with"), noResults.stderr)
    }

    /// The wasm engine trains the pair in lessons.wasm under node and agrees bit for bit.
    func testTheWasmEngineAgrees() throws {
        try WasmModule.use(in: &lessons)
        let result = try lessons.run(["verify", "01-tiny", "--set", "epochs=1", "--engine", "wasm", "--run", "softmax"])
        try WasmModule.skipWithoutNode(result)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("1 (run, seed) pair agrees bit for bit with site/01-tiny/results.json (wasm engine)\n"),
                      result.stdout)
    }
}
