import Experiments
import Foundation
import PortableJSON
@testable import LessonKit
import XCTest

/// `lessons_resolve_plan`'s answer (natively `PlanRerunResolution`, in lessons.wasm under
/// node when a module with the entry point is there: LESSONS_WASM, else site/assets;
/// skipped without node or module unless LESSONS_REQUIRE_WASM=1): for every course lesson
/// and typed values, the pairs `lessons run --set` trains, with its cache keys, specs and
/// `lessons verify`'s requests; reassembled, the bytes `lessons run --set` writes.
final class ResolutionAnswerTests: XCTestCase {
    /// The typed values of `PlanResolutionTests` (five or more per lesson, a swept and a dataset parameter among them).
    static func typed(_ set: [String: String]) -> [(name: String, source: String)] {
        set.sorted { $0.key < $1.key }.map { (name: $0.key, source: $0.value) }
    }

    static func request(_ planText: String, _ set: [(name: String, source: String)]) -> String {
        let pairs = set.map { JSONValue.array([.string($0.name), .string($0.source)]) }
        return "{\"plan\": \(planText), \"set\": \(JSONValue.array(pairs).text)}"
    }

    /// What the answer should hold for a lesson run with `set`, built from the evaluator's resolution:
    /// each pair's place, run, seed, spec and request, in the answer's order.
    static func expectedPairs(_ running: ResolvedLesson) throws -> [JSONValue] {
        var out: [JSONValue] = []
        func add(_ compare: Compare, _ place: [String: JSONValue]) throws {
            for r in compare.runs.indices {
                for replica in compare.replicas {
                    var f = place
                    f["run"] = .string(replica.runs[r].name)
                    f["seed"] = .number(Double(replica.seed ?? replica.runs[r].seed))
                    f["spec"] = replica.runs[r].json
                    f["request"] = .string(try PairRequest(run: replica.runs[r], dataset: replica.dataset,
                                                           alsoTestOn: replica.alsoTestOn).text())
                    out.append(.object(f))
                }
            }
        }
        for (i, c) in running.comparisons.enumerated() { try add(c.compare, ["comparison": .number(Double(i))]) }
        for (i, s) in running.sweeps.enumerated() {
            for (j, p) in s.points.enumerated() { try add(p, ["sweep": .number(Double(i)), "point": .number(Double(j))]) }
        }
        return out
    }

    /// The cache key of each pair as `lessons run` computes it, in the answer's order.
    static func cacheKeys(_ running: ResolvedLesson, _ id: String) throws -> [String] {
        var units = RunUnits(lessonFolder: nil, publishedFiles: try DataFiles.read(.object(["dataFiles": try dataFiles(id)])))
        let compares = running.comparisons.map(\.compare) + running.sweeps.flatMap(\.points)
        return try compares.flatMap { compare in
            let grid = try units.add(compare)
            return grid.flatMap { $0.map { units.units[$0].key } }
        }
    }

    static func withoutHash(_ pair: JSONValue) -> JSONValue {
        guard case .object(var f) = pair else { return pair }
        f["specHash"] = nil
        return .object(f)
    }

