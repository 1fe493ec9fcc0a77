import Foundation
import XCTest
import Experiments
import PortableJSON
@testable import LessonKit

/// A rerun's results.json reassembled from the published one, the retrained pairs and
/// the resolved parameters and claims is the file `lessons run --set ...` writes, byte for
/// byte: natively, and in lessons.wasm under node (skipped when node or a module with
/// `lessons_assemble_results` is missing, unless LESSONS_REQUIRE_WASM=1; LESSONS_WASM picks
/// another module).
final class RerunAssemblyTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-rerun-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    /// Two seeds, a run weighted by a parameter, a sweep of it, and claims (one per seed,
    /// one reading a parameter).
    static let markdown = EvaluationFixture.blocks([
        ("parameters", "let scale = 0.5\nlet margin = 0.01"),
        ("experiment", """
        let data = Shapes(labels: ["circle", "square", "ring"], prevalence: [0.5, 0.35, 0.25], size: 16, noise: 0.02,
                          train: 96, validation: 24, test: 48, seed: 1)
        Compare("Weights", on: data, seeds: [1, 2], runs: [
            Run("plain", model: MLP(hidden: [8]), optimizer: .adam(learningRate: 0.01), epochs: 2, batchSize: 16),
            Run("weighted", model: MLP(hidden: [8]), loss: .binaryCrossEntropy(posWeight: .balanced(scale: scale)),
                optimizer: .adam(learningRate: 0.01), epochs: 2, batchSize: 16),
        ])
        """),
        ("experiment", #"Sweep("scale", parameter: "scale", values: [0.5, 1], runs: ["weighted"])"#),
        ("expect", """
        expect(results["weighted"].recall("ring") >= results["plain"].recall("ring") - margin, inAtLeast: 1)
        expect(results["weighted"].macroF1 > 0)
        """),
    ])

    /// results.json of the lesson run with `overrides`, and the run's resolved plan.
    private func run(_ overrides: [String: String]) throws -> (json: Data, plan: ResolvedLesson) {
        try Self.run(Self.markdown, overrides, cache: cache)
    }

    /// results.json of `markdown` run with `overrides` (cached in `cache`), and the run's resolved plan.
    static func run(_ markdown: String, _ overrides: [String: String], cache: URL) throws -> (json: Data, plan: ResolvedLesson) {
        let lesson = try EvaluationFixture.lesson(markdown)
        let pipeline = LessonPipeline(options: .init(jobs: 2, quiet: true, cacheDirectory: cache),
                                      progress: ProgressReporter(style: .quiet))
        let report = try pipeline.run(lesson, id: "test", fileName: "test.md", overrides: overrides)
        return (try report.results.document.encoded(), try LessonPipeline.plan(lesson, overrides: overrides))
    }

    /// The plan's resolved claims, as a request carries them (plan.json's form).
    static func claims(_ plan: ResolvedLesson) -> JSONValue {
        .array(plan.expectations.map { e -> JSONValue in
            .object(["claim": .string(e.claim), "block": .number(Double(e.blockIndex)), "line": .number(Double(e.location.line)),
                     "column": .number(Double(e.location.column)), "check": e.planJSON])
        })
    }

    /// The request a rerun sends: every pair of the new plan (from its results.json), with
    /// a result only where the spec changed, and the plan's parameters and resolved claims.
    private func request(_ rerun: Data, plan: ResolvedLesson, published: Data) throws -> Data {
        let new = try JSONValue(parsing: Array(rerun)), old = try JSONValue(parsing: Array(published))
        var pairs: [JSONValue] = []
        for (c, comparison) in try new.field("comparisons", "").array("").enumerated() {
            let before = try old.field("comparisons", "").array("")[c].field("runs", "").array("")
            for entry in try comparison.field("runs", "").array("") {
                let published = before.first { $0["name"] == entry["name"] }
                for (s, seed) in try entry.field("seeds", "").array("").enumerated() {
                    var pair: [String: JSONValue] = ["comparison": .number(Double(c)), "run": entry["name"]!, "seed": seed["seed"]!,
                                                     "specHash": seed["specHash"]!, "spec": entry["spec"]!]
                    if published?["seeds"]?.asArray?[s]["specHash"] != seed["specHash"] { pair["result"] = seed["result"]! }
                    pairs.append(.object(pair))
                }
            }
        }
        let parameters = try new.field("parameters", "")
        return Data(JSONValue.object(["parameters": parameters, "claims": Self.claims(plan), "pairs": .array(pairs)]).text.utf8)
    }

    func testTheRerunsResultsAreTheBytesLessonsRunWrites() throws {
        let published = try run([:]).json
        let (rerun, plan) = try run(["scale": "2"])
        XCTAssertNotEqual(rerun, published)
        let request = try request(rerun, plan: plan, published: published)
        XCTAssertEqual(try JSONValue(parsing: Array(request))["pairs"]?.asArray?.filter { $0["result"] != nil }.count, 2,
                       "only the weighted run's two seeds changed")
        let assembled = try Rerun.resultsJSON(published: Array(published), request: Array(request))
        Self.assertSameBytes(assembled, String(decoding: rerun, as: UTF8.self))
    }

    /// A browser trains each spec hash once; a result trained under another run's name (a
    /// sweep point equal to a comparison's run) is named after its pair's run, as natively.
    func testAResultTrainedUnderAnotherNameIsNamedAfterItsRun() throws {
        let published = try run([:]).json
        let (rerun, plan) = try run(["scale": "2"])
        guard case .object(var fields) = try JSONValue(parsing: Array(try request(rerun, plan: plan, published: published))),
              case .array(var pairs)? = fields["pairs"] else { return XCTFail("no pairs") }
        for (i, pair) in pairs.enumerated() {
            guard case .object(var p) = pair, case .object(var result)? = p["result"] else { continue }
            result["name"] = .string("plain")
            p["result"] = .object(result)
            pairs[i] = .object(p)
        }
        fields["pairs"] = .array(pairs)
        let assembled = try Rerun.resultsJSON(published: Array(published), request: Array(JSONValue.object(fields).text.utf8))
        Self.assertSameBytes(assembled, String(decoding: rerun, as: UTF8.self))
    }

    func testAChangedPairWithoutItsResultIsAnErrorNamingIt() throws {
        let published = try run([:]).json
        let (rerun, plan) = try run(["scale": "2"])
        var request = try JSONValue(parsing: Array(try request(rerun, plan: plan, published: published)))
        guard case .object(var fields) = request, case .array(var pairs)? = fields["pairs"] else { return XCTFail("no pairs") }
        let changed = try XCTUnwrap(pairs.firstIndex { $0["result"] != nil })
        guard case .object(var pair) = pairs[changed] else { return XCTFail() }
        pair["result"] = nil
        pairs[changed] = .object(pair)
        fields["pairs"] = .array(pairs)
        request = .object(fields)
        XCTAssertThrowsError(try Rerun.resultsJSON(published: Array(published), request: Array(request.text.utf8))) { error in
            let message = (error as? ResultsReadError)?.message ?? ""
            XCTAssertTrue(message.contains("request.pairs[\(changed)]: run 'weighted' seed 1 changed"), message)
        }
        XCTAssertThrowsError(try Rerun.resultsJSON(published: Array(published), request: Array("{}".utf8))) { error in
            XCTAssertEqual((error as? ResultsReadError)?.message, "request.pairs: missing")
        }
        XCTAssertThrowsError(try Rerun.resultsJSON(published: Array("{".utf8), request: Array("{}".utf8))) { error in
            XCTAssertTrue((error as? ResultsReadError)?.message.hasPrefix("results.json: ") == true)
        }
        // A published run with no seeds is an error at its place, not a crash.
        guard case .object(var document) = try JSONValue(parsing: Array(published)), case .array(var comparisons)? = document["comparisons"],
              case .object(var comparison) = comparisons[0], case .array(var runs)? = comparison["runs"],
              case .object(var run) = runs[0] else { return XCTFail("unexpected results.json") }
        run["seeds"] = .array([])
        runs[0] = .object(run)
        comparison["runs"] = .array(runs)
        comparisons[0] = .object(comparison)
        document["comparisons"] = .array(comparisons)
        let emptied = JSONValue.object(document).text
        let onlyClaims = JSONValue.object(["parameters": .array([]), "claims": .array([]), "pairs": .array([])]).text
        XCTAssertThrowsError(try Rerun.resultsJSON(published: Array(emptied.utf8), request: Array(onlyClaims.utf8))) { error in
            XCTAssertEqual((error as? ResultsReadError)?.message, "comparisons[0].runs[0].seeds: no seeds")
        }
    }

    /// Lessons are untrusted, and so are requests: every key of the request and of results.json
    /// renamed, or its values made strings, is an error (or, for a key no reader needs, a
    /// document), never a crash; and of two damaged fields the first read is the one reported.
    func testNoDamagedFieldCrashesTheAssembly() throws {
        let published = try run([:]).json
        let (rerun, plan) = try run(["scale": "2"])
        let request = String(decoding: try request(rerun, plan: plan, published: published), as: UTF8.self)
        let document = String(decoding: published, as: UTF8.self)
        func damaged(_ text: String) -> [String] {
            Set(text.matches(of: #/"([A-Za-z_][A-Za-z0-9_]*)" ?: /#).map { String($0.1) }).sorted().flatMap { key in
                [text.replacingOccurrences(of: "\"\(key)\":", with: "\"\(key)_\":")
                    .replacingOccurrences(of: "\"\(key)\" : ", with: "\"\(key)_\" : "),
                 text.replacingOccurrences(of: "\"\(key)\":", with: "\"\(key)\":\"x\",\"\(key)_\":")
                    .replacingOccurrences(of: "\"\(key)\" : ", with: "\"\(key)\" : \"x\", \"\(key)_\" : ")]
            }
        }
        var errors = 0, cases = 0
        for text in damaged(request) {
            cases += 1
            do { _ = try Rerun.resultsJSON(published: Array(published), request: Array(text.utf8)) } catch { errors += 1 }
        }
        for text in damaged(document) {
            cases += 1
            do { _ = try Rerun.resultsJSON(published: Array(text.utf8), request: Array(request.utf8)) } catch { errors += 1 }
        }
        XCTAssertGreaterThan(errors, cases / 3)
        let twice = request.replacingOccurrences(of: "\"run\":", with: "\"runs\":").replacingOccurrences(of: "\"claim\":", with: "\"claims\":")
        XCTAssertThrowsError(try Rerun.resultsJSON(published: Array(published), request: Array(twice.utf8))) { error in
            XCTAssertEqual((error as? ResultsReadError)?.message, "request.pairs[0].run: missing")
        }
    }

    func testTheWebAssemblyModuleAssemblesTheSameBytes() throws {
        let published = try run([:]).json
        let (rerun, plan) = try run(["scale": "2"])
        try assertModuleAssembles(rerun, from: published, request: try request(rerun, plan: plan, published: published))
    }

    /// Lesson 03 with `--set posWeightScale=2`, when LESSONS_RERUN_03 names the results.json
    /// `lessons run 03 --set posWeightScale=2 --out DIR` wrote (training it takes minutes, so
    /// it is not trained here): reassembled from the published page natively and in the module.
    func testLesson03RerunIsTheBytesLessonsRunWrites() throws {
        let (rerun, published, plan) = try Self.lesson03("LESSONS_RERUN_03", ["posWeightScale": "2"])
        let request = try request(rerun, plan: plan, published: published)
        XCTAssertEqual(try JSONValue(parsing: Array(request))["pairs"]?.asArray?.filter { $0["result"] != nil }.count, 5,
                       "one run × 5 seeds retrains")
        Self.assertSameBytes(try Rerun.resultsJSON(published: Array(published), request: Array(request)),
                             String(decoding: rerun, as: UTF8.self))
        try assertModuleAssembles(rerun, from: published, request: request)
    }

    /// The results.json of lesson 03 run with `overrides` that the variable `name` names (skipped
    /// when it is not set: training takes minutes), the published one, and the run's plan.
    static func lesson03(_ name: String, _ overrides: [String: String]) throws -> (rerun: Data, published: Data, plan: ResolvedLesson) {
        guard let path = ProcessInfo.processInfo.environment[name] else {
            throw XCTSkip("\(name) is not set (lessons run 03 " + overrides.map { "--set \($0)=\($1)" }.joined(separator: " ") + " --out DIR)")
        }
        let file = RepositoryRoot.url.appendingPathComponent("Lessons/03-weighted-loss.md")
        let lesson = try Lesson(path: file.path, markdown: String(contentsOf: file, encoding: .utf8))
        return (try Data(contentsOf: URL(fileURLWithPath: path)),
                try Data(contentsOf: RepositoryRoot.url.appendingPathComponent("site/03-weighted-loss/results.json")),
                try LessonPipeline.plan(lesson, overrides: overrides))
    }

    private func assertModuleAssembles(_ rerun: Data, from published: Data, request: Data) throws {
        let wasm = try WasmUnderNode.run("assemble-node.mjs", inputs: [("results.json", published), ("request.json", request)],
                                         in: cache.appendingPathComponent("inputs"))
        Self.assertSameBytes(wasm, String(decoding: rerun, as: UTF8.self))
    }

    /// Equal text, or the first difference in context.
    static func assertSameBytes(_ got: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let a = Array(got.utf8), b = Array(expected.utf8)
        guard a != b else { return }
        let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        XCTFail("\(a.count) vs \(b.count) bytes, first difference at \(i): …\(String(decoding: a[max(0, i - 120)..<min(a.count, i + 80)], as: UTF8.self))… expected …\(String(decoding: b[max(0, i - 120)..<min(b.count, i + 80)], as: UTF8.self))…",
                file: file, line: line)
    }
}
