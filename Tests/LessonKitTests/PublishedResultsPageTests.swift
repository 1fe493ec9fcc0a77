import Foundation
import XCTest
import Experiments
@testable import LessonKit
import ResultsRendering

/// A lesson's results sections re-rendered from its published `results.json` and page
/// context are the bytes `lessons run` wrote: natively, and in lessons.wasm under node
/// (skipped when node or a module with the renderer is missing, unless LESSONS_REQUIRE_WASM=1;
/// LESSONS_WASM picks another module).
final class PublishedResultsPageTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-published-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    /// Two comparisons on one dataset (several seeds with a diverged run and a chosen `show:`,
    /// then one seed with the defaults), a sweep, and claims with values and per-seed checks.
    private func lesson() throws -> LessonResults {
        let runner = LessonRunner(options: .init(jobs: 2, cache: ResultCache(directory: cache)),
                                  progress: ProgressReporter(style: .quiet), dataSource: LessonRunner.datasetLoader(lessonFolder: nil),
                                  summarize: LessonRunner.summaryWithPreview)
        let seeded = LessonRunner.Comparison(
            title: "Seeds <b>", dataset: TinyData.shapes(), seeds: [1, 2],
            runs: [TinyRuns.run("plain"), TinyRuns.run("tuned", threshold: .tuned(maximizing: .f1)), TinyRuns.run("wild", optimizer: .sgd(learningRate: 1e30))],
            blockIndex: 2, show: [.table, .perLabel("ring"), .thresholds, .claimed, .pr, .calibration])
        let single = LessonRunner.Comparison(title: "One seed", dataset: TinyData.shapes(), runs: [TinyRuns.run("again", epochs: 3)],
                                             blockIndex: 5)
        let points = [1, 3].map { e in
            Compare(title: "s", dataset: TinyData.shapes(), seeds: [1, 2], runs: [TinyRuns.run("plain", epochs: e)])
        }
        let sweep = LessonRunner.SweepJob(title: "How long?", parameter: "epochs", values: ["1", "3"], points: points,
                                          metrics: nil, blockIndex: 7)
        let outcome = try runner.run([seeded, single], sweeps: [sweep])
        let claims = [
            LessonResults.CheckedExpectation(blockIndex: 3, record: .init(
                line: 12, column: 1, source: #"results["tuned"].recall("ring") > results["plain"].recall("ring") + 0.05"#,
                passed: false, detail: "got 0.5 vs 0.4", values: [ClaimValues(
                    left: #"results["tuned"].recall("ring")"#, leftValue: 0.5, comparison: ">",
                    right: #"results["plain"].recall("ring")"#, rightValue: 0.4, margin: 0.05, holds: false)])),
            LessonResults.CheckedExpectation(blockIndex: 3, record: .init(
                line: 13, column: 1, source: #"results["plain"].macroF1 > 0.1, inAtLeast: 1"#, passed: true,
                detail: "held in 2 of 2 seeds, needs 1", required: 1,
                seeds: [SeedCheck(seed: 1, passed: true, detail: "got 0.6 vs 0.1"), SeedCheck(seed: 2, passed: true, detail: "")],
                sanityCheck: true)),
        ]
        return LessonResults(lessonFile: "01-tiny.md", lessonID: "01-tiny", title: "Tiny", parameters: [],
                             comparisons: [seeded, single], outcome: outcome, expectations: claims)
    }

    private func published(_ results: LessonResults) throws -> (results: Data, context: Data, page: PageExtras) {
        let page = try results.pageExtras()
        return (try XCTUnwrap(page.files["results.json"]), try results.encodedPageContext(), page)
    }

    func testSectionsFromPublishedResultsAreThePageBytes() throws {
        let (json, context, page) = try published(try lesson())
        let rendered = try PublishedResultsPage.sections(resultsJSON: Array(json), contextJSON: Array(context)).render()
        XCTAssertEqual(Set(rendered.afterBlock.keys), [2, 3, 5, 7])
        for (block, html) in page.afterBlock { XCTAssertEqual(rendered.afterBlock[block], html.html, "block \(block)") }
        XCTAssertEqual(rendered.afterBlock.count, page.afterBlock.count)
        XCTAssertEqual(rendered.references, page.references)
        XCTAssertTrue(rendered.afterBlock[2]?.contains("src=\"01-tiny/dataset-") == true, "the published preview is linked")
    }

    func testDamagedInputIsAnErrorThatSaysWhere() throws {
        let (json, context, _) = try published(try lesson())
        func failure(_ results: [UInt8], _ context: [UInt8]) -> String? {
            do {
                _ = try PublishedResultsPage.sections(resultsJSON: results, contextJSON: context)
                return nil
            } catch { return error.message }
        }
        XCTAssertEqual(failure(Array("{\"comparisons\": [1,]}".utf8), Array(context)), "results.json: JSON at byte 19: expected a value")
        let text = String(decoding: json, as: UTF8.self).replacingOccurrences(of: "\"testCount\"", with: "\"testCounted\"")
        XCTAssertEqual(failure(Array(text.utf8), Array(context)), "comparisons[0].runs[0].seeds[0].result.metrics: missing 'testCount'")
        XCTAssertNotNil(failure(Array(json), Array("{}".utf8)))
        // Reads go on past a failure (with placeholders) but the first one is the error,
        // as if each read had thrown: here the run's name comes before its results.
        let twice = text.replacingOccurrences(of: "\"name\"", with: "\"named\"")
        XCTAssertEqual(failure(Array(twice.utf8), Array(context)), "comparisons[0].runs[0]: missing 'name'")
        let mistyped = String(decoding: json, as: UTF8.self).replacingOccurrences(of: "\"testCount\" : ", with: "\"testCount\" : \"x\", \"was\" : ")
        XCTAssertEqual(failure(Array(mistyped.utf8), Array(context)), "comparisons[0].runs[0].seeds[0].result.metrics.testCount: expected a whole number")
    }

    /// Reads go on past a failure with placeholders, so no damage may reach a precondition:
    /// every key renamed, and every key's values made strings, is an error (or, for a key the
    /// readers skip, sections), never a crash; the "What changed" reader likewise.
    func testNoDamagedFieldCrashesTheReaders() throws {
        let (json, context, _) = try published(try lesson())
        let text = String(decoding: json, as: UTF8.self)
        let keys = Set(text.matches(of: #/"([A-Za-z_][A-Za-z0-9_]*)" : /#).map { String($0.1) })
        XCTAssertGreaterThan(keys.count, 40)
        var errors = 0
        for key in keys.sorted() {
            let renamed = text.replacingOccurrences(of: "\"\(key)\" : ", with: "\"\(key)_\" : ")
            let mistyped = text.replacingOccurrences(of: "\"\(key)\" : ", with: "\"\(key)\" : \"x\", \"\(key)_\" : ")
            for damaged in [renamed, mistyped] {
                do { _ = try PublishedResultsPage.sections(resultsJSON: Array(damaged.utf8), contextJSON: Array(context)) } catch { errors += 1 }
                _ = try? ResultsDiff.Side(resultsJSON: Array(damaged.utf8))
            }
        }
        // Half the keys belong to run specs and timings, which neither reader reads.
        XCTAssertGreaterThan(errors, keys.count / 2)
    }

    func testTheWebAssemblyModuleRendersTheSameBytes() throws {
        let (json, context, _) = try published(try lesson())
        let native = try PublishedResultsPage.sections(resultsJSON: Array(json), contextJSON: Array(context)).render().json
        assertSameBytes(try WasmUnderNode.run("render-node.mjs", inputs: [("results.json", json), ("context.json", context)],
                                            in: cache.appendingPathComponent("inputs")), native)
    }

    /// The browser rerun's "What changed" in the module is the native box: a parameter, a
    /// moved metric and a flipped claim between the published results and others.
    func testTheWebAssemblyModuleRendersWhatChanged() throws {
        let before = try lesson().document
        var after = before
        after.parameters = [.init(name: "bar", type: "Double", value: "0.9", declaredValue: "0.1", overridden: true)]
        after.comparisons[0].runs[0].result.metrics?.macroF1 += 0.25
        after.expectations[1].passed = false
        let native = WhatChangedView(diff: ResultsDiff(before: before, after: after)).html()
        XCTAssertTrue(native.contains("flipped") && native.contains("<code>bar</code>"), native)
        assertSameBytes(try WasmUnderNode.run("render-node.mjs", options: ["--changes"],
                                            inputs: [("before.json", try before.encoded()), ("after.json", try after.encoded())],
                                            in: cache.appendingPathComponent("inputs")), native)
    }

    private func assertSameBytes(_ wasm: String, _ native: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(wasm.utf8.count, native.utf8.count, file: file, line: line)
        if let i = zip(wasm.utf8, native.utf8).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            XCTFail("wasm and native differ at byte \(i): …\(String(decoding: Array(native.utf8)[max(0, i - 80)..<min(native.utf8.count, i + 80)], as: UTF8.self))…",
                    file: file, line: line)
        }
    }
}