    func testEveryCourseLessonsAnswerHoldsThePairsOfRunningWithSet() throws {
        for (id, sets) in PlanResolutionTests.settings.sorted(by: { $0.key < $1.key }) {
            let lesson = try PlanResolutionTests.lesson(id)
            // The committed plan.json, which the page sends: the one the evaluator writes today.
            let planText = try String(contentsOf: RepositoryRoot.url.appendingPathComponent("site/\(id)/plan.json"), encoding: .utf8)
            XCTAssertEqual(planText, PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "\(id).md"), id)
            for set in sets {
                guard case .success(let running) = Evaluator.evaluate(lesson, overrides: set) else { return XCTFail("\(id) \(set)") }
                let answer = try JSONValue(parsing: PlanRerunResolution.answer(Array(try Self.withFiles(Self.request(planText, Self.typed(set)), id).utf8)))
                XCTAssertNil(answer["errors"], "\(id) \(set)")
                let pairs = try answer.field("pairs", "").array("")
                XCTAssertEqual(pairs.map(Self.withoutHash), try Self.expectedPairs(running), "\(id) \(set)")
                // The cache keys `lessons run` trains under (its `RunUnits`), from the evaluator's resolution.
                XCTAssertEqual(pairs.compactMap { $0["specHash"]?.asString }, try Self.cacheKeys(running, id), "\(id) \(set)")
                XCTAssertEqual(answer["parameters"]?.asArray?.count, running.parameters.count)
                XCTAssertEqual(answer["claims"]?.asArray?.count, running.expectations.count)
            }
        }
    }

    /// With no values, each pair's hash and spec are the published ones of results.json.
    func testDeclaredValuesAnswerThePublishedHashesAndSpecs() throws {
        for id in PlanResolutionTests.settings.keys.sorted() where id != "00-welcome" {
            let lesson = try PlanResolutionTests.lesson(id)
            let planText = PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "\(id).md")
            let answer = try JSONValue(parsing: PlanRerunResolution.answer(Array(try Self.withFiles(Self.request(planText, []), id).utf8)))
            let published = try JSONValue(parsing: Array(try Data(contentsOf: RepositoryRoot.url.appendingPathComponent("site/\(id)/results.json"))))
            let comparisons = try published.field("comparisons", "").array("")
            var checked = 0
            for pair in try answer.field("pairs", "").array("") {
                guard let c = pair["comparison"]?.asInt else { continue }
                let entry = try XCTUnwrap(comparisons[c]["runs"]?.asArray?.first { $0["name"] == pair["run"] }, "\(id) \(pair["run"]!)")
                let seed = try XCTUnwrap(entry["seeds"]?.asArray?.first { $0["seed"] == pair["seed"] })
                XCTAssertEqual(seed["specHash"], pair["specHash"], "\(id) \(pair["run"]!) seed \(pair["seed"]!)")
                XCTAssertEqual(entry["spec"].map(Self.withoutSeed), pair["spec"].map(Self.withoutSeed), "\(id)")
                checked += 1
            }
            XCTAssertGreaterThan(checked, 4, id)
            XCTAssertEqual(answer["parameters"], published["parameters"], id)
        }
    }

    static func withoutSeed(_ spec: JSONValue) -> JSONValue {
        guard case .object(var f) = spec else { return spec }
        f["seed"] = nil
        return .object(f)
    }

    /// The answer is the rerun's request: its pairs (a result added where the hash moved) reassemble
    /// into the results.json `lessons run --set` writes, byte for byte.
    func testTheAnswerReassemblesIntoTheBytesLessonsRunWrites() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-resolve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let lesson = try EvaluationFixture.lesson(RerunAssemblyTests.markdown)
        let pipeline = LessonPipeline(options: .init(jobs: 2, quiet: true, cacheDirectory: cache), progress: ProgressReporter(style: .quiet))
        func run(_ set: [String: String]) throws -> Data {
            try pipeline.run(lesson, id: "test", fileName: "test.md", overrides: set).results.document.encoded()
        }
        let publishedBytes = try run([:]), rerunBytes = try run(["scale": "2"])
        let rerun = try JSONValue(parsing: Array(rerunBytes))
        let planText = PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "test.md")
        let before = try JSONValue(parsing: PlanRerunResolution.answer(Array(Self.request(planText, []).utf8)))
        let after = try JSONValue(parsing: PlanRerunResolution.answer(Array(Self.request(planText, [("scale", "2")]).utf8)))
        let old = Set(try before.field("pairs", "").array("").map { Self.withoutHash($0).text + ($0["specHash"]?.asString ?? "") })
        var trained = 0
        let pairs = try after.field("pairs", "").array("").map { pair throws -> JSONValue in
            guard case .object(var f) = pair else { return pair }
            f["request"] = nil
            if !old.contains(Self.withoutHash(pair).text + (pair["specHash"]?.asString ?? "")) {
                // Its result as `lessons run --set` trained it.
                let entries: [JSONValue]
                if let c = pair["comparison"]?.asInt {
                    entries = try rerun.field("comparisons", "").array("")[c].field("runs", "").array("")
                } else {
                    let sweep = try rerun.field("sweeps", "").array("")[try XCTUnwrap(pair["sweep"]?.asInt)]
                    entries = try sweep.field("points", "").array("")[try XCTUnwrap(pair["point"]?.asInt)].array("")
                }
                let entry = entries.first { $0["name"] == pair["run"] }
                f["result"] = entry?["seeds"]?.asArray?.first { $0["seed"] == pair["seed"] }?["result"] ?? entry?["result"]
                trained += 1
            }
            return .object(f)
        }
        XCTAssertEqual(trained, 2, "the weighted run's two seeds")
        let request = JSONValue.object(["parameters": after["parameters"]!, "claims": after["claims"]!, "pairs": .array(pairs)]).text
        let assembled = try Rerun.resultsJSON(published: Array(publishedBytes), request: Array(request.utf8))
        RerunAssemblyTests.assertSameBytes(assembled, String(decoding: rerunBytes, as: UTF8.self))
    }

    /// The module's answers are the native answers, byte for byte, for every course lesson's typed
    /// values and a bad one (the pairs' cache keys, specs and requests with them).
    func testTheWebAssemblyModuleAnswersTheSameBytes() throws {
        var inputs: [(name: String, bytes: Data)] = [], expected: [String] = []
        for (id, sets) in PlanResolutionTests.settings.sorted(by: { $0.key < $1.key }) {
            let lesson = try PlanResolutionTests.lesson(id)
            let planText = PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "\(id).md")
                        // The longest operator chain a value may have, and a deep one: no stack runs out in the module.
            let chain = Array(repeating: "1", count: 257).joined(separator: "+")
            let deep = String(repeating: "(", count: 30) + "3" + String(repeating: ")", count: 30)
            for set in sets.map(Self.typed) + [[], [("epochs", "abc")], [("epochs", chain)], [("epochs", deep)]] {
                let request = Self.request(planText, set)
                let withFiles = try Self.withFiles(request, id)
                inputs.append((name: "request-\(inputs.count).json", bytes: Data(withFiles.utf8)))
                expected.append(PlanRerunResolution.answer(Array(withFiles.utf8)))
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-resolve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = try WasmUnderNode.run("resolve-node.mjs", inputs: inputs, in: folder).split(separator: "\n").map(String.init)
        XCTAssertEqual(answers.count, expected.count)
        for (i, (got, want)) in zip(answers, expected).enumerated() {
            XCTAssertEqual(got, want, String(decoding: inputs[i].bytes.suffix(80), as: UTF8.self))
        }
    }

    /// The committed results.json's `dataFiles` (the fingerprints `lessons run` published): the
    /// tests key mosaics with them, as the page does, so no file outside the repository is read.
    static func dataFiles(_ id: String) throws -> JSONValue {
        let url = RepositoryRoot.url.appendingPathComponent("site/\(id)/results.json")
        guard let published = try? Data(contentsOf: url) else { return .array([]) }
        return try JSONValue(parsing: Array(published))["dataFiles"] ?? .array([])
    }

    static func withFiles(_ request: String, _ id: String) throws -> String {
        String(request.dropLast()) + ", \"dataFiles\": \(try dataFiles(id).text)}"
    }

    /// The module's own keys and requests (no files read: mosaics keyed with the published
    /// fingerprints) give the native answer byte for byte.
    func testTheModulesKeysAndRequestsAreTheNativeOnes() throws {
        for (id, sets) in PlanResolutionTests.settings.sorted(by: { $0.key < $1.key }) {
            let lesson = try PlanResolutionTests.lesson(id)
            let planText = PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "\(id).md")
                        for set in sets.map(Self.typed) + [[]] {
                let request = Self.request(planText, set)
                let withFiles = try Self.withFiles(request, id)
                XCTAssertEqual(RerunResolution.moduleAnswer(Array(withFiles.utf8)), PlanRerunResolution.answer(Array(withFiles.utf8)), "\(id) \(set)")
            }
        }
    }

    func testBadValuesAreAnsweredAsLocatedErrorsNamingTheParameter() throws {
        let lesson = try PlanResolutionTests.lesson("05-training-dynamics")
        let plan = try PlanResolutionTests.lowered(lesson).plan
        let planText = PlanJSON.text(plan, lessonFile: "05-training-dynamics.md")
        let at = try XCTUnwrap(plan.parameters.first { $0.name == "learningRate" }).location
        let answer = try JSONValue(parsing: PlanRerunResolution.answer(Array(Self.request(planText, [("learningRate", "abc")]).utf8)))
        XCTAssertEqual(answer, .object(["errors": .array([.object([
            "message": .string("\(at.line):\(at.column): --set learningRate=abc: cannot find 'abc' in scope"),
            "parameter": .string("learningRate")])])]))
        let unknown = try JSONValue(parsing: PlanRerunResolution.answer(Array(Self.request(planText, [("epoch", "3")]).utf8)))
        XCTAssertEqual(unknown["errors"]?.asArray?.first?["message"]?.asString?.hasPrefix("--set epoch: the lesson has no parameter 'epoch'; did you mean 'epochs'?"), true)
        let broken = try JSONValue(parsing: PlanRerunResolution.answer(Array("{\"plan\": 3}".utf8)))
        XCTAssertNotNil(broken["errors"]?.asArray?.first?["message"]?.asString)
        XCTAssertNil(broken["pairs"])
    }
}
